// PostgreSQL stopped and started again, three times, under a light load: the portal answers with a clear
// "temporarily unavailable" page (never a reset connection or a dead process) while the database is down,
// /api/health says so, it recovers by itself when the database is back, and no approved change is lost.
// It runs on an embedded PostgreSQL of its own (the shared server cannot be stopped), migrated and seeded
// like `npm start` does, with one instance of the test build in front of it (its cache in Redis under a
// prefix of its own, so nothing is written to the build folder the other tests' server reads).
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type Redis from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { PrismaClient } from "@/lib/data/prisma-client";
import { membershipValuesSchema } from "@/lib/validation/memberships";
import { startEmbedded, withDatabase } from "../../scripts/lib/database.mjs";
import { connectRedis, deleteKeys, freePort, startInstance, type Instance } from "../support/instances";

const CYCLES = 3;
const root = path.resolve(import.meta.dirname, "..", "..");
const dir = mkdtempSync(path.join(tmpdir(), "atlas-pg-restart-"));
const prefix = `atlas-test-restart:${process.pid}-${Date.now().toString(36)}:`;
const ORG = "eurasia-pacific-uninet";
let pg: Awaited<ReturnType<typeof startEmbedded>>;
let databaseUrl = "";
let instance: Instance;
let redis: Redis;
let prisma: PrismaClient;
let data: typeof import("@/lib/data/change-requests/propose") & typeof import("@/lib/data/change-requests/decide");
let admin: Actor;
let staff: Actor;
const approved: string[] = [];
const originalDatabaseUrl = process.env.DATABASE_URL;
const load = { running: true, requests: 0, byStatus: new Map<number, number>(), failures: [] as string[] };

function prepare(env: NodeJS.ProcessEnv) {
  for (const args of [["scripts/migrate.ts", "deploy"], ["prisma/seed.ts"]]) {
    const r = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), args, { cwd: root, env, encoding: "utf8" });
    if (r.status !== 0)
      throw new Error(`${args.join(" ")} failed on the restart test's database:\n${r.stdout}${r.stderr}`);
  }
}

async function waitFor<T>(
  what: string,
  timeoutMs: number,
  probe: () => Promise<T | undefined>,
): Promise<{ value: T; ms: number }> {
  const started = Date.now();
  let last: unknown;
  while (Date.now() - started < timeoutMs) {
    try {
      const value = await probe();
      if (value !== undefined) return { value, ms: Date.now() - started };
    } catch (error) {
      last = error;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what} did not happen within ${timeoutMs / 1000} s${last ? ` (last error: ${last})` : ""}`);
}

const health = async () => {
  const res = await fetch(`${instance.url}/api/health`);
  return {
    status: res.status,
    body: (await res.json()) as { status: string; database: { ok: boolean; error?: string } },
    cache: res.headers.get("cache-control"),
  };
};

/** The light load: a loop over a few pages and the health check; any failed connection is recorded. */
async function runLoad() {
  const paths = ["/en", `/en/institutions/nanjing-medical-university`, "/zh/organizations", "/api/health"];
  for (let n = 0; load.running; n++) {
    const p = paths[n % paths.length]!;
    try {
      const res = await fetch(`${instance.url}${p}`, { signal: AbortSignal.timeout(20_000) });
      await res.arrayBuffer();
      load.requests++;
      load.byStatus.set(res.status, (load.byStatus.get(res.status) ?? 0) + 1);
    } catch (error) {
      load.failures.push(`${p}: ${error instanceof Error ? `${error.message} ${String(error.cause ?? "")}` : error}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function approveOne(label: string) {
  const m = await prisma.membership.findFirstOrThrow({
    where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: ORG } },
  });
  const values = membershipValuesSchema.parse({
    role: m.role,
    status: m.status,
    joined: "",
    ended: "",
    notes: label,
    sourceUrl: "https://example.org/restart",
    sourceTitle: "Restart check",
    // The entry's joined date is cleared here, a changed fact: it quotes the passage it rests on.
    sourceQuote: `Restart check: ${label}`,
  });
  const request = await data.proposeMembershipUpdate(staff, {
    membershipId: m.id,
    baseVersion: m.version,
    reason: null,
    values,
  });
  await data.approveChangeRequest(admin, request.id, null);
  approved.push(request.id);
  return request.id;
}

let loadDone: Promise<void> | undefined;

beforeAll(async () => {
  // The test's own folder, opened so that as root the server's account keeps the data here (nothing left elsewhere).
  chmodSync(dir, 0o755);
  const connected = await connectRedis();
  redis = connected.client;
  // From 54340 up, the first free port: never another embedded server's (npm start's or another test run's).
  pg = await startEmbedded({ dataDir: path.join(dir, "pg"), defaultPort: 54340 });
  if (!pg.server) throw new Error("The embedded PostgreSQL was already running: the restart test needs one it owns.");
  const server = new (await import("pg")).default.Client({ connectionString: pg.baseUrl });
  await server.connect();
  await server.query("CREATE DATABASE atlas_restart");
  await server.end();
  databaseUrl = withDatabase(pg.baseUrl, "atlas_restart");
  prepare({ ...process.env, DATABASE_URL: databaseUrl });

  // This file's data layer (lib/data/db) works on the embedded database too.
  process.env.DATABASE_URL = databaseUrl;
  const { createPrismaClient } = await import("@/lib/data/prisma-client");
  prisma = createPrismaClient(databaseUrl, 2);
  data = {
    ...(await import("@/lib/data/change-requests/propose")),
    ...(await import("@/lib/data/change-requests/decide")),
  };
  const select = { id: true, email: true, name: true, role: true, institutionId: true, staffRole: true } as const;
  admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" }, select });
  staff = await prisma.user.findUniqueOrThrow({ where: { email: "staff@njmu.test" }, select });

  instance = await startInstance(await freePort(), {
    DATABASE_URL: databaseUrl,
    REDIS_URL: connected.url,
    CACHE_PREFIX: prefix,
  });
  loadDone = runLoad();
}, 180_000);

