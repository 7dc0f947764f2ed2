// Types for scripts/lib/heap-limit.mjs (plain JavaScript run before the server; the unit tests import it).
export const DEFAULT_HEAP_MB: number;
export function heapLimitArgs(env?: Record<string, string | undefined>): string[];
