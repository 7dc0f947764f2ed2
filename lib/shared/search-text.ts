/** The text search runs over: every name in every language, acronyms, former names and more. */
export function buildSearchText(parts: (string | null | undefined)[]): string {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const part of parts) {
    const text = part?.replace(/\s+/g, " ").trim();
    if (text && !seen.has(text)) {
      seen.add(text);
      out.push(text);
    }
  }
  return out.join(" \n ");
}
