import type { IncomingMessage, ServerResponse } from "node:http";

export const ONCE_BYTES: number;
export function acceptsGzip(header: string | string[] | undefined | null): boolean;
export function compressOnce(options?: { maxBytes?: number }): {
  compressResponse(req: IncomingMessage, res: ServerResponse): void;
  stats: { compressed: number; reused: number };
  heldBytes(): number;
};
