// Reading an organization's member list as its secretariat gives it (issue 16): lines pasted from its web page
// ("Xi'an Jiaotong University, China", "1. Chinese University of Hong Kong (Hong Kong, China)") or a CSV file with a
// header row. Client-safe and free of the database: the server matches the names afterwards
// (lib/data/organization-side/member-list-match.ts).
import countries from "i18n-iso-countries";
import { isCountryCode } from "./countries";
import { csvRecords } from "./csv-records";
import { membershipRoles, type MembershipRoleValue } from "./vocabulary";

/** The most rows one upload may have: UABR's list is 126, the largest alliances' a few hundred. */
export const MEMBER_LIST_MAX_ROWS = 2000;
/** The longest text one upload may be: a CSV of 2,000 rows with websites and dates fits several times over, and in
 * Chinese (three bytes a character) it stays under the 1 MB a server action's request may carry. */
export const MEMBER_LIST_MAX_CHARS = 300_000;

export type ParsedMember = {
  /** The line of the text (1-based) the row comes from: the preview and every message name it. */
  line: number;
  /** The row as written (the pasted line, or the CSV record's cells joined): the quote its request cites. */
  text: string;
  name: string;
  /** The country or region as written, and the codes it stands for (empty when none is given or it is unknown). */
  country: string | null;
  countryCodes: string[];
  joined: string | null;
  role: MembershipRoleValue | null;
  website: string | null;
};

export type MemberListProblem = { line: number; problem: "unknownRole" | "unknownCountry" | "noName"; text: string };

export type ParsedMemberList = { format: "csv" | "lines"; members: ParsedMember[]; problems: MemberListProblem[] };

// Regions written after a comma or in brackets that i18n-iso-countries does not know by these names.
const COUNTRY_ALIASES: Record<string, string> = {
  "hong kong sar": "HK",
  "hong kong sar china": "HK",
  hksar: "HK",
  macau: "MO",
  "macao sar": "MO",
  "macau sar": "MO",
  korea: "KR",
  "republic of korea": "KR",
  laos: "LA",
  england: "GB",
  scotland: "GB",
  wales: "GB",
  中国香港: "HK",
  中国澳门: "MO",
  中国台湾: "TW",
  澳门: "MO",
  台湾: "TW",
  韩国: "KR",
};

/**
 * China as a list writes it ("…, China") names the mainland and the special administrative regions alike: a
 * university of Hong Kong listed as "China" still matches, while "Hong Kong, China" narrows to HK.
 */
const WIDER: Record<string, string[]> = { CN: ["CN", "HK", "MO"] };

