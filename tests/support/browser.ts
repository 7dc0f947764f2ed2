// Shared pieces of the end-to-end tests: the portal's address, Debian's Chromium through playwright-core,
// axe-core checks with readable failures, and full-page screenshots under test-results/screenshots/.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const root = path.resolve(import.meta.dirname, "..", "..");
export const screenshotDir = path.join(root, "test-results", "screenshots");

/**
 * Where the portal runs (scripts/test.mjs sets it). Missing means the run is misconfigured: fail loudly,
 * never skip, so CI cannot pass without having driven a browser.
 */
export function baseUrl(): string {
  const url = process.env.E2E_BASE_URL;
  if (!url)
    throw new Error(
      "E2E_BASE_URL is not set: run the end-to-end tests through `npm test -- --only e2e`, " +
        "which builds and starts the portal.",
    );
  return url.replace(/\/$/, "");
}

export function chromiumPath(): string {
  const executablePath = process.env.CHROMIUM_PATH;
  if (!executablePath)
    throw new Error(
      "CHROMIUM_PATH is not set: run the end-to-end tests through `npm test -- --only e2e`, " +
        "which points it at Debian's Chromium.",
    );
  return executablePath;
}

export function url(pathname: string): string {
  return `${baseUrl()}${pathname}`;
}

export async function launchBrowser(): Promise<Browser> {
  // Checked before launching so a missing variable gives its own message, not a Chromium error.
  baseUrl();
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}

export async function newContext(
  browser: Browser,
  options: { width?: number; height?: number } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    // An English-speaking visitor: "/" picks the language from Accept-Language.
    locale: "en-US",
    reducedMotion: "reduce",
  });
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(30_000);
  return context;
}

