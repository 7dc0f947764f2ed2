// Dates as staff type them (issue 13 §1): the membership form shows, while typing, how the server will store
// the date (or that it cannot be read, or is in the future), in English and Chinese; a future date sent anyway
// is refused beside its field; a joined date before the organization's founding is sent with a warning that the
// proposer and the reviewer see beside the diff.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, chooseOrganization, launchBrowser, screenshot, signIn, url } from "../../support/browser";

let browser: Browser;
let nmu: Page;
let requestPath = "";
// Founded in 2019 (prisma/seed-data/organizations.json); NMU is not among its members.
const GREATER_BAY = "Belt and Road & Greater Bay Area Chinese Medicine Training Programme";

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe("a date typed as the page writes it, with the precision it will be stored at", () => {
  it("previews each form while typing, in English", async () => {
    nmu = await signIn(browser, "staff@njmu.test", "nmu-staff-demo");
    await nmu.goto(url("/en/account/new"));
    const joined = nmu.getByLabel("Joined");
    const preview = nmu.getByTestId("values.joined-preview");
    for (const [typed, shown] of [
      ["May 2018", "Stored as: May 2018 (month)"],
      ["Nov 11, 2019", "Stored as: Nov 11, 2019 (day)"],
      ["11 November 2019", "Stored as: Nov 11, 2019 (day)"],
      ["2018-05", "Stored as: May 2018 (month)"],
      ["2019", "Stored as: 2019 (year)"],
      ["2099-01-01", "In the future: Jan 1, 2099 cannot be saved."],
      ["next spring", "Cannot be read as a date: write a year (2016), a month (May 2018) or a day (Nov 11, 2019)."],
    ]) {
      await joined.fill(typed!);
      await nmu.getByTestId("values.joined-preview").getByText(shown!, { exact: true }).waitFor();
    }
    expect(await preview.getAttribute("data-state")).toBe("refused");
    expect(await axeViolations(nmu)).toEqual([]);
    await screenshot(nmu, "dates-01-preview-unreadable");
  });

  it("refuses a future date sent anyway, beside the field, and sends nothing", async () => {
    await chooseOrganization(nmu, "Greater Bay Area", GREATER_BAY);
    await nmu.getByLabel("Joined").fill("2099-01-01");
    await nmu.getByLabel("Source address (URL)").fill("https://example.org/nmu/greater-bay");
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu
      .locator("#values\\.joined-error")
      .getByText("Jan 1, 2099 is in the future: give the date it happened, as your source writes it.")
      .waitFor();
    expect(nmu.url()).toContain("/en/account/new");
  });

  it("sends a joined date before the founding, and the proposer sees the warning beside the diff", async () => {
    await nmu.getByLabel("Joined").fill("2018");
    await nmu.getByTestId("values.joined-preview").getByText("Stored as: 2018 (year)").waitFor();
    await nmu.getByRole("button", { name: "Send for review" }).click();
    await nmu.waitForURL(/\/account\/requests\//);
    requestPath = new URL(nmu.url()).pathname;
    await nmu
      .getByTestId("date-warnings")
      .getByText(/^Joined 2018, before .+ was founded \(2019\)/)
      .waitFor();
    await screenshot(nmu, "dates-02-proposer-warning");
  });

  it("the reviewer sees the same warning on the review page", async () => {
    const admin = await signIn(browser, "admin@atlas.test", "atlas-admin-demo");
    await admin.goto(url(requestPath));
    await admin
      .getByTestId("date-warnings")
      .getByText(/^Joined 2018, before .+ was founded \(2019\)/)
      .waitFor();
    expect(await axeViolations(admin)).toEqual([]);
    await screenshot(admin, "dates-03-reviewer-warning");
  });

  it("previews in Chinese, reading the Chinese form", async () => {
    await nmu.goto(url("/zh/account/new"));
    await nmu.getByLabel("加入时间").fill("2018年5月");
    await nmu.getByTestId("values.joined-preview").getByText("将保存为：2018年5月（月）", { exact: true }).waitFor();
    await nmu.getByLabel("加入时间").fill("2099");
    await nmu.getByTestId("values.joined-preview").getByText("2099年是将来的日期，无法保存。").waitFor();
  });
});

describe("the importer says where it cut", () => {
  it("names the row whose passage was cut, marks it, and previews the row's date", async () => {
    await nmu.goto(url("/en/account/import"));
    const notes = "The network of universities grew. ".repeat(70);
    await nmu
      .getByLabel("Your page (text, HTML or CSV)")
      .fill(`Organization,Joined,Notes\nM9 Collaboration Network,2021,${notes}\n`);
    await nmu.getByLabel("The page's address").fill("https://example.org/nmu/m9");
    await nmu.getByRole("button", { name: "Read the page" }).click();
    await nmu.waitForURL(/\/en\/account\/import\/\w+$/);
    await nmu
      .getByTestId("import-cuts")
      .getByText(/^The passages quoted for International Collaboration Network .+ were longer than 2,000 characters/)
      .waitFor();
    await nmu.getByText("Cut at 2,000 characters").waitFor();
    await nmu.getByTestId("rows.0.joined-preview").getByText("Stored as: 2021 (year)").waitFor();
    expect(await axeViolations(nmu)).toEqual([]);
    await screenshot(nmu, "dates-04-import-cut");
  });
});
