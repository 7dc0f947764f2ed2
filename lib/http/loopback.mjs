// Whether a listening address is reachable from this machine only. Plain JavaScript: the server
// (scripts/serve.mjs), the start and seed scripts and the app (lib/env.ts) all apply this one rule.

/** Is this host (HOST, as the server binds it) reachable only from this machine? */
export function isLoopbackHost(host) {
  const h = String(host ?? "")
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, "$1");
  return h === "localhost" || h === "::1" || /^127(?:\.\d{1,3}){3}$/.test(h);
}
