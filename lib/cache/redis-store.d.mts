// Types for the tests and scripts that import the Redis store (Next loads the JavaScript itself).
/** A sentence saying what Redis's settings leave unbounded, or null (bounded, or Redis will not say). */
export function redisBoundWarning(url?: string): Promise<string | null>;
/** Close this process's Redis connection. */
export function disconnectCache(): void;
/** Entries and tag states in Redis, shared by every instance. */
export class RedisStore {
  constructor(build: string);
  /** When any instance last recorded an invalidation (ms; 0 if none). */
  static latestInvalidation(): Promise<number>;
  setTagStates(tags: string[], state: { stale?: number; expired?: number }): Promise<void>;
}
