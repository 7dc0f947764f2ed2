// Types for scripts/lib/heap-limit.mjs (plain JavaScript run before the server; the unit tests import it).
export const DEFAULT_HEAP_MB: number;
export function heapLimitArgs(env?: Record<string, string | undefined>): string[];
/** MALLOC_ARENA_MAX for the server's environment: "2" unless the environment sets one. */
export function allocatorEnv(env?: Record<string, string | undefined>): { MALLOC_ARENA_MAX: string };
