// Types for scripts/lib/demo-accounts.mjs, which the start scripts run as plain JavaScript and the tests import.
export type DemoUser = {
  email: string;
  name: string;
  role: "ADMIN" | "STAFF";
  institution: string | null;
  password: string;
};
export function readDemoUsers(): DemoUser[];
export function demoAccountsWithPublishedPasswords(databaseUrl: string): Promise<string[]>;
export function demoPasswordRefusal(options: {
  databaseUrl: string;
  host: string;
  production: boolean;
}): Promise<string | null>;
