/** Choosing which of a record's names to show: the chosen language where known, else the original. */
export type NameRow = { locale: string; name: string; kind: string; validUntil?: Date | string | null };

export function isCurrentOfficial(n: NameRow) {
  return n.kind === "OFFICIAL" && !n.validUntil;
}

/**
 * The display name in `locale`, and the original (source-language) name when it differs. The original is
 * the current official English name, else the first current official name.
 */
export function pickName(names: NameRow[], locale: string): { name: string; original: string | null } {
  const current = names.filter(isCurrentOfficial);
  const pool = current.length ? current : names;
  const original = pool.find((n) => n.locale === "en") ?? pool[0];
  const localized = pool.find((n) => n.locale === locale);
  const shown = localized ?? original;
  if (!shown) return { name: "—", original: null };
  return { name: shown.name, original: original && original.name !== shown.name ? original.name : null };
}
