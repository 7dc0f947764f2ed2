// Types for scripts/lib/next-cache-write.mjs (plain JavaScript run by the server; the unit tests import it).
export const NEXT_CACHE_SOURCES: RegExp[];
export function measureOnlyWhenChecked(source: string): { source: string; rewritten: number };
export function takeNextCacheMeasureOnlyWhenChecked(options?: { warn?: (message: string) => void }): void;
