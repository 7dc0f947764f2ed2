// Affiliation matching (lib/data/open/match.ts, GET /api/v1/match) on the seed with the directory of world
// universities: the labelled set's precision and recall (quality only: its speed is npm run bench's), and the
// endpoint's answers (the date, at most one chosen, bad input as the API's JSON error).
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "@/lib/data/db";
import { matchAffiliation } from "@/lib/data/open/match";
import { GET, POST } from "@/app/api/v1/match/route";
import { matchingQuality, type MatchResponse } from "@/lib/shared/affiliation-match";

afterAll(async () => {
  await db().$disconnect();
});

const NMU = "nanjing-medical-university";
const CUHK = "chinese-university-of-hong-kong";
const get = (query: string) => GET(new Request(`http://localhost/api/v1/match?${query}`), undefined);
const chosenOf = (r: MatchResponse) => r.items.filter((i) => i.chosen).map((i) => i.record.slug);

describe("the labelled set (tests/fixtures/affiliations.json, made by scripts/match-set.ts)", () => {
  it("chooses with precision ≥ 0.95 at recall ≥ 0.85", { timeout: 120_000 }, async () => {
    const file = path.join(import.meta.dirname, "..", "fixtures", "affiliations.json");
    const set = JSON.parse(readFileSync(file, "utf8")) as { items: { affiliation: string; label: string }[] };
    expect(set.items.filter((i) => i.label !== "none").length).toBeGreaterThanOrEqual(300);
    expect(set.items.filter((i) => i.label === "none").length).toBeGreaterThanOrEqual(50);
    const outcomes = [];
    for (const item of set.items) {
      const answer = await matchAffiliation(item.affiliation);
      expect(answer.items.filter((i) => i.chosen).length).toBeLessThanOrEqual(1);
      outcomes.push({ label: item.label, chosen: chosenOf(answer)[0] ?? null });
    }
    const quality = matchingQuality(outcomes);
    expect(quality.precision).toBeGreaterThanOrEqual(0.95);
    expect(quality.recall).toBeGreaterThanOrEqual(0.85);
  });
});

