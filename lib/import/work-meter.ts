// The page reader's work, counted and cut into steps. Counted so that tests can show it grows in proportion to
// the text whatever its shape (work, not time: a loaded machine does not change it); cut into steps so that a
// preview yields the event loop between them and one request never holds the server.
import { ValidationError } from "../shared/errors";

/** A computation that yields between bounded steps; runSteps or runStepsYielding drives it. */
export type Steps<T> = Generator<void, T, undefined>;

export class WorkLimitError extends ValidationError {
  constructor() {
    super("This text is too complex to read.", {
      text: ["Paste only the part of your page that lists the organizations."],
    });
  }
}

/**
 * Characters examined, summed over every scan. Loops written here add what they read. A regular expression
 * is charged for every position it may start at times the most characters one attempt can read from there
 * (patternReach): a pattern with only bounded quantifiers costs a constant per position, one with `*`, `+`
 * or a back-reference may read to the end of its text from every position, and is charged that square.
 */
export class WorkMeter {
  total = 0;
  /** How many steps the work was cut into, and the most work done in one of them. */
  steps = 1;
  private longest = 0;
  private inStep = 0;
  readonly limit: number;
  readonly step: number;

  constructor({ limit = Infinity, step = 200_000 }: { limit?: number; step?: number } = {}) {
    this.limit = limit;
    this.step = step;
  }

  add(units: number): void {
    this.total += units;
    this.inStep += units;
    if (this.total > this.limit) throw new WorkLimitError();
  }

  /** A regular expression run over `text` (test, exec, replace, split or a global scan: the same bound). */
  scan(pattern: RegExp, text: string): void {
    const { reach, anchored } = patternReach(pattern);
    const starts = anchored ? 1 : text.length + 1;
    this.add(starts * Math.min(reach, text.length) + 1);
  }

  /** Code whose scans are not analysed here (lib/shared/dates): assume every position may read to the end. */
  opaque(text: string): void {
    this.add((text.length + 1) ** 2);
  }

  /** Whether this step has done its share (loops check this before calling pause, which costs a generator). */
  get due(): boolean {
    return this.inStep >= this.step;
  }

  /** Ends the step here if it has done its share: the driver may then let the event loop turn. */
  *pause(): Steps<void> {
    if (!this.due) return;
    this.longest = Math.max(this.longest, this.inStep);
    this.inStep = 0;
    this.steps++;
    yield;
  }

  get longestStep(): number {
    return Math.max(this.longest, this.inStep);
  }
}

/** Runs every step at once (tests, and callers that are not serving requests). */
export function runSteps<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** Runs the steps, letting the event loop serve whatever else is waiting between two of them. */
export async function runStepsYielding<T>(steps: Steps<T>): Promise<T> {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

export type PatternReach = {
  /** The most characters one attempt may read from its start, lookarounds included; Infinity if unbounded. */
  reach: number;
  /** Whether the pattern can only start at the beginning of its text (a leading ^, no top-level |, no m flag). */
  anchored: boolean;
};

const reaches = new WeakMap<RegExp, PatternReach>();

/** What WorkMeter.scan charges for a pattern, read from its source (JavaScript's syntax, as the reader uses it). */
export function patternReach(pattern: RegExp): PatternReach {
  let known = reaches.get(pattern);
  if (!known) {
    known = readSource(pattern.source);
    if (pattern.multiline) known.anchored = false;
    reaches.set(pattern, known);
  }
  return known;
}

function readSource(source: string): PatternReach {
  let i = 0;
  let topLevelAlternatives = 1;
  const alternatives = (depth: number): number => {
    let most = sequence();
    while (source[i] === "|") {
      i++;
      if (depth === 0) topLevelAlternatives++;
      most = Math.max(most, sequence());
    }
    return most;
  };
  const sequence = (): number => {
    let sum = 0;
    while (i < source.length && source[i] !== "|" && source[i] !== ")") sum += quantified(atom());
    return sum;
  };
  const atom = (): number => {
    const c = source[i]!;
    if (c === "(") {
      i++;
      if (source.startsWith("?<=", i) || source.startsWith("?<!", i)) i += 3;
      else if (source.startsWith("?<", i)) i = source.indexOf(">", i) + 1;
      else if (source[i] === "?") i += 2;
      const inner = alternatives(1);
      i++; // ")"
      return inner;
    }
    if (c === "[") {
      i++;
      while (i < source.length && source[i] !== "]") i += source[i] === "\\" ? 2 : 1;
      i++;
      return 1;
    }
    if (c === "\\") return readEscape();
    i++;
    return c === "^" || c === "$" ? 0 : 1;
  };
  const readEscape = (): number => {
    const c = source[i + 1] ?? "";
    i += 2;
    if (c === "b" || c === "B") return 0;
    if (/[1-9]/.test(c) || c === "k") return Infinity; // a back-reference: as long as what it repeats
    if ((c === "u" || c === "p" || c === "P") && source[i] === "{") {
      i = source.indexOf("}", i) + 1;
      return 2; // a code point: up to two UTF-16 units
    }
    if (c === "u") i += 4;
    else if (c === "x") i += 2;
    else if (c === "c") i += 1;
    return 1;
  };
  const quantified = (length: number): number => {
    const c = source[i];
    let times = 1;
    let quantifier = true;
    if (c === "*" || c === "+") {
      i++;
      times = Infinity;
    } else if (c === "?") i++;
    else {
      const m = c === "{" ? /^\{(\d+)(,(\d*))?\}/.exec(source.slice(i, i + 24)) : null;
      if (m) {
        i += m[0].length;
        times = m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity;
      } else quantifier = false;
    }
    if (quantifier && source[i] === "?") i++; // lazy: may read just as far
    return length === 0 ? 0 : length * times;
  };
  const reach = alternatives(0);
  return { reach, anchored: source.startsWith("^") && topLevelAlternatives === 1 };
}
