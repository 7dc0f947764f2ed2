// Types for the parts of database.mjs that TypeScript scripts and tests use.
export function withDatabase(url: string, database: string): string;
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export function ensureDatabaseExists(url: string): Promise<void>;
export function startEmbedded(options: { dataDir: string; port: number }): Promise<{
  baseUrl: string;
  stop: () => Promise<void>;
  /** The EmbeddedPostgres itself (absent when another process owns the running server). */
  server?: { start: () => Promise<void>; stop: () => Promise<void> };
}>;
