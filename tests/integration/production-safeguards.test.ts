// No deployment serves an account whose password is published: the demo accounts are seeded only for a
// portal that listens on loopback alone, and a start beyond loopback (or in production) refuses to run while
// one of them keeps its README password, saying why and what to do. The shell commands that fix it:
// admin:create and admin:disable-demo.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import net from "node:net";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoPasswordRefusal } from "../../scripts/lib/demo-accounts.mjs";
import { withDatabase } from "../../scripts/lib/database.mjs";
import { demoAccountsAllowed } from "../../prisma/seed";
import { useWriteDatabase } from "../support/db";
import { freePort } from "../support/instances";

useWriteDatabase();

const root = path.resolve(import.meta.dirname, "..", "..");
const seededUrl = process.env.DATABASE_URL!;
const freshUrl = withDatabase(seededUrl, `${new URL(seededUrl).pathname.slice(1).replace(/_w$/, "")}_safe`);
const admin = new pg.Client({ connectionString: withDatabase(seededUrl, "postgres") });
const tsx = path.join(root, "node_modules", ".bin", "tsx");

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = net.connect(port, "127.0.0.1");
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });

/**
 * Run a start script to its end (it should refuse at once). One that goes on to build or serve is stopped
 * there, and fails the test on its exit code and output.
 */
