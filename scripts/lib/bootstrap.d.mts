// Types for the parts of bootstrap.mjs that TypeScript scripts use.
export const root: string;
export function loadDotEnv(): void;
