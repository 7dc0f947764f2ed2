// The page reader's cost, counted rather than timed: for every adversarial shape its work at 2n characters is
// about twice its work at n (the old regex tag stripping re-read the rest of the text from every unclosed "<":
// 56–100 s for 200 KB, during which the server answered nothing). The meter is checked too: it charges the old
// patterns for their re-scans, and htmlparser2's tokenizer really reads each character a bounded number of
// times. Then the event loop: a 200 KB page is read in bounded steps, with the loop turning between them.
import { describe, expect, it } from "vitest";
import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";
import { pageRows, preparePage, readPage, readingLimit, type Matcher } from "@/lib/import/read-page";
import { WorkLimitError, WorkMeter, patternReach, runSteps, runStepsYielding } from "@/lib/import/work-meter";
import { adversarialSelf, adversarialShapes, unclosedParagraphs } from "../support/adversarial-pages";

// Every quoted name and heading is "known", each under its own slug: the most rows, and work, a page can make.
const knowsAll: Matcher = (text) => ({ slug: text, name: text, score: 1 });
const N = 20_000;

function workOf(text: string): number {
  const meter = new WorkMeter();
  readPage(text, knowsAll, adversarialSelf, meter);
  return meter.total;
}

describe("the reader's work grows in proportion to the text", () => {
  for (const [shape, make] of Object.entries(adversarialShapes)) {
    it(`${shape}: twice the text, at most about twice the work`, () => {
      const [small, large] = [make(N), make(2 * N)];
      expect(large.length / small.length).toBeGreaterThan(1.95);
      expect(workOf(large) / workOf(small)).toBeLessThanOrEqual(2.1);
    });
  }
});

/** The reader's tag stripping before this change, each pattern charged as the meter charges any pattern. */
function legacyToPlainText(input: string, meter: WorkMeter): string {
  const tag = /<\/?[a-z][a-z0-9]*[\s>/]/i;
  meter.scan(tag, input);
  if (!tag.test(input)) return input;
  const chain: [RegExp, string][] = [
    [/<(script|style|template|noscript)[\s\S]*?<\/\1\s*>/gi, " "],
    [/<!--[\s\S]*?-->/g, " "],
    [/<br\s*\/?>/gi, "\n"],
    [
      /<\/?(p|div|tr|td|th|li|ul|ol|table|tbody|thead|h[1-6]|section|article|header|footer|blockquote)\b[^>]*>/gi,
      "\n\n",
    ],
    [/<[^>]+>/g, ""],
  ];
  let text = input;
  for (const [pattern, by] of chain) {
    meter.scan(pattern, text);
    text = text.replace(pattern, by);
  }
  return text;
}

describe("the meter is honest", () => {
  it("charges the old tag stripping for re-reading the rest of the text: four times the work at 2n", () => {
    for (const shape of ["unclosed <p", "unclosed <script", "unclosed <!--", "unclosed <a"]) {
      const work = (n: number) => {
        const meter = new WorkMeter();
        legacyToPlainText(adversarialShapes[shape]!(n), meter);
        return meter.total;
      };
      expect(work(8_000) / work(4_000), shape).toBeGreaterThan(3.5);
    }
  });

  it(`reads a pattern's reach from its source: bounded quantifiers are a constant, \
* + and back-references unbounded`, () => {
    expect(patternReach(/ab?c{2,4}(?:de|f)[xyz]/)).toEqual({ reach: 9, anchored: false });
    expect(patternReach(/^\d{4}\s?年$/)).toEqual({ reach: 6, anchored: true });
    expect(patternReach(/(?<![\d-])(?:19|20)\d{2}(?![\d-])/).reach).toBe(6);
    expect(patternReach(/^a|b/).anchored).toBe(false);
    expect(patternReach(/\u4e00\.\\/).reach).toBe(3);
    for (const unbounded of [/<[^>]+>/, /<!--[\s\S]*?-->/, /a{2,}/, /(a)\1/, /\s*/])
      expect(patternReach(unbounded).reach, unbounded.source).toBe(Infinity);
  });

  it("htmlparser2's tokenizer reads each character of every shape a bounded number of times", () => {
    const noop = () => {};
    const callbacks: TokenizerCallbacks = {
      onattribdata: noop,
      onattribentity: noop,
      onattribend: noop,
      onattribname: noop,
      oncdata: noop,
      onclosetag: noop,
      oncomment: noop,
      ondeclaration: noop,
      onend: noop,
      onopentagend: noop,
      onopentagname: noop,
      onprocessinginstruction: noop,
      onselfclosingtag: noop,
      ontext: noop,
      ontextentity: noop,
    };
    for (const [shape, make] of Object.entries(adversarialShapes)) {
      const reads = (text: string) => {
        // The tokenizer reads its buffer through charCodeAt and length only: count every read.
        const counted = {
          count: 0,
          length: text.length,
          charCodeAt(i: number) {
            this.count++;
            return text.charCodeAt(i);
          },
        };
        const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
        tokenizer.write(counted as unknown as string);
        tokenizer.end();
        return counted.count;
      };
      const [small, large] = [make(N), make(2 * N)];
      expect(reads(large) / large.length, shape).toBeLessThanOrEqual(3);
      expect(reads(large) / Math.max(1, reads(small)), shape).toBeLessThanOrEqual(2.1);
    }
  });
});

describe("a 200 KB page never holds the event loop", () => {
  it("the page of the issue: a callback queued when its reading starts runs before the reading ends", async () => {
    const meter = new WorkMeter({ step: 20_000 });
    let workWhenCalled = -1;
    setImmediate(() => (workWhenCalled = meter.total));
    const page = await runStepsYielding(preparePage(unclosedParagraphs, meter));
    await runStepsYielding(pageRows(page, knowsAll, adversarialSelf, meter));
    expect(workWhenCalled).toBeGreaterThan(0);
    expect(workWhenCalled).toBeLessThan(meter.total);
  });

  for (const [shape, make] of Object.entries(adversarialShapes)) {
    it(`${shape}: read in steps of bounded work, the event loop turning between each two`, async () => {
      const meter = new WorkMeter();
      let turns = 0;
      let reading = true;
      const tick = () => {
        if (!reading) return;
        turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      const text = make(200_000);
      const page = await runStepsYielding(preparePage(text, meter));
      await runStepsYielding(pageRows(page, knowsAll, adversarialSelf, meter));
      reading = false;
      // A step does its share, then at most one operation over the whole text (splitting it into lines costs
      // three units a character): its work does not depend on the text's shape.
      const longest = meter.step + 3 * text.length;
      expect(meter.longestStep).toBeLessThanOrEqual(longest);
      expect(meter.steps).toBeGreaterThanOrEqual(Math.floor(meter.total / longest));
      expect(turns).toBeGreaterThanOrEqual(meter.steps - 1);
    });
  }

  it("a reading that passes its limit stops with a clear error", () => {
    // Far above the costliest shape: the limit is a backstop, not something a page reaches.
    expect(readingLimit(200_000)).toBeGreaterThan(
      3 * workOf(adversarialShapes["one sentence quoting thousands of names"]!(200_000)),
    );
    const meter = new WorkMeter({ limit: 50_000 });
    expect(() => runSteps(preparePage(unclosedParagraphs, meter))).toThrow(WorkLimitError);
    expect(() => runSteps(preparePage(unclosedParagraphs, new WorkMeter({ limit: 50_000 })))).toThrow(
      /too complex to read/,
    );
  });
});
