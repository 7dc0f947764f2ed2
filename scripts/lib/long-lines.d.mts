// Types for scripts/lib/long-lines.mjs, which scripts/lint-lines.mjs runs as plain JavaScript and the tests import.
export const MAX_LINE_LENGTH: number;
export const EXTENSIONS: string[];
export const DEFAULT_PATHS: string[];
export class UsageError extends Error {}
export function longLines(text: string, max?: number): { line: number; length: number }[];
export function filesToCheck(root: string, paths?: string[]): string[];
export function findLongLines(
  root: string,
  paths?: string[],
  max?: number,
): { files: number; found: { file: string; line: number; length: number }[] };
export function parseArguments(argv: string[]): string[] | undefined;
export function main(
  argv: string[],
  io: { root: string; out?: (line: string) => void; err?: (line: string) => void },
): number;
