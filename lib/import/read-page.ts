// Reading a university's own "international organizations" page (text, HTML or CSV) into proposed rows: which
// organization, since when (at the precision the page gives) and in which role, with the passage it comes from.
// Pure: matching names against the registry is the caller's (lib/data/import.ts), passed in as `match`.
import { parsePartialDate, type PartialDate } from "../dates";
import type { MembershipRole } from "../generated/prisma/enums";

export type OrganizationMatch = { slug: string; name: string; score: number };

export type ImportedRow = {
  /** The organization's name as the page gives it. */
  heading: string;
  match: OrganizationMatch | null;
  joined: PartialDate | null;
  role: MembershipRole | null;
  /** The passage the date and role come from (the row's quote), or null when the page states neither. */
  passage: string | null;
};

export type Matcher = (text: string) => OrganizationMatch | null;

/** A heading must match a known organization at least this well; a quoted name inside prose, better. */
export const HEADING_MATCH = 0.6;
const QUOTED_MATCH = 0.6;

const MONTH = "(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\\.?";
const DATE = `(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+\\d{4}|\\d{1,2}\\s+${MONTH},?\\s+\\d{4}|${MONTH},?\\s+\\d{4}|\\d{4}\\s*年(?:\\s*\\d{1,2}\\s*月(?:\\s*\\d{1,2}\\s*日)?)?|\\d{4}-\\d{2}(?:-\\d{2})?|(?<![\\d-])(?:19|20)\\d{2}(?![\\d-]))`;
const ROLE_WORDS: [RegExp, MembershipRole][] = [
  [/founding member|创始成员|发起成员/i, "FOUNDING_MEMBER"],
  [/co-?sponsor/i, "CO_SPONSOR"],
  [/\binitiat(?:or|ed)\b|发起/i, "INITIATOR"],
  [/\bpresident\b|主席单位/i, "PRESIDENT"],
  [/\bsign(?:ed|atory)\b|签署/i, "SIGNATORY"],
  [/\borgani[sz](?:ed|er|es)\b|承办|主办/i, "ORGANIZER"],
  [/\bpartner\b/i, "PARTNER"],
  [/\bjoin(?:ed|s)?\b|\bmember\b|加入|成员/i, "MEMBER"],
];
const ORG_WORDS = /\b(alliance|association|network|consortium|federation|union|uninet|league|council|society|partnership|programme|program|agreement|memorandum|mou|organi[sz]ation|forum|platform)\b|联盟|协会|联合会|网络|组织/i;
// A line of the NMU kind of table: "Nov 11, 2019, Founding Member".
const DATE_ROLE_LINE = new RegExp(`^(${DATE})\\s*[,，;；]\\s*([A-Za-z][A-Za-z -]{1,40}|[\\u4e00-\\u9fff]{2,8})$`);

/** HTML to text with a blank line between blocks; anything else is left as it is. */
export function toPlainText(input: string): string {
  if (!/<\/?[a-z][a-z0-9]*[\s>/]/i.test(input)) return input.replace(/\r\n?/g, "\n");
  return input
    .replace(/<(script|style|template|noscript)[\s\S]*?<\/\1\s*>/gi, " ")
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(p|div|tr|td|th|li|ul|ol|table|tbody|thead|h[1-6]|section|article|header|footer|blockquote)\b[^>]*>/gi, "\n\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n: string) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&(amp|lt|gt|quot|apos|rsquo|lsquo|rdquo|ldquo);/g, (_, e: string) => ({ amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", rsquo: "’", lsquo: "‘", rdquo: "”", ldquo: "“" })[e]!);
}

export function paragraphs(text: string): string[] {
  return text.split(/\n\s*\n/).map((p) => p.replace(/\s+/g, " ").trim()).filter(Boolean);
}

