// "An approved change is visible on the public page within 1 s": an admin approves a pending change in
// Chromium through the real server action, while the (cached) public page is polled until it shows it.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chromium } from "playwright-core";

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function measureApproval({ root, baseUrl, env, organizationSlug, chromePath }) {
  const password = randomBytes(12).toString("hex");
  const setup = spawnSync(process.execPath, ["--import", "tsx", "--import", "./scripts/bench/register.mjs", "scripts/bench/approval-setup.ts", organizationSlug], {
    cwd: root, env: { ...env, NODE_ENV: "test", BENCH_PASSWORD: password }, encoding: "utf8",
  });
  if (setup.status !== 0) return { missing: `preparing the change request failed: ${setup.stderr.slice(-400)}` };
  const { changeRequestId, notes, adminEmail } = JSON.parse(setup.stdout.trim().split("\n").at(-1));
  const pageUrl = `${baseUrl}/en/organizations/${organizationSlug}`;
  const shows = async () => (await (await fetch(pageUrl)).text()).includes(notes);
  if (await shows()) return { missing: "the change was public before it was approved" };

  const browser = await chromium.launch({ executablePath: chromePath, args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
  try {
    const page = await (await browser.newContext()).newPage();
    await page.goto(`${baseUrl}/en/login`);
    await page.getByLabel("Email").fill(adminEmail);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/en\/account$/);
    await page.goto(`${baseUrl}/en/account/requests/${changeRequestId}`);
    const button = page.getByRole("button", { name: "Approve and publish" });
    await button.waitFor();
    const clicked = Date.now();
    await button.click();
    // Poll the public page from the click on; the delay includes the approval itself.
    let visibleAfter = null;
    while (Date.now() - clicked < 15_000) {
      if (await shows()) {
        visibleAfter = Date.now() - clicked;
        break;
      }
      await sleep(20);
    }
    await page.getByText(/Approved/).first().waitFor({ timeout: 15_000 });
    const approvedAfter = Date.now() - clicked;
    if (visibleAfter === null) return { missing: "the approved change was not on the public page 15 s after the click" };
    return { ms: visibleAfter, how: `from the admin's click on "Approve and publish" to the cached public page showing it; the approval page confirmed after ${approvedAfter} ms` };
  } finally {
    await browser.close();
  }
}
