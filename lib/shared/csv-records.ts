// Client-safe. CSV as spreadsheets write it (RFC 4180), for the member-list upload (lib/shared/member-list.ts).

/** RFC 4180 records: quoted fields with doubled quotes, line breaks inside quotes; each with its first line. */
export function csvRecords(text: string, delimiter: string): { line: number; cells: string[] }[] {
  const records: { line: number; cells: string[] }[] = [];
  let cells: string[] = [];
  let cell = "";
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  let atCellStart = true;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === delimiter) {
      cells.push(cell);
      cell = "";
      atCellStart = true;
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      cells.push(cell);
      if (cells.some((x) => x.trim())) records.push({ line: recordLine, cells });
      cells = [];
      cell = "";
      atCellStart = true;
      line++;
      recordLine = line;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  cells.push(cell);
  if (cells.some((x) => x.trim())) records.push({ line: recordLine, cells });
  return records;
}
