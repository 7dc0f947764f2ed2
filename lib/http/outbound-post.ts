import "server-only";
// A POST the server makes for someone else (a webhook's delivery). The name is resolved here, every address it
// resolves to is checked (lib/http/public-address.ts), and the connection goes to the checked address through a
// `lookup` that hands back only that one: no second DNS query that a rebinding name could answer differently.
// The Host header and TLS SNI stay the name's, so certificates are checked as usual. No redirect is followed, the
// whole exchange has a deadline and the answer is read up to a cap.
import { lookup } from "node:dns/promises";
import http from "node:http";
import https from "node:https";
import type { LookupFunction } from "node:net";
import { isIpLiteral, refusalOfAddress } from "./public-address";

/** What may be called: `allowLoopback` is the tests' explicit setting (plain http to 127.0.0.1 or ::1). */
export type DestinationPolicy = { allowLoopback: boolean };

/** A destination the server will not call, with why (shown to the webhook's owner and kept in its log). */
export class DestinationRefusedError extends Error {}

/** The URL as a webhook may have it: https (or http under the test setting), no credentials, a host. */
export function webhookUrl(raw: string, policy: DestinationPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DestinationRefusedError("The address is not a URL.");
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && policy.allowLoopback))
    throw new DestinationRefusedError("The address must start with https://.");
  if (url.username || url.password) throw new DestinationRefusedError("The address may not hold a user or password.");
  if (!url.hostname) throw new DestinationRefusedError("The address has no host.");
  return url;
}

export type Resolved = { address: string; family: 4 | 6 };

/**
 * The address to connect to for this URL's host, checked. A name that resolves to any refused address is refused
 * as a whole: a mix of public and private answers is how a rebinding attack starts.
 */
export async function resolveDestination(url: URL, policy: DestinationPolicy): Promise<Resolved> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const answers = isIpLiteral(host)
    ? [{ address: host, family: host.includes(":") ? 6 : 4 }]
    : await lookup(host, { all: true, verbatim: true }).catch(() => {
        throw new DestinationRefusedError(`The host ${host} could not be found.`);
      });
  if (!answers.length) throw new DestinationRefusedError(`The host ${host} could not be found.`);
  for (const { address } of answers) {
    const refusal = refusalOfAddress(address, { allowLoopback: policy.allowLoopback });
    if (refusal)
      throw new DestinationRefusedError(
        `The host ${host} resolves to ${address}, which is not a public address (${refusal}): ` +
          "webhooks only go to public addresses.",
      );
  }
  const first = answers[0]!;
  return { address: first.address, family: first.family === 6 ? 6 : 4 };
}

export type PostOutcome = { status: number; durationMs: number };

/**
 * POST `body` to `url` (checked as above), answering with the status (3xx included: never followed). Throws
 * DestinationRefusedError for a refused destination and an Error for a failed exchange (timeout, reset, TLS).
 */
export async function postToPublicAddress(
  url: URL,
  body: string,
  headers: Record<string, string>,
  policy: DestinationPolicy,
  { timeoutMs = 10_000, maxResponseBytes = 64 * 1024 } = {},
): Promise<PostOutcome> {
  const started = performance.now();
  const target = await resolveDestination(url, policy);
  // Only ever the checked address, whatever the name would resolve to now.
  const pinned: LookupFunction = (_hostname, options, callback) => {
    if (options.all) (callback as (e: null, a: Resolved[]) => void)(null, [target]);
    else callback(null, target.address, target.family);
  };
  const client = url.protocol === "https:" ? https : http;
  return new Promise<PostOutcome>((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: "POST",
        lookup: pinned,
        agent: false,
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
      },
      (response) => {
        let seen = 0;
        const done = () => {
          clearTimeout(deadline);
          resolve({ status: response.statusCode ?? 0, durationMs: Math.round(performance.now() - started) });
        };
        // The answer's body means nothing to us: read a little of it, then hang up.
        response.on("data", (chunk: Buffer) => {
          seen += chunk.length;
          if (seen > maxResponseBytes) {
            done();
            request.destroy();
          }
        });
        response.on("end", done);
        response.on("error", done);
      },
    );
    const deadline = setTimeout(() => request.destroy(new Error(`No answer within ${timeoutMs / 1000} s.`)), timeoutMs);
    request.on("error", (error) => {
      clearTimeout(deadline);
      reject(error);
    });
    request.end(body);
  });
}