describe("the set's script", () => {
  it("makes the committed set again from the seeded database: the same seed, the same strings", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "atlas-match-set-"));
    try {
      const out = path.join(dir, "affiliations.json");
      const root = path.join(import.meta.dirname, "..", "..");
      const run = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/match-set.ts", "--out", out], {
        cwd: root,
        env: process.env,
        encoding: "utf8",
      });
      expect(run.status, run.stderr).toBe(0);
      const committed = readFileSync(path.join(root, "tests", "fixtures", "affiliations.json"), "utf8");
      expect(JSON.parse(readFileSync(out, "utf8"))).toEqual(JSON.parse(committed));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("matchAffiliation", () => {
  it("reads a paper's affiliation: department, abbreviations, postcode, city and country", async () => {
    const r = await matchAffiliation("Dept. of Surgery, Nanjing Med. Univ., Nanjing 211166, China");
    expect(r.items[0]).toMatchObject({
      chosen: true,
      matching_type: "PHRASE",
      score: 1,
      substring: "Nanjing Med. Univ.",
      record: { slug: NMU, type: "institution", name: "Nanjing Medical University", country: "CN" },
    });
    expect(chosenOf(r)).toEqual([NMU]);
  });

  it("takes a missing The, lower case and a typo", async () => {
    expect(chosenOf(await matchAffiliation("chinese university of hong kong"))).toEqual([CUHK]);
    const typo = await matchAffiliation("Nanjing Medical Univeristy");
    expect(typo.items[0]).toMatchObject({ chosen: true, matching_type: "FUZZY", record: { slug: NMU } });
    expect(typo.items[0]!.score).toBeLessThan(1);
  });

  it("finds a mistyped name by the words the registry's names hold, and by likeness when they hold none", async () => {
    // "Nanjing" is a word of the registry's names (atlas_name_words): the names holding it are the candidates.
    const known = await matchAffiliation("Dept. of Surgery, Nanjing Medical Univeristy, Nanjing, China");
    expect(chosenOf(known)).toEqual([NMU]);
    // "Nanjnig" is no word of any name: the part is looked up by likeness of words instead.
    const unknown = await matchAffiliation("Nanjnig Medical University, China");
    expect(chosenOf(unknown)).toEqual([NMU]);
  });

  it("finds a name added after the word counts were made: an unknown word is looked up by likeness", async () => {
    const tag = Date.now().toString(36);
    const institution = await db().institution.create({
      data: {
        slug: `match-zymurgy-${tag}`,
        kind: "UNIVERSITY",
        country: "NZ",
        names: { create: { locale: "en", name: "Qwertyuiop Institute of Zymurgy" } },
      },
    });
    try {
      const [counted] = await db().$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM atlas_name_words WHERE word IN ('qwertyuiop', 'zymurgy')`;
      expect(Number(counted!.n)).toBe(0);
      const r = await matchAffiliation("Qwertyiuop Institute of Zymurgy, New Zealand");
      expect(chosenOf(r)).toEqual([institution.slug]);
    } finally {
      await db().institutionName.deleteMany({ where: { institutionId: institution.id } });
      await db().institution.delete({ where: { id: institution.id } });
    }
  });

  it("chooses nothing for a string naming no university", async () => {
    for (const text of ["Pfizer Inc., 235 East 42nd Street, New York, NY 10017, USA", "Private practice, Berlin"])
      expect(chosenOf(await matchAffiliation(text))).toEqual([]);
  });
});

describe("GET /api/v1/match", () => {
  it("answers as ROR's endpoint, with CORS and an ETag", async () => {
    const response = await get(`affiliation=${encodeURIComponent("Nanjing Medical University, China")}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    const etag = response.headers.get("etag");
    expect(etag).toBeTruthy();
    const body = (await response.json()) as MatchResponse;
    expect(body.items.filter((i) => i.chosen).length).toBe(1);
    expect(body.items[0]?.record.memberships).toBeUndefined();
    const again = await GET(
      new Request("http://localhost/api/v1/match?affiliation=Nanjing%20Medical%20University%2C%20China", {
        headers: { "If-None-Match": etag! },
      }),
      undefined,
    );
    expect(again.status).toBe(304);
  });

  it("with a date, lists each record's memberships in force that day, at the stored precision", async () => {
    const on = async (date: string) => {
      const body = (await (await get(`affiliation=CUHK%2C%20Hong%20Kong&date=${date}`)).json()) as MatchResponse;
      const cuhk = (
        (await (
          await get(`affiliation=The%20Chinese%20University%20of%20Hong%20Kong&date=${date}`)
        ).json()) as MatchResponse
      ).items.find((i) => i.record.slug === CUHK);
      expect(body.date).toBe(date);
      return (cuhk?.record.memberships ?? []).map((m) => m.organization.slug);
    };
    // Joined November 2018 (month precision) and 2019 (year precision).
    const before = await on("2018-10-31");
    expect(before).not.toContain("alliance-of-international-science-organizations");
    expect(before).toContain("pan-asian-biomedical-science-consortium");
    const after = await on("2018-11-01");
    expect(after).toContain("alliance-of-international-science-organizations");
    expect(after).not.toContain("belt-and-road-greater-bay-area-chinese-medicine-training-programme");
    expect(await on("2019-01-01")).toContain("belt-and-road-greater-bay-area-chinese-medicine-training-programme");
    expect(await on("2011-12-31")).toEqual([]);
  });

  it("refuses bad input with the API's JSON error", async () => {
    for (const query of [
      "",
      "affiliation=",
      `affiliation=${"x".repeat(501)}`,
      "affiliation=Nanjing&date=2021-02-30",
      "affiliation=Nanjing&date=soon",
      "affiliation=Nanjing&affiliation=Basel",
      "affiliation=Nanjing&limit=3",
    ]) {
      const response = await get(query);
      expect(response.status, query).toBe(400);
      const body = (await response.json()) as { error: { code: string; message: string } };
      expect(body.error.code).toBe("bad_request");
      expect(body.error.message).toMatch(/affiliation|date|limit/);
    }
    expect((await POST(new Request("http://localhost/api/v1/match", { method: "POST" }))).status).toBe(405);
  });
});
