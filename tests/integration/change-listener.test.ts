// A committed change wakes the job engine (the webhook sweep) at once, through the AuditEvent trigger's NOTIFY: on
// commit only, never for a rollback, once for a burst, and again after the listening connection was cut.
import { afterAll, describe, expect, it } from "vitest";
import pg from "pg";
import { listenForChanges } from "@/lib/jobs/change-listener";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();
const prisma = testPrisma();
const url = process.env.DATABASE_URL!;
afterAll(() => prisma.$disconnect());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Wait until `count()` reaches `n` or `ms` passes; returns the count then. */
async function waitForCount(count: () => number, n: number, ms = 5_000) {
  const deadline = Date.now() + ms;
  while (count() < n && Date.now() < deadline) await sleep(20);
  return count();
}

/** A listener that counts its wakes, started and listening (its first wake, the catch-up, already counted). */
async function countingListener(quietMs = 50) {
  let wakes = 0;
  const listener = listenForChanges(url, async () => void wakes++, { quietMs, retryMs: 100 });
  expect(await waitForCount(() => wakes, 1)).toBe(1);
  wakes = 0;
  return { listener, wakes: () => wakes };
}

// A private kind of row (not in the public changes stream, which other files read): the trigger fires for every row.
const auditRowSql = `INSERT INTO "AuditEvent" (action, "entityType", "entityId")
  VALUES ('change.reject', 'ChangeRequest', 'listener-test')`;
const auditRow = (client: pg.Client) => client.query(auditRowSql);

describe("waking on committed changes", () => {
  it("wakes after the commit, not before it, and not at all for a rollback", async () => {
    const { listener, wakes } = await countingListener();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query("BEGIN");
      await auditRow(client);
      await sleep(400);
      expect(wakes()).toBe(0);
      await client.query("ROLLBACK");
      await sleep(400);
      expect(wakes()).toBe(0);

      await client.query("BEGIN");
      await auditRow(client);
      await sleep(300);
      expect(wakes()).toBe(0);
      await client.query("COMMIT");
      expect(await waitForCount(wakes, 1)).toBe(1);
    } finally {
      await client.end();
      await listener.stop();
    }
  });

  it("folds a burst of commits into one wake", async () => {
    // The burst must end within the quiet time for one wake to be right: 20 commits sent in one round trip, and a
    // quiet time that a busy machine (other test phases running beside this one) cannot overrun with them.
    const { listener, wakes } = await countingListener(2_000);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const started = Date.now();
      await client.query(Array.from({ length: 20 }, () => `BEGIN; ${auditRowSql}; COMMIT;`).join("\n"));
      expect(Date.now() - started, "the burst took longer than the quiet time").toBeLessThan(2_000);
      expect(await waitForCount(wakes, 1)).toBe(1);
      await sleep(500);
      expect(wakes()).toBe(1);
    } finally {
      await client.end();
      await listener.stop();
    }
  });

  it("listens again after its connection is cut, and catches up on what committed meanwhile", async () => {
    const { listener, wakes } = await countingListener();
    try {
      const cut = await prisma.$queryRawUnsafe<unknown[]>(
        `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
         WHERE application_name = 'atlas-jobs-listen' AND datname = current_database()`,
      );
      expect(cut).toHaveLength(1);
      // The catch-up wake of the new connection.
      expect(await waitForCount(wakes, 1)).toBe(1);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await auditRow(client);
      await client.end();
      expect(await waitForCount(wakes, 2)).toBe(2);
    } finally {
      await listener.stop();
    }
  });

  it("stops: no wake after stop()", async () => {
    const { listener, wakes } = await countingListener();
    await listener.stop();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await auditRow(client);
    await client.end();
    await sleep(400);
    expect(wakes()).toBe(0);
    expect(
      await prisma.$queryRawUnsafe<unknown[]>(
        `SELECT 1 FROM pg_stat_activity WHERE application_name = 'atlas-jobs-listen' AND datname = current_database()`,
      ),
    ).toHaveLength(0);
  });
});
