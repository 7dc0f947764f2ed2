// The one-pass splitters of lib/import/text-pieces.ts cut exactly what the regular expressions they replace
// cut (those re-read their text on some shapes): checked on generated texts made of the characters that matter.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  BRACKETS,
  MAX_SENTENCE,
  PROSE_QUOTES,
  QUOTES,
  enclosedSteps,
  isSpace,
  paragraphSteps,
  sentenceSteps,
} from "@/lib/import/text-pieces";
import { WorkMeter, runSteps } from "@/lib/import/work-meter";

const pieces = [
  "a",
  "B",
  "中",
  " ",
  "  ",
  "\n",
  "\n\n",
  " \n \n ",
  "\t",
  "\u00a0",
  "\r\n",
  ".",
  "。",
  "!",
  "?",
  "“",
  "”",
  '"',
  "«",
  "»",
  "(",
  ")",
  "Network",
  "ab",
];
const texts = fc.array(fc.constantFrom(...pieces), { maxLength: 60 }).map((p) => p.join(""));
const params = { numRuns: 2_000, seed: 11 };
const meter = () => new WorkMeter();

describe("one-pass splitters", () => {
  it("isSpace is JavaScript's \\s", () => {
    for (let c = 0; c <= 0xffff; c++) expect(isSpace(c), c.toString(16)).toBe(/\s/.test(String.fromCharCode(c)));
  });

  it("paragraphs: as split(/\\n\\s*\\n/), white space collapsed, trimmed, empty ones dropped", () => {
    fc.assert(
      fc.property(texts, (text) => {
        const before = text
          .split(/\n\s*\n/)
          .map((p) => p.replace(/\s+/g, " ").trim())
          .filter(Boolean);
        expect(runSteps(paragraphSteps(text, meter()))).toEqual(before);
      }),
      params,
    );
  });

  it(`sentences: as the split at white space after . ! ? 。 ！ ？ before a capital, quote, \
bracket or Chinese character`, () => {
    fc.assert(
      fc.property(texts, (text) => {
        const p = text.replace(/\s+/g, " ").trim();
        const before = p
          .split(/(?<=[.!?。！？])\s+(?=[A-Z“"(\u4e00-\u9fff])/)
          .map((s) => s.trim())
          .filter(Boolean);
        expect(runSteps(sentenceSteps(p, meter()))).toEqual(before);
      }),
      params,
    );
  });

  it("a sentence longer than MAX_SENTENCE is cut at spaces into pieces no longer", () => {
    const long = "word ".repeat(700).trim();
    const cut = runSteps(sentenceSteps(long, meter()));
    expect(cut.length).toBeGreaterThan(1);
    expect(cut.every((s) => s.length <= MAX_SENTENCE && /^word( word)*$/.test(s))).toBe(true);
    expect(cut.join(" ")).toBe(long);
  });

  it("quoted and bracketed names: what the global patterns they replace find", () => {
    const cases = [
      { chars: QUOTES, pattern: /[“"«]([^”"»]{6,160})[”"»]/g, min: 6, max: 160 },
      { chars: PROSE_QUOTES, pattern: /[“"]([^”"]{6,160})[”"]/g, min: 6, max: 160 },
      { chars: BRACKETS, pattern: /\(([^()]{2,80})\)/g, min: 2, max: 80 },
      { chars: QUOTES, pattern: /[“"«]([^”"»]{1,3})[”"»]/g, min: 1, max: 3 },
    ];
    fc.assert(
      fc.property(texts, (text) => {
        for (const { chars, pattern, min, max } of cases) {
          const before = [...text.matchAll(pattern)].map((m) => ({
            start: m.index,
            end: m.index + m[0].length,
            inner: m[1],
          }));
          expect(runSteps(enclosedSteps(text, chars, min, max, meter()))).toEqual(before);
        }
      }),
      params,
    );
  });
});
