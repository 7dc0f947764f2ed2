// Types for scripts/lib/front-expiry.mjs (plain JavaScript run by the server; the unit tests import it).
import type { IncomingMessage, ServerResponse } from "node:http";

export function expireAtFrontWithinTheSecond(
  req: Pick<IncomingMessage, "method">,
  res: Pick<ServerResponse, "setHeader">,
  now?: number,
): void;
