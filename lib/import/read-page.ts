// Reading a university's own "international organizations" page (text, HTML or CSV) into proposed rows: which
// organization, since when (at the precision the page gives) and in which role, with the passage it comes from.
// Pure: matching names against the registry is the caller's (lib/data/import/drafts.ts, through
// match-names.ts), passed in as `match`.
// Every step does work in proportion to what it reads (counted on a WorkMeter) and can pause between steps:
// the markup goes through a real tokenizer (html-text.ts), the text is cut into pieces in single passes
// (text-pieces.ts), and the patterns (patterns.ts) have bounded quantifiers only and run on those pieces.
import { plainTextSteps } from "./html-text";
import type { ImportedRow, Matcher, OrganizationMatch } from "./imported-row";
import { DATE_IN_TEXT, DATE_ROLE_LINE, ORG_WORDS, exec, parseDate, roleIn, test } from "./patterns";
import { csvRows, csvSteps, looksLikeCsv, type CsvTable } from "./read-csv";
import { BRACKETS, PROSE_QUOTES, QUOTES, enclosedSteps, paragraphSteps, sentenceSteps } from "./text-pieces";
import { WorkMeter, runSteps, type Steps } from "./work-meter";

export type { ImportedRow, Matcher, OrganizationMatch } from "./imported-row";

/** A heading must match a known organization at least this well; a quoted name inside prose, better. */
export const HEADING_MATCH = 0.6;
const QUOTED_MATCH = 0.6;
/** The weakest match any row can use: lib/data/import/match-names.ts looks for no weaker ones. */
export const MATCH_THRESHOLD = Math.min(HEADING_MATCH, QUOTED_MATCH);

/** Longest paragraph that can be an organization's heading. */
const HEADING_MAX = 200;

/**
 * The most work a page of `length` characters may take: far above what any page needs (the reader's work
 * grows in proportion to its text), so reaching it means a shape of text the reader was never meant for.
 */
export function readingLimit(length: number): number {
  return 5_000 * length + 10_000_000;
}

/** HTML to text with a blank line between blocks; anything else is left as it is. */
export function toPlainText(input: string, meter = new WorkMeter()): string {
  return runSteps(plainTextSteps(input, meter));
}

export function paragraphs(text: string, meter = new WorkMeter()): string[] {
  return runSteps(paragraphSteps(text, meter));
}

/** A pasted page read once: its paragraphs, its table if it is a CSV, and the texts to look up in the registry. */
export type PreparedPage = { paragraphs: string[]; csv: CsvTable | null; candidates: string[] };

export function* preparePage(input: string, meter: WorkMeter): Steps<PreparedPage> {
  const text = yield* plainTextSteps(input, meter);
  yield* meter.pause();
  const csv = looksLikeCsv(text, meter) ? yield* csvSteps(text, meter) : null;
  yield* meter.pause();
  const ps = yield* paragraphSteps(text, meter);
  yield* meter.pause();
  const found = new Set<string>();
  const add = (candidate: string) => {
    meter.add(candidate.length + 1);
    found.add(candidate);
  };
  for (const row of csv?.cells ?? []) {
    const name = row[csv!.name]?.trim();
    if (!name || name.length > HEADING_MAX) continue;
    add(name);
    for (const b of yield* enclosedSteps(name, BRACKETS, 2, 80, meter)) add(b.inner.trim());
  }
  for (const p of ps) {
    if (p.length <= HEADING_MAX) {
      add(p);
      for (const b of yield* enclosedSteps(p, BRACKETS, 2, 80, meter)) add(b.inner.trim());
    }
    for (const q of yield* enclosedSteps(p, QUOTES, 6, 160, meter)) add(q.inner.trim());
    if (meter.due) yield* meter.pause();
  }
  return { paragraphs: ps, csv, candidates: [...found] };
}

/** Short texts the caller should look up in the registry: headings, quoted names, bracketed acronyms. */
export function nameCandidates(text: string, meter = new WorkMeter()): string[] {
  return runSteps(preparePage(text, meter)).candidates;
}

