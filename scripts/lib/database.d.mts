// Types for the parts of database.mjs that TypeScript scripts and tests use.
export class EmbeddedError extends Error {}
export type ClusterOptions = {
  /** Where the project keeps the cluster (as root it may become a symlink to a folder the server's account can reach).
   * */
  dataDir: string;
  /** The port tried first when the cluster has none remembered and portVariable is unset. */
  defaultPort: number;
  /** The environment variable that fixes the port (a taken port is then an error instead of another port). */
  portVariable?: string;
};
export const PORTAL_CLUSTER: Required<ClusterOptions>;
export function withDatabase(url: string, database: string): string;
export function canConnect(url: string, timeoutMs?: number): Promise<boolean>;
export function ensureDatabaseExists(url: string): Promise<void>;
export function embeddedUrl(port: number): string;
/** The base URL of the embedded server running on this data directory, or null when none runs on it. */
export function runningEmbedded(dataDir: string): Promise<string | null>;
export function startEmbedded(options: ClusterOptions): Promise<{
  baseUrl: string;
  port: number;
  /** The data directory's real place (the symlink's target when it was moved). */
  dataDir: string;
  stop: () => Promise<void>;
  /** The server this process started (absent when another process runs it), for tests that stop and start it again. */
  server?: { start: () => Promise<void>; stop: () => Promise<void> };
}>;
/** DATABASE_URL, else npm start's embedded PostgreSQL (started if need be, DATABASE_URL set to it); exits with a
 * sentence when neither can be had. */
export function usePortalDatabase(): Promise<{ stop: () => Promise<void> }>;