/** Run axe-core on the page as it stands; resolves to a readable list of violations (empty when clean). */
export async function axeViolations(
  page: Page,
  { targetSize = false }: { targetSize?: boolean } = {},
): Promise<string[]> {
  // Without iframes, legacy mode (axe.run inside the page) gives the same results as the default mode,
  // which opens an extra blank page per run to merge frame results and is three times slower here.
  // resultTypes only trims the detail kept for passing rules; violations are reported in full.
  // target-size (WCAG 2.2's 24 px targets) is off in axe's defaults; the public pages' audit (issue 14) runs it.
  // After a server action the page re-renders and its streamed metadata (the <title>) can arrive a moment after
  // the content a test waited for: axe audits the settled page. A page that never gets a title still fails.
  await page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 5_000 }).catch(() => {});
  const results = await new AxeBuilder({ page })
    .setLegacyMode(page.frames().length === 1)
    .options({ resultTypes: ["violations"], rules: { "target-size": { enabled: targetSize } } })
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact ?? "?"}): ${v.help}\n` +
      `      ${v.nodes.map((n) => n.target.map(String).join(" ")).join("\n      ")}`,
  );
}

/**
 * The text axe's colour-contrast rule could not judge and leaves "to review" (a gradient behind it, an element
 * over it). Not counted: the charts' SVG labels (haloed in white, each chart has a table), and symbols such as
 * "→", which are not text for WCAG 1.4.3. Each node left should be made measurable.
 */
export async function contrastToReview(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .setLegacyMode(page.frames().length === 1)
    .withRules(["color-contrast"])
    .analyze();
  return results.incomplete
    .flatMap((r) => r.nodes)
    .filter((n) => !/^<(text|tspan)\b/.test(n.html) && !/only non-text characters/.test(n.any[0]?.message ?? ""))
    .map((n) => `${n.target.map(String).join(" ")}: ${n.any[0]?.message ?? n.failureSummary ?? ""}`);
}

/** Assert axe-core finds nothing; the failure message names each rule, its help text and the elements. */
export async function expectNoAxeViolations(
  page: Page,
  label = page.url(),
  options: { targetSize?: boolean } = {},
): Promise<void> {
  const violations = await axeViolations(page, options);
  if (violations.length) {
    throw new Error(`axe-core found ${violations.length} violation(s) on ${label}:\n  - ${violations.join("\n  - ")}`);
  }
}

/**
 * Open a page and wait until the visitor sees it whole: the expected HTTP status, the page's heading and,
 * on localized pages, the language switcher (a client component that appears once the page hydrates).
 */
export async function openPage(
  page: Page,
  pathname: string,
  { status = 200, localized = true }: { status?: number; localized?: boolean } = {},
): Promise<void> {
  const response = await page.goto(url(pathname));
  if (!response) throw new Error(`No response for ${pathname}`);
  if (response.status() !== status) throw new Error(`${pathname} answered ${response.status()}, expected ${status}`);
  await waitForPage(page, { localized });
}

export async function waitForPage(page: Page, { localized = true }: { localized?: boolean } = {}): Promise<void> {
  await page.locator("main h1").first().waitFor();
  if (localized) await languageSwitcher(page).getByRole("link").first().waitFor();
}

export function languageSwitcher(page: Page) {
  return page.getByRole("navigation", { name: /^(Language|语言)$/ });
}

/**
 * One browser for a test file, started by the first test that needs a tab (so a missing E2E_BASE_URL or
 * CHROMIUM_PATH fails every test with its message rather than skipping them), with a fixed number of
 * tabs: `use` waits for a free one, so concurrent tests overlap (one page renders on the server while
 * another runs axe) without overloading a small machine.
 */
export function browserSession({ tabs = 1, width, height }: { tabs?: number; width?: number; height?: number } = {}) {
  let started: Promise<{ browser: Browser; context: BrowserContext }> | undefined;
  const start = () =>
    (started ??= (async () => {
      const browser = await launchBrowser();
      return { browser, context: await newContext(browser, { width, height }) };
    })());
  const idle: Page[] = [];
  const waiting: ((page: Page) => void)[] = [];
  let opened = 0;
  const acquire = async (): Promise<Page> => {
    const page = idle.pop();
    if (page) return page;
    if (opened < tabs) {
      opened += 1;
      try {
        return await (await start()).context.newPage();
      } catch (error) {
        opened -= 1;
        throw error;
      }
    }
    return new Promise((resolve) => waiting.push(resolve));
  };
  const release = (page: Page) => {
    const next = waiting.shift();
    if (next) next(page);
    else idle.push(page);
  };
  return {
    async use<T>(run: (page: Page) => Promise<T>): Promise<T> {
      const page = await acquire();
      try {
        return await run(page);
      } finally {
        release(page);
      }
    },
    async close(): Promise<void> {
      if (!started) return;
      const { browser } = await started.catch(() => ({ browser: undefined }));
      await browser?.close();
    },
  };
}

/** Full-page screenshot to test-results/screenshots/<name>.png. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name.replace(/[^a-z0-9._-]+/gi, "-")}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs in through the login form on `page`; resolves once the account page shows. */
export async function signInOn(page: Page, email: string, password: string): Promise<Page> {
  await page.goto(url("/en/login"));
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.waitForURL(/\/en\/account$/);
  return page;
}

/** A page in a fresh browser context (its own cookies), signed in as `email`. */
export async function signIn(browser: Browser, email: string, password: string): Promise<Page> {
  return signInOn(await (await newContext(browser)).newPage(), email, password);
}

/**
 * Choose an organization in the type-ahead picker (components/ui/suggest-combobox.tsx) with the keyboard only:
 * type, wait for the list, ArrowDown to its first option, Enter. `typed` should make `name` the first option.
 */
/** Pick a record in a type-ahead (the first combobox labelled `label`): type, take the first suggestion. */
export async function chooseRecord(page: Page, label: string, typed: string, name: string): Promise<void> {
  const box = page.getByRole("combobox", { name: label, exact: true }).first();
  await box.fill(typed);
  await page.getByRole("listbox").getByRole("option").first().waitFor();
  await box.press("ArrowDown");
  await box.press("Enter");
  await page.waitForFunction(
    ([id, value]) => (document.getElementById(id!) as HTMLInputElement | null)?.value === value,
    [(await box.getAttribute("id"))!, name] as const,
  );
}

export function chooseOrganization(page: Page, typed: string, name: string): Promise<void> {
  return chooseRecord(page, "Organization", typed, name);
}
