// The bench's empty page (app/[locale]/bench-floor): the framework's floor that `npm run bench` measures first visits
// of record pages against. A server started with BENCH_FLOOR_PAGE=1 (the bench's) renders it; any other answers
// the site's 404, as for every unknown address.
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next-intl/server", () => ({ setRequestLocale: () => {} }));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  vi.resetModules();
});

/** The page as a server started with this setting renders it (lib/env reads the environment once per process). */
async function render(setting: string | undefined, locale: string, n: string) {
  process.env.DATABASE_URL ??= "postgresql://127.0.0.1:1/never-connected";
  if (setting === undefined) delete process.env.BENCH_FLOOR_PAGE;
  else process.env.BENCH_FLOOR_PAGE = setting;
  vi.resetModules();
  const { default: BenchFloorPage } = await import("@/app/[locale]/bench-floor/[n]/page");
  return BenchFloorPage({ params: Promise.resolve({ locale, n }) });
}

const notFound = expect.objectContaining({ digest: "NEXT_HTTP_ERROR_FALLBACK;404" });

describe("the bench's floor page", () => {
  it("with BENCH_FLOOR_PAGE=1: one paragraph naming its address, under the site's layout", async () => {
    const page = await render("1", "en", "abc-1");
    expect(page.type).toBe("p");
    expect(page.props.children).toBe("abc-1");
  });

  it("without it (unset or 0): the 404 every unknown address gets", async () => {
    await expect(render(undefined, "en", "abc-1")).rejects.toEqual(notFound);
    await expect(render("0", "en", "abc-1")).rejects.toEqual(notFound);
  });

  it("even with it: a 404 for an unknown locale or an address that is not a short word", async () => {
    await expect(render("1", "fr", "abc-1")).rejects.toEqual(notFound);
    await expect(render("1", "en", "a/b")).rejects.toEqual(notFound);
    await expect(render("1", "en", "x".repeat(81))).rejects.toEqual(notFound);
  });
});
