// Types for the parts of database.mjs that TypeScript scripts use.
export function withDatabase(url: string, database: string): string;
export function startEmbedded(options: { dataDir: string; port: number }): Promise<{ baseUrl: string; stop: () => Promise<void> }>;