function runStart(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script], {
      cwd: root,
      env: { ...process.env, NEXT_DIST_DIR: ".next-safeguards", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const read = (d: Buffer) => {
      output += d;
      if (/Building the portal|Running next\.config|Ready on/.test(output)) child.kill("SIGKILL");
    };
    child.stdout.on("data", read);
    child.stderr.on("data", read);
    const timer = setTimeout(() => child.kill("SIGKILL"), 90_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** A command of ours on a database, as an operator runs it. */
function command(args: string[], databaseUrl: string, extra: Record<string, string> = {}) {
  const r = spawnSync(tsx, args, {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, ...extra },
    encoding: "utf8",
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(async () => {
  await admin.connect();
});
afterAll(async () => {
  await admin.query(`DROP DATABASE IF EXISTS "${new URL(freshUrl).pathname.slice(1)}" WITH (FORCE)`).catch(() => {});
  await admin.end();
});

describe("a start that others can reach, with the demo passwords in place", () => {
  it("scripts/serve.mjs refuses to listen beyond loopback and says why and what to do", async () => {
    const port = await freePort();
    const { code, output } = await runStart("scripts/serve.mjs", {
      DATABASE_URL: seededUrl,
      HOST: "0.0.0.0",
      PORT: String(port),
    });
    expect(code).toBe(1);
    expect(output).toContain(
      "Refusing to serve on 0.0.0.0, where other machines can reach it: " +
        "the demo accounts admin@atlas.test, staff@cuhk.test, staff@njmu.test " +
        "still have the passwords published in the README, so anyone could sign in with them — " +
        "create your own admin with `npm run admin:create -- --email you@example.org`, " +
        "then disable them with `npm run admin:disable-demo` (or serve on HOST=127.0.0.1 only).",
    );
    expect(await listening(port)).toBe(false);
  }, 120_000);

  it("npm start (scripts/start.mjs) refuses before building anything", async () => {
    const port = await freePort();
    const { code, output } = await runStart("scripts/start.mjs", {
      DATABASE_URL: seededUrl,
      HOST: "::",
      PORT: String(port),
    });
    expect(code).toBe(1);
    expect(output).toMatch(
      new RegExp(
        "Refusing to serve on ::, where other machines can reach it: " +
          "the demo accounts .* still have the passwords published in the README",
      ),
    );
    expect(output).not.toMatch(/Building the portal/);
    expect(await listening(port)).toBe(false);
  }, 120_000);

  it("with ATLAS_ENV=production even loopback is refused", async () => {
    const { code, output } = await runStart("scripts/serve.mjs", {
      DATABASE_URL: seededUrl,
      HOST: "127.0.0.1",
      PORT: String(await freePort()),
      ATLAS_ENV: "production",
    });
    expect(code).toBe(1);
    expect(output).toMatch(/Refusing to serve in production \(ATLAS_ENV=production\): the demo accounts/);
  }, 120_000);

  it("a laptop's start on loopback is not refused", async () => {
    expect(await demoPasswordRefusal({ databaseUrl: seededUrl, host: "127.0.0.1", production: false })).toBeNull();
    expect(await demoPasswordRefusal({ databaseUrl: seededUrl, host: "localhost", production: false })).toBeNull();
  });
});

describe("the seed and the shell commands", () => {
  it("demo accounts are allowed on loopback only, and never in production", () => {
    expect(demoAccountsAllowed({})).toBe(true);
    expect(demoAccountsAllowed({ HOST: "127.0.0.1" })).toBe(true);
    expect(demoAccountsAllowed({ HOST: "::1" })).toBe(true);
    expect(demoAccountsAllowed({ HOST: "0.0.0.0" })).toBe(false);
    expect(demoAccountsAllowed({ HOST: "192.0.2.10" })).toBe(false);
    expect(demoAccountsAllowed({ HOST: "127.0.0.1", ATLAS_ENV: "production" })).toBe(false);
  });

  it(`a database seeded for a portal beyond loopback has no demo account; \
one seeded for loopback has them until admin:disable-demo`, async () => {
    await admin.query(`DROP DATABASE IF EXISTS "${new URL(freshUrl).pathname.slice(1)}" WITH (FORCE)`);
    await admin.query(`CREATE DATABASE "${new URL(freshUrl).pathname.slice(1)}"`);
    expect(command(["scripts/migrate.ts", "deploy"], freshUrl).code).toBe(0);
    const users = async () => {
      const client = new pg.Client({ connectionString: freshUrl });
      await client.connect();
      try {
        return (
          await client.query<{ email: string; disabled: boolean; hasPassword: boolean }>(
            `SELECT email, "disabledAt" IS NOT NULL AS disabled, "passwordHash" IS NOT NULL AS "hasPassword"
             FROM "User" ORDER BY email`,
          )
        ).rows;
      } finally {
        await client.end();
      }
    };

    const publicSeed = command(["prisma/seed.ts"], freshUrl, { HOST: "0.0.0.0" });
    expect(publicSeed.code).toBe(0);
    expect(publicSeed.stdout).toMatch(/No demo accounts/);
    expect(await users()).toEqual([]);
    expect(await demoPasswordRefusal({ databaseUrl: freshUrl, host: "0.0.0.0", production: false })).toBeNull();

    expect(command(["prisma/seed.ts"], freshUrl, { HOST: "127.0.0.1" }).code).toBe(0);
    expect((await users()).map((u) => u.email)).toEqual(["admin@atlas.test", "staff@cuhk.test", "staff@njmu.test"]);
    expect(await demoPasswordRefusal({ databaseUrl: freshUrl, host: "0.0.0.0", production: false })).toMatch(
      /^Refusing to serve on 0\.0\.0\.0/,
    );

    const disable = command(["--conditions=react-server", "scripts/admin.ts", "disable-demo"], freshUrl);
    expect(disable.code, disable.stderr).toBe(0);
    expect(disable.stdout).toMatch(/Disabled the demo accounts admin@atlas.test, staff@njmu.test, staff@cuhk.test/);
    expect(await users()).toEqual([
      { email: "admin@atlas.test", disabled: true, hasPassword: false },
      { email: "staff@cuhk.test", disabled: true, hasPassword: false },
      { email: "staff@njmu.test", disabled: true, hasPassword: false },
    ]);
    expect(await demoPasswordRefusal({ databaseUrl: freshUrl, host: "0.0.0.0", production: false })).toBeNull();
  }, 180_000);

  it(`admin:create prints a one-time link whose token is stored only hashed; \
it refuses bad input and changes nothing`, async () => {
    const created = command(
      ["--conditions=react-server", "scripts/admin.ts", "create", "--email", "Ops@Example.org", "--name", "Ops"],
      freshUrl,
      { SITE_URL: "https://atlas.example.org" },
    );
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toMatch(/^Created the admin account ops@example\.org\./);
    const token = /https:\/\/atlas\.example\.org\/en\/password\/([\w-]{40,})/.exec(created.stdout)?.[1];
    expect(token).toBeTruthy();
    const client = new pg.Client({ connectionString: freshUrl });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT u.role, t."tokenHash", t.purpose FROM "User" u JOIN "UserToken" t ON t."userId" = u.id
         WHERE u.email = 'ops@example.org'`,
      );
      expect(rows).toEqual([
        { role: "ADMIN", tokenHash: createHash("sha256").update(token!).digest("hex"), purpose: "INVITE" },
      ]);
      const count = async () =>
        (
          await client.query(
            `SELECT (SELECT count(*) FROM "User")::int AS users, (SELECT count(*) FROM "UserToken")::int AS tokens`,
          )
        ).rows[0];
      const before = await count();
      for (const args of [
        ["create"],
        ["create", "--email", "not-an-email"],
        ["create", "--emial", "x@example.org"],
        ["create", "--email", "x@example.org", "--role", "STAFF"],
      ]) {
        const refused = command(["--conditions=react-server", "scripts/admin.ts", ...args], freshUrl);
        expect(refused.code).toBe(1);
        expect(refused.stderr).toMatch(/--email you@example\.org/);
      }
      expect(await count()).toEqual(before);
    } finally {
      await client.end();
    }
  }, 120_000);
});
