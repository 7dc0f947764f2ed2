// Types for lib/http/loopback.mjs, which plain-JavaScript scripts import too.
export function isLoopbackHost(host: string | undefined | null): boolean;
