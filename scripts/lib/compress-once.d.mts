import type { IncomingMessage, ServerResponse } from "node:http";

export const ONCE_BYTES: number;
export const TAGGED_PAGES: number;
export function acceptsGzip(header: string | string[] | undefined | null): boolean;
export function pageTag(body: string | Buffer, encoding?: string): string;
export function compressOnce(options?: { maxBytes?: number; taggedPages?: number }): {
  compressResponse(req: IncomingMessage, res: ServerResponse): void;
  stats: { compressed: number; reused: number; tagged: number; tagReused: number };
  heldBytes(): number;
  taggedCount(): number;
};
