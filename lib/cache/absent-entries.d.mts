// Types for the tests that import the module (the cache handler loads the JavaScript itself).
export const MAX_ABSENT_ENTRIES: number;
export function isAbsent(value: unknown): boolean;
export function readAbsent(key: string): unknown;
export function keepAbsent(key: string, entry: object, ttlSeconds: number): void;
export function forgetAbsent(key: string): void;
