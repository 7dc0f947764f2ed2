import "server-only";
import { env } from "../env";
import type { DestinationPolicy } from "../http/outbound-post";

/**
 * Where webhooks may go: public https addresses; plain http to loopback only under the tests' explicit setting
 * (WEBHOOKS_ALLOW_LOOPBACK=1), which production (ATLAS_ENV=production) ignores.
 */
export function webhookPolicy(): DestinationPolicy {
  const { WEBHOOKS_ALLOW_LOOPBACK, ATLAS_ENV } = env();
  return { allowLoopback: WEBHOOKS_ALLOW_LOOPBACK === "1" && ATLAS_ENV !== "production" };
}
