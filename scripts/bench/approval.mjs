// "An approved change is visible on the public page within 1 s": an admin approves a pending change in
// Chromium through the real server action, while the (cached) public page is polled until it shows it.
// Five rounds on the same server, every one reported: the first is its first approval (code paths compiled on first
// use), the others are what an admin meets on a running server. The target holds for the worst of them: a median of
// the later rounds once printed the best of two as "the median".
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const ROUNDS = 5;

function prepare({ root, env, organizationSlug, password }) {
  const setup = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./scripts/bench/register.mjs",
      "scripts/bench/approval-setup.ts",
      organizationSlug,
    ],
    {
      cwd: root,
      env: { ...env, NODE_ENV: "test", BENCH_PASSWORD: password },
      encoding: "utf8",
    },
  );
  if (setup.status !== 0) throw new Error(`preparing the change request failed: ${setup.stderr.slice(-400)}`);
  return JSON.parse(setup.stdout.trim().split("\n").at(-1));
}

export async function measureApproval({ root, baseUrl, env, organizationSlug, chromePath }) {
  const password = randomBytes(12).toString("hex");
  const pageUrl = `${baseUrl}/en/organizations/${organizationSlug}`;
  const shows = async (notes) => (await (await fetch(pageUrl)).text()).includes(notes);
  const browser = await chromium.launch({
    executablePath: chromePath,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
  try {
    const rounds = [];
    let page;
    for (let round = 0; round < ROUNDS; round++) {
      const { changeRequestId, notes, adminEmail } = prepare({ root, env, organizationSlug, password });
      if (await shows(notes)) return { missing: "the change was public before it was approved" };
      if (!page) {
        page = await (await browser.newContext()).newPage();
        await page.goto(`${baseUrl}/en/login`);
        await page.getByLabel("Email").fill(adminEmail);
        await page.getByLabel("Password").fill(password);
        await page.getByRole("button", { name: "Sign in" }).click();
        await page.waitForURL(/\/en\/account$/);
      }
      await page.goto(`${baseUrl}/en/account/requests/${changeRequestId}`);
      const button = page.getByRole("button", { name: "Approve and publish" });
      await button.waitFor();
      const clicked = Date.now();
      await button.click();
      // Poll the public page from the click on; the delay includes the approval itself.
      let visibleAfter = null;
      while (Date.now() - clicked < 15_000) {
        if (await shows(notes)) {
          visibleAfter = Date.now() - clicked;
          break;
        }
        await sleep(20);
      }
      await page
        .getByText(/Approved/)
        .first()
        .waitFor({ timeout: 15_000 });
      if (visibleAfter === null)
        return { missing: `round ${round + 1}: the approved change was not on the public page 15 s after the click` };
      rounds.push({ visibleMs: visibleAfter, confirmedMs: Date.now() - clicked });
    }
    const visible = rounds.map((r) => r.visibleMs);
    return {
      worstMs: Math.max(...visible),
      firstMs: visible[0],
      rounds,
      how:
        `from the admin's click on "Approve and publish" to the cached public page showing it, in each of ` +
        `${ROUNDS} rounds (the first is the server's first approval): ${visible.join(", ")} ms`,
    };
  } finally {
    await browser.close();
  }
}
