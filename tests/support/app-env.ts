// Helpers for tests of behaviour that depends on where the portal listens and whether it has SMTP: the app's
// modules loaded afresh under chosen variables, and what they print.
import { vi } from "vitest";
import { loadActions } from "./actions";

/** The app's modules loaded afresh under these variables (lib/env.ts parses the environment once). */
export async function loadApp(vars: { HOST?: string; SMTP_URL?: string }) {
  for (const key of ["HOST", "SMTP_URL"] as const) {
    if (vars[key] === undefined) delete process.env[key];
    else process.env[key] = vars[key];
  }
  vi.resetModules();
  return {
    userAdmin: { ...(await import("@/lib/data/accounts/user-admin")), ...(await import("@/lib/data/outbox")) },
    reset: await import("@/lib/data/accounts/password-reset"),
    rateLimit: await import("@/lib/data/rate-limit"),
    ...(await loadActions()),
    users: await import("@/lib/data/accounts/sessions"),
  };
}

/** Back to what npm test gives every file: a portal on loopback, without SMTP. */
export function restoreAppEnv() {
  process.env.HOST = "127.0.0.1";
  delete process.env.SMTP_URL;
}

/** Everything written to the console while `work` runs (and kept off the test's output). */
export async function consoleDuring<T>(work: () => Promise<T>): Promise<{ result: T; output: string }> {
  const lines: string[] = [];
  const spies = (["log", "info", "warn", "error"] as const).map((level) =>
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(" "))),
  );
  try {
    return { result: await work(), output: lines.join("\n") };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}
