// Types for the tests that import the module (the server and the cache handler load the JavaScript itself).
export const WAIT_LIMIT_MS: number;
export function pageOfKey(key: string): string | null;
export function inRequest<T>(prefetch: boolean, handle: () => T): T;
export function renderStarted(key: string, startedAt: number, stale: boolean): void;
export function renderEnded(key: string): void;
export function invalidated(at: number): void;
export function olderRenderToAwait(
  page: string,
  latestElsewhere?: () => Promise<number>,
  limitMs?: number,
): Promise<void> | null;
