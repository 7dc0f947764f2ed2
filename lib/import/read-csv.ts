// A pasted CSV: a header naming at least the organization column (date and role columns are optional), then
// one organization a line. Lines are split in one pass each; nothing is read twice.
import type { ImportedRow, Matcher } from "./imported-row";
import { parseDate, roleIn, test } from "./patterns";
import { isSpace } from "./text-pieces";
import type { Steps, WorkMeter } from "./work-meter";

/** Longest cell read as a date: longer than any way of writing one. */
const DATE_CELL_MAX = 40;
const CSV_SEPARATOR = /[,\t;]/;
const CSV_HEADER = /organi[sz]ation|^name|名称|组织/i;
const CSV_COLUMNS = {
  name: /organi[sz]ation|name|名称|组织/,
  date: /join|entr|since|date|time|加入|时间/,
  role: /role|角色/,
};

/** The table's lines after the header, their cells, and which column holds what (-1: none). */
export type CsvTable = { lines: string[]; cells: string[][]; name: number; date: number; role: number };

export function looksLikeCsv(text: string, meter: WorkMeter): boolean {
  let start = 0;
  while (start < text.length && isSpace(text.charCodeAt(start))) start++;
  const end = text.indexOf("\n", start);
  const first = text.slice(start, end < 0 ? text.length : end);
  meter.add(start + first.length);
  // At least two lines once the text is trimmed: something after the first line end.
  let after = end < 0 ? text.length : end;
  while (after < text.length && isSpace(text.charCodeAt(after))) after++;
  meter.add(after - start - first.length);
  if (after === text.length) return false;
  return test(CSV_SEPARATOR, first, meter) && test(CSV_HEADER, first, meter);
}

function splitCsvLine(line: string, sep: string, meter: WorkMeter): string[] {
  meter.add(2 * line.length);
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      cells.push(cell.trim());
      cell = "";
    } else cell += c;
  }
  cells.push(cell.trim());
  return cells;
}

export function* csvSteps(text: string, meter: WorkMeter): Steps<CsvTable> {
  meter.add(3 * text.length);
  const lines = text
    .trim()
    .split("\n")
    .filter((l) => l.trim());
  yield* meter.pause();
  const header = lines[0]!;
  const sep = header.includes("\t") ? "\t" : header.includes(";") && !header.includes(",") ? ";" : ",";
  const cols = splitCsvLine(header, sep, meter).map((c) => c.toLowerCase());
  const col = (re: RegExp) => cols.findIndex((c) => test(re, c, meter));
  const table: CsvTable = {
    lines: lines.slice(1),
    cells: [],
    name: col(CSV_COLUMNS.name),
    date: col(CSV_COLUMNS.date),
    role: col(CSV_COLUMNS.role),
  };
  for (const line of table.lines) {
    table.cells.push(splitCsvLine(line, sep, meter));
    if (meter.due) yield* meter.pause();
  }
  return table;
}

export function* csvRows(table: CsvTable, match: Matcher, meter: WorkMeter): Steps<ImportedRow[]> {
  const rows: ImportedRow[] = [];
  for (const [i, cells] of table.cells.entries()) {
    const heading = cells[table.name] ?? "";
    if (!heading) continue;
    const when = table.date >= 0 ? (cells[table.date] ?? "") : "";
    const as = table.role >= 0 ? (cells[table.role] ?? "") : "";
    const joined = when && when.length <= DATE_CELL_MAX ? parseDate(when, meter) : null;
    rows.push({
      heading,
      match: match(heading),
      joined,
      role: as ? (roleIn(as, meter) ?? "MEMBER") : null,
      passage: table.lines[i]!.trim(),
    });
    if (meter.due) yield* meter.pause();
  }
  return rows;
}
