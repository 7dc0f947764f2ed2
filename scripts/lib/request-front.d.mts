// Types for scripts/lib/request-front.mjs, which the server runs as plain JavaScript and the tests import.
import type { IncomingHttpHeaders } from "node:http";

type RequestLike = {
  headers: IncomingHttpHeaders | Record<string, string | string[] | undefined>;
  socket?: { remoteAddress?: string; encrypted?: boolean };
};

export const MAX_BODY_BYTES: number;
export function normalizeAddress(address: string | undefined): string;
export function applyForwardingHeaders(req: RequestLike, options: { trustProxy: boolean }): void;
export function refusalFor(
  req: RequestLike,
  options?: { maxBodyBytes?: number },
): { status: number; message: string } | null;
export function isLoopbackHost(host: string | undefined | null): boolean;
