// A change published while a render of its page is under way still reaches the page. The render reads the
// organization before an admin records its confirmation of a member and stores the page after the action has
// expired it (issue 11: in a CI run the public page never showed "Confirmed by both sides"). Here the race is
// made certain: a lock on a table the page reads late holds the render between its two reads.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser, newContext, signIn, url } from "../../support/browser";

const ORG = "m9-collaboration-network";
const MEMBER = "Nanjing Medical University";
const PAGE = `/en/organizations/${ORG}`;
// Read by the organization's page after its members (its people), never by the confirmation.
const LATE_TABLE = "OrganizationPerson";

let browser: Browser;
let admin: Page;
const lock = new pg.Client({ connectionString: process.env.DATABASE_URL });

beforeAll(async () => {
  await lock.connect();
  browser = await launchBrowser();
  admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
});
afterAll(async () => {
  await lock.query("ROLLBACK").catch(() => {});
  await lock.end();
  await browser?.close();
});

const memberRow = (page: Page) => page.locator("tbody tr", { hasText: MEMBER });

async function renderWaitingOnLock() {
  const { rows } = await lock.query<{ n: number }>(
    `SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
     WHERE c.relname = $1 AND NOT l.granted`,
    [LATE_TABLE],
  );
  return rows[0]!.n > 0;
}

describe("a change published during a render of its page", () => {
  it(`an admin records the organization's confirmation while a visitor's render of the page is under way; \
the next visitor sees it`, async () => {
    await admin.goto(url(`/en/admin/organizations/${ORG}`));
    await admin.getByRole("button", { name: "Save and publish" }).waitFor();
    await lock.query("BEGIN");
    await lock.query(`LOCK TABLE "${LATE_TABLE}" IN ACCESS EXCLUSIVE MODE`);
    // An edit expires the page, so the next visit renders it: that render reads the members, then waits.
    await admin.getByRole("button", { name: "Save and publish" }).click();
    await admin.getByText("Saved and published.").waitFor();
    const heldRender = fetch(url(PAGE)).then((r) => r.text());
    await expect.poll(renderWaitingOnLock, { timeout: 30_000 }).toBe(true);

    await admin.getByLabel("Members").selectOption({ label: MEMBER });
    await admin.locator('[name="sourceUrl"]').fill("https://m9.example.org/members");
    await admin.getByRole("button", { name: "Record the organization's confirmation" }).click();
    await admin.getByText("The organization's confirmation is recorded.").waitFor();
    await lock.query("COMMIT");
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