/** The names the page may use for its own university, e.g. "CUHK", "NMU", "The University". */
export function selfReferences(names: string[]): RegExp {
  const initials = names
    .filter((n) => /^[A-Za-z]/.test(n))
    .map((n) =>
      n
        .split(/\s+/)
        .filter((w) => !/^(the|of|and|for|in)$/i.test(w))
        .map((w) => w[0]!.toUpperCase())
        .join(""),
    )
    .filter((a) => a.length >= 2);
  const words = [...new Set([...names, ...initials])]
    .map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${[...words, "the University", "our university", "本校", "我校"].join("|")})(?![A-Za-z])`, "i");
}

/** What a passage says about the university's own entry: its date and role. */
function* statedIn(
  body: string[],
  bodySentences: string[][],
  self: RegExp,
  meter: WorkMeter,
): Steps<Pick<ImportedRow, "joined" | "role" | "passage"> | null> {
  for (const p of body) {
    const line = exec(DATE_ROLE_LINE, p, meter);
    if (line) return { joined: parseDate(line[1]!, meter), role: roleIn(line[2]!, meter) ?? "MEMBER", passage: p };
    if (meter.due) yield* meter.pause();
  }
  for (const sentences of bodySentences) {
    for (const s of sentences) {
      if (meter.due) yield* meter.pause();
      if (!test(self, s, meter)) continue;
      const role = roleIn(s, meter);
      if (!role) continue;
      const date = exec(DATE_IN_TEXT, s, meter);
      return { joined: date ? parseDate(date[0], meter) : null, role, passage: s };
    }
  }
  return null;
}

/**
 * The rows a page proposes. A paragraph is an organization's heading when it matches a known organization, or
 * when it reads like an organization's name and an introduction follows it (a new organization). Its body runs
 * to the next heading; a known organization named in quotes inside a body gets a row of its own.
 */
export function readPage(input: string, match: Matcher, selfNames: string[], meter = new WorkMeter()): ImportedRow[] {
  return runSteps(pageRows(runSteps(preparePage(input, meter)), match, selfNames, meter));
}

/** The bracketed parts of a text, "(PABSC)" in "Pan-Asian … Consortium (PABSC)": one pass, for matchers. */
export function bracketed(text: string): string[] {
  return runSteps(enclosedSteps(text, BRACKETS, 2, 80, new WorkMeter())).map((b) => b.inner.trim());
}

export function* pageRows(
  page: PreparedPage,
  match: Matcher,
  selfNames: string[],
  meter: WorkMeter,
): Steps<ImportedRow[]> {
  // The caller's matcher is a lookup of the text and of its bracketed parts (lib/data/import/drafts.ts).
  const known: Matcher = (text) => {
    meter.add(3 * text.length + 1);
    return match(text);
  };
  if (page.csv) return yield* csvRows(page.csv, known, meter);
  const ps = page.paragraphs;
  const self = selfReferences(selfNames);
  const headings: { index: number; match: OrganizationMatch | null }[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    meter.add(1);
    if (p.length > HEADING_MAX || test(DATE_ROLE_LINE, p, meter)) continue;
    const previous = headings.at(-1);
    if (previous && previous.index === i - 1) continue; // the "founded by" cell right after a heading
    const m = known(p);
    if (m && m.score >= HEADING_MATCH) headings.push({ index: i, match: m });
    else if (
      test(ORG_WORDS, p, meter) &&
      !p.endsWith(".") &&
      !p.endsWith("。") &&
      ps.slice(i + 1, i + 3).some((q) => q.length >= 200)
    )
      headings.push({ index: i, match: null });
    if (meter.due) yield* meter.pause();
  }
  const rows: ImportedRow[] = [];
  const listed = new Set<string>();
  for (const [k, h] of headings.entries()) {
    const body = ps.slice(h.index + 1, headings[k + 1]?.index ?? ps.length);
    const bodySentences: string[][] = [];
    for (const p of body) bodySentences.push(yield* sentenceSteps(p, meter));
    const stated = yield* statedIn(body, bodySentences, self, meter);
    rows.push({
      heading: ps[h.index]!,
      match: h.match,
      joined: stated?.joined ?? null,
      role: stated?.role ?? null,
      passage: stated?.passage ?? null,
    });
    if (h.match) listed.add(h.match.slug);
    for (const sentences of bodySentences) {
      for (const s of sentences) {
        yield* quotedRows(s, h.match, { known, self, listed, rows }, meter);
        if (meter.due) yield* meter.pause();
      }
    }
  }
  return rows;
}

/** Rows for known organizations a sentence naming the university quotes: “…” or "…". */
function* quotedRows(
  s: string,
  heading: OrganizationMatch | null,
  page: { known: Matcher; self: RegExp; listed: Set<string>; rows: ImportedRow[] },
  meter: WorkMeter,
): Steps<void> {
  let namesSelf: boolean | undefined;
  let date: RegExpExecArray | null | undefined;
  for (const q of yield* enclosedSteps(s, PROSE_QUOTES, 6, 160, meter)) {
    const inner = page.known(q.inner);
    if (!inner || inner.score < QUOTED_MATCH || inner.slug === heading?.slug || page.listed.has(inner.slug)) continue;
    namesSelf ??= test(page.self, s, meter);
    if (!namesSelf) continue;
    if (date === undefined) date = exec(DATE_IN_TEXT, s, meter);
    // Sentences are at most MAX_SENTENCE long, so each quoted row costs a bounded amount.
    const rest = s.slice(0, q.start) + s.slice(q.end);
    meter.add(s.length);
    page.rows.push({
      heading: q.inner,
      match: inner,
      joined: date ? parseDate(date[0], meter) : null,
      role: roleIn(rest, meter),
      passage: s,
    });
    page.listed.add(inner.slug);
    yield* meter.pause();
  }
}
