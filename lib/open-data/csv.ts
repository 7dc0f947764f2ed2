/**
 * CSV per RFC 4180: comma-separated, CRLF line ends, fields quoted when they hold a comma, a quote, CR or
 * LF, quotes doubled. Cells a spreadsheet would run as a formula (starting with = + - @, or a tab or CR
 * before one of them) get a leading apostrophe, so opening a download never executes data.
 */
export type CsvValue = string | number | boolean | null | undefined;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (typeof value === "string" && /^[\t\r]*[=+\-@]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One record with its line end: a file is its lines one after another (a streamed file writes them in batches). */
export function csvLine(row: readonly CsvValue[]): string {
  return `${row.map(csvCell).join(",")}\r\n`;
}

export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  for (const row of rows)
    if (row.length !== header.length)
      throw new RangeError(`A CSV row has ${row.length} cells; the header has ${header.length}.`);
  return [header, ...rows].map(csvLine).join("");
}