const fold = (s: string) =>
  s
    .toLowerCase()
    .replace(/[.,()'’]/g, " ")
    .replace(/\s+/g, " ")
    .trim();

/** The codes one place name stands for, or null when it names no country or region. */
function codesOf(place: string): string[] | null {
  const text = place.trim();
  if (!text) return null;
  const alias = COUNTRY_ALIASES[fold(text)] ?? COUNTRY_ALIASES[text];
  const code =
    alias ??
    (/^[A-Za-z]{2}$/.test(text) && isCountryCode(text.toUpperCase()) ? text.toUpperCase() : undefined) ??
    countries.getAlpha2Code(text, "en") ??
    countries.getAlpha2Code(text, "zh");
  if (!code) return null;
  return WIDER[code] ?? [code];
}

/**
 * A place as lists write it: "China", "Hong Kong, China", "Xi'an, China". The most specific part that names a
 * country or region wins ("Hong Kong" of "Hong Kong, China").
 */
export function readCountry(place: string): string[] | null {
  const whole = codesOf(place);
  if (whole) return whole;
  for (const part of place.split(/[,，、]/)) {
    const codes = codesOf(part);
    if (codes) return codes;
  }
  return null;
}

const ROLE_WORDS: Record<string, MembershipRoleValue> = {
  founder: "FOUNDING_MEMBER",
  founding: "FOUNDING_MEMBER",
  "founding member": "FOUNDING_MEMBER",
  "full member": "MEMBER",
  member: "MEMBER",
  "co sponsor": "CO_SPONSOR",
  "co-sponsor": "CO_SPONSOR",
  partner: "PARTNER",
  observer: "PARTNER",
  president: "PRESIDENT",
  initiator: "INITIATOR",
  signatory: "SIGNATORY",
  organizer: "ORGANIZER",
  organiser: "ORGANIZER",
  创始成员: "FOUNDING_MEMBER",
  发起成员: "FOUNDING_MEMBER",
  成员: "MEMBER",
  会员: "MEMBER",
  合作伙伴: "PARTNER",
};

/** A role as a list writes it ("Founding member", "FOUNDING_MEMBER", "创始成员"), or null when unknown. */
export function readRole(text: string): MembershipRoleValue | null {
  const t = text.trim();
  const asValue = t.toUpperCase().replace(/[\s-]+/g, "_");
  if ((membershipRoles.values as readonly string[]).includes(asValue)) return asValue as MembershipRoleValue;
  return ROLE_WORDS[t.toLowerCase().replace(/\s+/g, " ")] ?? null;
}

type Column = "name" | "country" | "joined" | "role" | "website";

const HEADERS: Record<Column, RegExp> = {
  name: new RegExp(
    "^(name|names|english name|name \\(english\\)|name en|institution|institution name|university|university name|" +
      "member|member name|members|organi[sz]ation|名称|英文名称|学校|学校名称|大学|成员|成员单位|院校)$",
  ),
  country: /^(country|country or region|country\/region|nation|region|location|国家|国家\/地区|国家或地区|地区)$/,
  joined:
    /^(joined|joined on|join date|date joined|since|member since|year|year joined|accession|加入时间|加入年份|入盟时间)$/,
  role: /^(role|membership|membership type|type|status|角色|类型|成员类型)$/,
  website: /^(website|web site|url|web|homepage|home page|site|网址|网站|官网)$/,
};

const headerKey = (cell: string) =>
  cell
    .replace(/^\uFEFF/, "")
    .trim()
    .toLowerCase()
    .replace(/[_]+/g, " ")
    .replace(/\s+/g, " ");

/** Which column holds what, from a header row; null when the row names no name column (then it is no header). */
function readHeader(cells: string[]): Partial<Record<Column, number>> | null {
  const columns: Partial<Record<Column, number>> = {};
  cells.forEach((cell, i) => {
    const key = headerKey(cell);
    for (const [column, pattern] of Object.entries(HEADERS) as [Column, RegExp][])
      if (columns[column] === undefined && pattern.test(key)) columns[column] = i;
  });
  return columns.name === undefined ? null : columns;
}

/** The delimiter of a header line: the one of comma, semicolon and tab it uses most (outside quotes). */
function delimiterOf(headerLine: string): string {
  const outside = headerLine.replace(/"[^"]*"/g, "");
  const counts = [",", ";", "\t"].map((d) => [d, outside.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ",";
}

function parseCsv(text: string, columns: Partial<Record<Column, number>>, delimiter: string): ParsedMemberList {
  const members: ParsedMember[] = [];
  const problems: MemberListProblem[] = [];
  const cell = (cells: string[], column: Column) => {
    const i = columns[column];
    const value = i === undefined ? "" : (cells[i] ?? "").trim();
    return value || null;
  };
  for (const { line, cells } of csvRecords(text, delimiter).slice(1)) {
    const written = cells
      .map((c) => c.trim())
      .filter(Boolean)
      .join(", ");
    const name = cell(cells, "name");
    if (!name) {
      problems.push({ line, problem: "noName", text: written });
      continue;
    }
    const country = cell(cells, "country");
    const roleText = cell(cells, "role");
    const role = roleText ? readRole(roleText) : null;
    if (roleText && !role) problems.push({ line, problem: "unknownRole", text: roleText });
    const codes = country ? readCountry(country) : null;
    if (country && !codes) problems.push({ line, problem: "unknownCountry", text: country });
    members.push({
      line,
      text: written,
      name: cleanName(name),
      country,
      countryCodes: codes ?? [],
      joined: cell(cells, "joined"),
      role,
      website: cell(cells, "website"),
    });
  }
  return { format: "csv", members, problems };
}

// ---- Pasted lines ----

/** List numbering and bullets: "1.", "12)", "(3)", "3、", "-", "•", "*". */
const NUMBERING = /^\s*(?:\(?\d{1,4}[.)、:]|\(\d{1,4}\)|[-*•·▪●◦])\s*/;

/** Whitespace and a name's stray wrapping quotes, as a list's cell or line gives it. */
function cleanName(name: string): string {
  return name
    .replace(/\s+/g, " ")
    .replace(/^["“”']+|["“”']+$/g, "")
    .trim();
}

/** One pasted line: its name and, after a comma, a tab or in trailing brackets, the country it gives. */
export function readLine(raw: string, line: number): ParsedMember | null {
  const text = raw.replace(/\s+/g, " ").trim();
  let rest = text.replace(NUMBERING, "").trim();
  if (!rest) return null;
  let country: string | null = null;
  let codes: string[] | null = null;
  // "Name (Hong Kong, China)" or "Name（中国）": brackets that name a place give the country, others stay.
  const bracket = /\s*[(（]([^()（）]+)[)）]\s*$/.exec(rest);
  if (bracket && readCountry(bracket[1]!)) {
    country = bracket[1]!.trim();
    codes = readCountry(country);
    rest = rest.slice(0, bracket.index).trim();
  }
  // "Name, China", "Name\tChina", "Name, Hong Kong, China": the last part gives the country when it names one,
  // with the part before it when that names a region too (a city stays in the name: it may be part of it).
  if (!country) {
    const parts = raw.includes("\t") ? rest.split(/\s*\t\s*/) : rest.split(/\s*[,，]\s*/);
    if (parts.length > 1 && codesOf(parts.at(-1)!)) {
      const cut = parts.length > 2 && codesOf(parts.at(-2)!) ? parts.length - 2 : parts.length - 1;
      country = parts.slice(cut).join(", ");
      codes = readCountry(country);
      rest = parts.slice(0, cut).join(", ");
    }
  }
  const name = cleanName(rest);
  if (!name) return null;
  return { line, text, name, country, countryCodes: codes ?? [], joined: null, role: null, website: null };
}

/**
 * Read a member list: a CSV (its first line a header naming at least a name column) or one member per line.
 * A byte order mark and Windows line ends are set aside. Rows beyond MEMBER_LIST_MAX_ROWS are kept for the caller
 * to refuse the list as a whole, never cut silently.
 */
export function parseMemberList(input: string): ParsedMemberList {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const firstLine = text.split("\n").find((l) => l.trim()) ?? "";
  const delimiter = delimiterOf(firstLine);
  const header = csvRecords(firstLine, delimiter)[0];
  const columns = header ? readHeader(header.cells) : null;
  const firstLineNumber = text.split("\n").findIndex((l) => l.trim()) + 1;
  if (columns) {
    // The header may follow blank lines: records count lines from the text's start.
    const body = text
      .split("\n")
      .slice(firstLineNumber - 1)
      .join("\n");
    const parsed = parseCsv(body, columns, delimiter);
    const shift = (n: number) => n + firstLineNumber - 1;
    return {
      format: "csv",
      members: parsed.members.map((m) => ({ ...m, line: shift(m.line) })),
      problems: parsed.problems.map((p) => ({ ...p, line: shift(p.line) })),
    };
  }
  const members = text.split("\n").flatMap((raw, i) => {
    const member = readLine(raw, i + 1);
    return member ? [member] : [];
  });
  return { format: "lines", members, problems: [] };
}
