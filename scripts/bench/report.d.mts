// Types of report.mjs for the TypeScript bench steps that print with it.
export function formatResults(results: unknown): string;
export function formatImporter(importer: unknown): string;
export function formatMatching(matching: unknown): string;
