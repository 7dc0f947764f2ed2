import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import PgBoss from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabaseUrl } from "../support/db";

// scripts/backup.mjs as an operator runs it: dump the seeded database, restore it into an empty one,
// and compare every table, row by row (count and checksum).
const root = path.resolve(import.meta.dirname, "../..");
const source = testDatabaseUrl();
const targetName = `${new URL(source).pathname.slice(1)}_r`;
const target = withDatabase(source, targetName);
const dir = mkdtempSync(path.join(tmpdir(), "atlas-backup-"));
const dump = path.join(dir, "seed.dump");
const server = new pg.Client({ connectionString: withDatabase(source, "postgres") });

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

function script(databaseUrl: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ["scripts/backup.mjs", ...args], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl },
    encoding: "utf8",
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function fingerprint(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows: tables } = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const result: Record<string, { rows: number; md5: string | null }> = {};
    for (const { name } of tables) {
      const q = `SELECT count(*)::int AS rows, md5(string_agg(t::text, E'\\n' ORDER BY t::text)) AS md5
        FROM "${name}" t`;
      const { rows } = await client.query<{ rows: number; md5: string | null }>(q);
      result[name] = rows[0]!;
    }
    const { rows: triggers } = await client.query<{ name: string }>(
      "SELECT tgname AS name FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1",
    );
    return { tables: result, triggers: triggers.map((t) => t.name) };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await server.connect();
  await server.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`);
  await server.query(`CREATE DATABASE "${targetName}"`);
});
afterAll(async () => {
  await server.query(`DROP DATABASE IF EXISTS "${targetName}" WITH (FORCE)`).catch(() => {});
  await server.end();
  rmSync(dir, { recursive: true, force: true });
});

describe("backup and restore", () => {
  it(`a dump of the seeded database restores into an empty one with every table's rows identical, \
triggers included`, async () => {
    const backup = script(source, "backup", "--out", dump);
    expect(backup.output).toMatch(/Backup of .* written to/);
    expect(backup.status).toBe(0);
    const restored = script(target, "restore", dump);
    expect(restored.output).toMatch(/Restored/);
    expect(restored.status).toBe(0);

    const [before, after] = await Promise.all([fingerprint(source), fingerprint(target)]);
    expect(Object.keys(before.tables).length).toBeGreaterThan(10);
    expect(before.tables.Membership!.rows).toBeGreaterThan(0);
    expect(before.tables.Organization!.rows).toBeGreaterThan(0);
    expect(after).toEqual(before);

    // The audit table is still append-only after a restore (TRUNCATE: the seed has no audit rows for the
    // row-level UPDATE/DELETE trigger to refuse).
    expect(after.triggers).toEqual(expect.arrayContaining(["AuditEvent_append_only", "AuditEvent_no_truncate"]));
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await expect(client.query(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    } finally {
      await client.end();
    }
  });

  it("refuses to restore over a database that is not empty unless told to, and changes nothing", async () => {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      await client.query(
        `INSERT INTO "Source" (id, key, kind, title, "seenOn")
         VALUES ('extra-source', 'extra', 'DOCUMENT', 'Added after the restore', now())`,
      );
    } finally {
      await client.end();
    }
    const refused = script(target, "restore", dump);
    expect(refused.status).not.toBe(0);
    expect(refused.output).toMatch(/is not empty .*--force/);
    expect((await fingerprint(target)).tables.Source!.rows).toBe((await fingerprint(source)).tables.Source!.rows + 1);

    const forced = script(target, "restore", dump, "--force");
    expect(forced.status, forced.output).toBe(0);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
  });

  it(`a database the job engine runs on (its queue in the schema pgboss) backs up and restores over itself; \
the queue is left to the engine`, async () => {
    const boss = new PgBoss({ connectionString: target, schema: "pgboss" });
    await boss.start();
    await boss.createQueue("backup-probe", { name: "backup-probe" });
    await boss.send("backup-probe", { n: 1 });
    await boss.stop({ graceful: false, wait: true });
    const withQueue = path.join(dir, "with-queue.dump");
    expect(script(target, "backup", "--out", withQueue).status).toBe(0);
    const forced = script(target, "restore", withQueue, "--force");
    expect(forced.status, forced.output).toBe(0);
    expect(await fingerprint(target)).toEqual(await fingerprint(source));
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      const { rows } = await client.query(`SELECT count(*)::int AS n FROM pgboss.job WHERE name = 'backup-probe'`);
      expect(rows[0].n).toBe(1);
    } finally {
      await client.end();
    }
  });

  it("a missing file or an unreachable server is a clear error", () => {
    expect(script(target, "restore", path.join(dir, "nope.dump")).output).toMatch(/No backup file/);
    const down = script("postgresql://postgres@127.0.0.1:1/none", "backup", "--out", path.join(dir, "x.dump"));
    expect(down.status).not.toBe(0);
    expect(down.output).toMatch(/Cannot reach the database/);
  });
});
