// A change published while a render of its page is under way still reaches the page. The render reads the
// organization before an admin records its confirmation of a member and stores the page after the action has
// expired it (issue 11: in a CI run the public page never showed "Confirmed by both sides"). Here the race is
// made near certain: a lock on a table the page reads beside the organization holds the render after the
// organization is read, and holds the admin's action too (it writes that table), until both are under way.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, signIn, url } from "../../support/browser";

const ORG = "m9-collaboration-network";
const MEMBER = "Nanjing Medical University";
const PAGE = `/en/organizations/${ORG}`;
// The page's history, read beside the organization (one statement since relation joins, so no lock can fall between
// its members and anything else it holds). The confirmation writes its audit event there: the action waits on the
// lock as well, and the render, first in the lock's queue, goes on with what it read before the confirmation.
const LATE_TABLE = "AuditEvent";

let browser: Browser;
let admin: Page;
const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await lock.connect();
  browser = await launchBrowser();
  admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
  // The admin's page links to the public page, and the browser prefetches it again after each action: that render
  // could read the history just before the lock and leave it in the read cache, so the held render would never wait.
  // The held render must be the page's only render in flight.
  await admin.route(
    (address) => address.pathname.endsWith(PAGE),
    (route) => (route.request().headers()["next-router-prefetch"] ? route.abort() : route.fallback()),
  );
});
afterAll(async () => {
  await lock.query("ROLLBACK").catch(() => {});
  await lock.end();
  await browser?.close();
});

const memberRow = (page: Page) => page.locator("tbody tr", { hasText: MEMBER });

/**
 * Who waits for the lock: the held render (a read) and the admin's action (its audit event, a write). Told apart by
 * the lock each asks for, not counted, and not by pg_stat_activity's statement, which still shows the connection's
 * previous one while a prepared statement waits at Bind. The job engine's minutely webhook sweep reads the table
 * too (in a subquery, after locking "Webhook"): when it fell inside the lock, a count read 3 for 2.
 */
async function waitingOnLock() {
  const { rows } = await lock.query<{ mode: string; sweep: boolean }>(
    `SELECT l.mode, EXISTS (
       SELECT 1 FROM pg_locks h JOIN pg_class hc ON hc.oid = h.relation
       WHERE h.pid = l.pid AND h.granted AND hc.relname LIKE 'Webhook%') AS sweep
     FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE c.relname = $1 AND NOT l.granted`,
    [LATE_TABLE],
  );
  return {
    render: rows.filter((r) => r.mode === "AccessShareLock" && !r.sweep).length,
    action: rows.filter((r) => r.mode === "RowExclusiveLock").length,
    // Shown when the poll fails, not compared.
    sweeps: rows.filter((r) => r.sweep).length,
  };
}

describe("a change published during a render of its page", () => {
  it(`an admin records the organization's confirmation while a visitor's render of the page is under way; \
the next visitor sees it`, async () => {
    await admin.goto(url(`/en/admin/organizations/${ORG}`));
    await admin.getByRole("button", { name: "Save and publish" }).waitFor();
    // An edit expires the page, so the next visit renders it (the edit writes an audit event: before the lock).
    await admin.getByRole("button", { name: "Save and publish" }).click();
    await admin.getByText("Saved and published.").waitFor();
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "${LATE_TABLE}" IN ACCESS EXCLUSIVE MODE`);
    // That render reads the organization and its members, then waits for the history.
    const heldRender = fetch(url(PAGE)).then((r) => r.text());
    await expect.poll(waitingOnLock, { timeout: 30_000 }).toMatchObject({ render: 1, action: 0 });

    await admin.getByLabel("Members").selectOption({ label: MEMBER });
    await admin.locator('[name="sourceUrl"]').fill("https://m9.example.org/members");
    await admin.getByRole("button", { name: "Record the organization's confirmation" }).click();
    // The action has changed the membership and waits to write its audit event; released, it commits and expires
    // the page while the held render is still rendering what it read before.
    await expect.poll(waitingOnLock, { timeout: 30_000 }).toMatchObject({ render: 1, action: 1 });
    await lock.query("COMMIT");
    await admin.getByText("The organization's confirmation is recorded.").waitFor();
    // The held render read the members before the confirmation: what it stored is the page without it.
    expect(await heldRender).not.toContain("Confirmed by both sides");

    const visitor = await (await newContext(browser)).newPage();
    await visitor.goto(url(PAGE));
    // Renders that began before the confirmation may still be finishing: look again, as a visitor would,
    // until the page shows it. Before the fix it never did (the held render's copy was served as fresh).
    for (let look = 1; !(await memberRow(visitor).getByText("Confirmed by both sides").count()) && look < 5; look++)
      await visitor.reload();
    await memberRow(visitor).getByText("Confirmed by both sides").waitFor({ timeout: 1000 });
  });
});
