// Types for the tests that import the handler (Next loads the JavaScript itself).
export default class AtlasCacheHandler {
  constructor(options?: { serverDistDir?: string; maxMemoryCacheSize?: number; [key: string]: unknown });
  get(
    key: string,
    ctx: Record<string, unknown>,
  ): Promise<{ value: unknown; lastModified: number; cacheControl?: unknown } | null>;
  set(key: string, data: unknown, ctx: Record<string, unknown>): Promise<void>;
  revalidateTag(tags: string | string[], durations?: { expire?: number }): Promise<void>;
  resetRequestCache(): void;
}
export function disconnectCache(): void;
