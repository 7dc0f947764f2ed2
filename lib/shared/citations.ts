// Client-safe. A table whose rows rest on the same source printed that source under every row (nine times on
// M9's founders): the sources are numbered once, in the order rows first cite them, and each row carries
// only the numbers of its sources.
import type { SourceRef } from "./types/memberships";

/** One numbered source under a table, with every distinct passage the rows quote from it. */
export type CitationEntry = {
  number: number;
  source: Omit<SourceRef, "quote">;
  quotes: string[];
};

export type NumberedCitations = {
  entries: CitationEntry[];
  /** For each row, in the order given, the numbers of its sources (ascending, each once). */
  rows: number[][];
};

/** Numbers the distinct sources (by key) of the given rows, each row's list of sources in turn. */
export function numberCitations(rows: readonly (readonly (SourceRef | null)[])[]): NumberedCitations {
  const byKey = new Map<string, CitationEntry>();
  const numbered = rows.map((sources) => {
    const numbers = new Set<number>();
    for (const ref of sources) {
      if (!ref) continue;
      let entry = byKey.get(ref.key);
      if (!entry) {
        const { quote: _quote, ...source } = ref;
        entry = { number: byKey.size + 1, source, quotes: [] };
        byKey.set(ref.key, entry);
      }
      if (ref.quote && !entry.quotes.includes(ref.quote)) entry.quotes.push(ref.quote);
      numbers.add(entry.number);
    }
    return [...numbers].sort((a, b) => a - b);
  });
  return { entries: [...byKey.values()], rows: numbered };
}