/** Short texts the caller should look up in the registry: headings, quoted names, bracketed acronyms. */
export function nameCandidates(text: string): string[] {
  const found = new Set<string>();
  for (const p of paragraphs(toPlainText(text))) {
    if (p.length <= 200) {
      found.add(p);
      for (const m of p.matchAll(/\(([^()]{2,80})\)/g)) found.add(m[1]!.trim());
    }
    for (const m of p.matchAll(/[“"«]([^”"»]{6,160})[”"»]/g)) found.add(m[1]!.trim());
  }
  return [...found];
}

function sentences(p: string): string[] {
  return p.split(/(?<=[.!?。！？])\s+(?=[A-Z“"(\u4e00-\u9fff])/).map((s) => s.trim()).filter(Boolean);
}

function parseDate(text: string): PartialDate | null {
  try {
    return parsePartialDate(text.replace(/\.(?=\s)/, ""));
  } catch {
    return null;
  }
}

function roleIn(text: string): MembershipRole | null {
  return ROLE_WORDS.find(([re]) => re.test(text))?.[1] ?? null;
}

/** The names the page may use for its own university, e.g. "CUHK", "NMU", "The University". */
export function selfReferences(names: string[]): RegExp {
  const initials = names
    .filter((n) => /^[A-Za-z]/.test(n))
    .map((n) => n.split(/\s+/).filter((w) => !/^(the|of|and|for|in)$/i.test(w)).map((w) => w[0]!.toUpperCase()).join(""))
    .filter((a) => a.length >= 2);
  const words = [...new Set([...names, ...initials])].map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).sort((a, b) => b.length - a.length);
  return new RegExp(`(?:${[...words, "the University", "our university", "本校", "我校"].join("|")})(?![A-Za-z])`, "i");
}

/** What a passage says about the university's own entry: its date and role. */
function statedIn(body: string[], self: RegExp): Pick<ImportedRow, "joined" | "role" | "passage"> | null {
  for (const p of body) {
    const line = DATE_ROLE_LINE.exec(p);
    if (line) return { joined: parseDate(line[1]!), role: roleIn(line[2]!) ?? "MEMBER", passage: p };
  }
  for (const p of body) {
    for (const s of sentences(p)) {
      if (!self.test(s)) continue;
      const role = roleIn(s);
      if (!role) continue;
      const date = new RegExp(DATE, "i").exec(s);
      return { joined: date ? parseDate(date[0]) : null, role, passage: s };
    }
  }
  return null;
}

/**
 * The rows a page proposes. A paragraph is an organization's heading when it matches a known organization, or
 * when it reads like an organization's name and an introduction follows it (a new organization). Its body runs
 * to the next heading; a known organization named in quotes inside a body gets a row of its own.
 */
export function readPage(input: string, match: Matcher, selfNames: string[]): ImportedRow[] {
  const text = toPlainText(input);
  if (looksLikeCsv(text)) return readCsv(text, match);
  const ps = paragraphs(text);
  const self = selfReferences(selfNames);
  const headings: { index: number; match: OrganizationMatch | null }[] = [];
  for (let i = 0; i < ps.length; i++) {
    const p = ps[i]!;
    if (p.length > 200 || DATE_ROLE_LINE.test(p)) continue;
    const previous = headings.at(-1);
    if (previous && previous.index === i - 1) continue; // the "founded by" cell right after a heading
    const m = match(p);
    if (m && m.score >= HEADING_MATCH) headings.push({ index: i, match: m });
    else if (ORG_WORDS.test(p) && !/[.。]$/.test(p) && ps.slice(i + 1, i + 3).some((q) => q.length >= 200)) headings.push({ index: i, match: null });
  }
  const rows: ImportedRow[] = [];
  headings.forEach((h, k) => {
    const body = ps.slice(h.index + 1, headings[k + 1]?.index ?? ps.length);
    const stated = statedIn(body, self);
    rows.push({ heading: ps[h.index]!, match: h.match, joined: stated?.joined ?? null, role: stated?.role ?? null, passage: stated?.passage ?? null });
    for (const p of body) {
      for (const s of sentences(p)) {
        for (const q of s.matchAll(/[“"]([^”"]{6,160})[”"]/g)) {
          const inner = match(q[1]!);
          if (!inner || inner.score < QUOTED_MATCH || inner.slug === h.match?.slug || rows.some((r) => r.match?.slug === inner.slug)) continue;
          if (!self.test(s)) continue;
          const date = new RegExp(DATE, "i").exec(s);
          rows.push({ heading: q[1]!, match: inner, joined: date ? parseDate(date[0]) : null, role: roleIn(s.replace(q[0], "")), passage: s });
        }
      }
    }
  });
  return rows;
}

function looksLikeCsv(text: string): boolean {
  const first = text.trimStart().split("\n", 1)[0] ?? "";
  return /[,\t;]/.test(first) && /organi[sz]ation|^name|名称|组织/i.test(first) && text.trim().split("\n").length >= 2;
}

function splitCsvLine(line: string, sep: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) cells.push(cell.trim()), (cell = "");
    else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

/** A CSV with a header naming at least the organization column; date and role columns are optional. */
function readCsv(text: string, match: Matcher): ImportedRow[] {
  const lines = text.trim().split("\n").filter((l) => l.trim());
  const header = lines[0]!;
  const sep = header.includes("\t") ? "\t" : header.includes(";") && !header.includes(",") ? ";" : ",";
  const cols = splitCsvLine(header, sep).map((c) => c.toLowerCase());
  const col = (re: RegExp) => cols.findIndex((c) => re.test(c));
  const name = col(/organi[sz]ation|name|名称|组织/);
  const date = col(/join|entr|since|date|time|加入|时间/);
  const role = col(/role|角色/);
  return lines.slice(1).flatMap((line) => {
    const cells = splitCsvLine(line, sep);
    const heading = cells[name] ?? "";
    if (!heading) return [];
    const when = date >= 0 ? cells[date] ?? "" : "";
    const as = role >= 0 ? cells[role] ?? "" : "";
    return [{ heading, match: match(heading), joined: when ? parseDate(when) : null, role: as ? roleIn(as) ?? "MEMBER" : null, passage: line.trim() }];
  });
}