afterAll(async () => {
  load.running = false;
  await loadDone;
  await instance?.stop();
  await prisma?.$disconnect();
  const { db } = await import("@/lib/data/db");
  await db()
    .$disconnect()
    .catch(() => {});
  await pg?.stop().catch(() => {});
  if (redis) {
    await deleteKeys(redis, prefix);
    redis.disconnect();
  }
  rmSync(dir, { recursive: true, force: true });
  process.env.DATABASE_URL = originalDatabaseUrl;
}, 60_000);

describe(`PostgreSQL stopped and started ${CYCLES} times under load`, () => {
  it("healthy at first: /api/health answers 200 with the database's latency, never cached", async () => {
    const h = await health();
    expect(h.status).toBe(200);
    expect(h.body).toMatchObject({ status: "ok", database: { ok: true } });
    expect(h.cache).toBe("no-store");
    // The pages the load visits are in the cache now.
    for (const p of ["/en", "/en/institutions/nanjing-medical-university"])
      expect((await fetch(`${instance.url}${p}`)).status).toBe(200);
  });

  for (let cycle = 1; cycle <= CYCLES; cycle++) {
    it(`cycle ${cycle}: an approval just before the stop; clear errors while down; recovery by itself`, async () => {
      const requestId = await approveOne(`approved before stop ${cycle}`);
      await pg.server!.stop();

      const down = await waitFor("/api/health reporting the database down", 15_000, async () => {
        const h = await health();
        return h.status === 503 ? h : undefined;
      });
      expect(down.value.body).toMatchObject({ status: "degraded", database: { ok: false } });
      expect(down.value.body.database.error).toBeTruthy();
      expect(JSON.stringify(down.value.body)).not.toMatch(/postgres(ql)?:\/\//);

      // A page that needs the database says the registry is temporarily unavailable, in the page's language.
      const en = await fetch(`${instance.url}/en/organizations?q=restart-${cycle}-${Date.now()}`);
      expect(en.status).toBeGreaterThanOrEqual(500);
      expect(await en.text()).toContain("The registry is temporarily unavailable");
      const zh = await fetch(`${instance.url}/zh/organizations?q=restart-${cycle}-${Date.now()}`);
      expect(zh.status).toBeGreaterThanOrEqual(500);
      expect(await zh.text()).toContain("登记库暂时无法访问");
      // A page already in the cache is still served.
      const cached = await fetch(`${instance.url}/en/institutions/nanjing-medical-university`);
      expect(cached.status).toBe(200);
      // Writing fails with an error (and within seconds), it does not hang or half-apply.
      const started = Date.now();
      await expect(approveOne(`while down ${cycle}`)).rejects.toThrow();
      expect(Date.now() - started).toBeLessThan(15_000);
      expect(instance.alive(), "the portal process died while the database was down").toBe(true);
      // The load meets the database down, however quickly the checks above went (a count of requests over
      // the whole test depended on how fast the machine was).
      const sentBefore = load.requests + load.failures.length;
      await waitFor("three requests of the load while the database is down", 15_000, async () =>
        load.requests + load.failures.length >= sentBefore + 3 ? true : undefined,
      );

      await pg.server!.start();
      const up = await waitFor("/api/health recovering after the database came back", 30_000, async () =>
        (await health()).status === 200 ? true : undefined,
      );
      console.log(
        `[restart] cycle ${cycle}: health 503 after ${down.ms} ms down; 200 again ${up.ms} ms after the restart`,
      );
      expect(up.ms).toBeLessThan(10_000);
      const page = await fetch(`${instance.url}/en/organizations?q=after-${cycle}-${Date.now()}`);
      expect(page.status).toBe(200);
      expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id: requestId } })).status).toBe("APPROVED");
    });
  }

  it(`no approved change was lost, each has its one audit row, \
and the load never met a dropped connection`, async () => {
    load.running = false;
    await loadDone;
    expect(approved).toHaveLength(CYCLES);
    for (const id of approved) {
      expect((await prisma.changeRequest.findUniqueOrThrow({ where: { id } })).status).toBe("APPROVED");
      expect(await prisma.auditEvent.count({ where: { changeRequestId: id } })).toBe(1);
    }
    const m = await prisma.membership.findFirstOrThrow({
      where: { institution: { slug: "nanjing-medical-university" }, organization: { slug: ORG } },
    });
    expect(m.notes).toBe(`approved before stop ${CYCLES}`);
    // Requests made while the database was down were refused before anything was written.
    expect(
      await prisma.changeRequest.count({ where: { proposed: { path: ["notes"], string_starts_with: "while down" } } }),
    ).toBe(0);
    const statuses = Object.fromEntries(load.byStatus);
    console.log(
      `[restart] ${CYCLES} restarts survived; ${approved.length} approvals made just before a stop, 0 lost; ` +
        `load: ${load.requests} requests ${JSON.stringify(statuses)}, ${load.failures.length} failed connections`,
    );
    expect(load.failures, "requests that got no HTTP answer at all").toEqual([]);
    expect(load.requests).toBeGreaterThanOrEqual(CYCLES * 3);
    expect(instance.alive()).toBe(true);
  });
});
