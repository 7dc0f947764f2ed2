// The demo accounts, whose passwords the README publishes: a portal that others can reach (HOST beyond
// loopback), or any production start, refuses to serve while one of them still signs in with its published
// password. Plain JavaScript: scripts/start.mjs and scripts/serve.mjs run it before anything is served.
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { verify } from "@node-rs/argon2";
import { isLoopbackHost } from "../../lib/http/loopback.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

/** The demo accounts as prisma/seed-data/demo-users.json lists them, published passwords included. */
export function readDemoUsers() {
  return JSON.parse(readFileSync(path.join(root, "prisma", "seed-data", "demo-users.json"), "utf8"));
}

/** Emails of the demo accounts that are enabled and still accept their published password. */
export async function demoAccountsWithPublishedPasswords(databaseUrl) {
  if (!databaseUrl) throw new Error("DATABASE_URL is not set");
  const users = readDemoUsers();
  const client = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 5_000 });
  await client.connect();
  try {
    const { rows } = await client
      .query(
        `SELECT email, "passwordHash" FROM "User"
         WHERE email = ANY($1) AND "passwordHash" IS NOT NULL AND "disabledAt" IS NULL`,
        [users.map((u) => u.email)],
      )
      // No User table yet (migrations not applied): no account at all.
      .catch((error) => (error.code === "42P01" ? { rows: [] } : Promise.reject(error)));
    const found = [];
    for (const row of rows) {
      const demo = users.find((u) => u.email === row.email);
      if (demo && (await verify(row.passwordHash, demo.password).catch(() => false))) found.push(row.email);
    }
    return found.sort();
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * Why a start must not serve, in one sentence, or null. A portal on loopback only is a laptop's (its demo
 * accounts are the point there), unless ATLAS_ENV=production, which never allows them. When the check
 * itself cannot run, the answer is a refusal too: a public portal never starts unchecked.
 */
export async function demoPasswordRefusal({ databaseUrl, host, production }) {
  if (!production && isLoopbackHost(host)) return null;
  const where = production ? "in production (ATLAS_ENV=production)" : `on ${host}, where other machines can reach it`;
  let found;
  try {
    found = await demoAccountsWithPublishedPasswords(databaseUrl);
  } catch (error) {
    return (
      `Refusing to serve ${where}: the demo accounts' passwords could not be checked ` +
      `(${error instanceof Error ? error.message : String(error)}), ` +
      `and a public portal must not start with them unchecked — make sure DATABASE_URL answers and start again.`
    );
  }
  if (!found.length) return null;
  return (
    `Refusing to serve ${where}: the demo accounts ${found.join(", ")} ` +
    `still have the passwords published in the README, so anyone could sign in with them — ` +
    `create your own admin with \`npm run admin:create -- --email you@example.org\`, ` +
    `then disable them with \`npm run admin:disable-demo\` (or serve on HOST=127.0.0.1 only).`
  );
}
