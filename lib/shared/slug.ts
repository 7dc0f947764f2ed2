/** URL slugs: lowercase ASCII words joined by hyphens, from names in any Latin script. */
export function slugify(name: string, maxLength = 80): string {
  const slug = name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[’'`]/g, "")
    .replace(/&/g, " and ")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^the-(?=.)/, "");
  if (slug.length <= maxLength) return slug;
  // Cut on a word boundary: keep the last word when the limit falls exactly at its end.
  const cut = slug.slice(0, maxLength + 1);
  return cut.endsWith("-")
    ? cut.slice(0, -1)
    : cut.slice(0, maxLength).replace(/-[^-]*$/, "") || slug.slice(0, maxLength);
}

export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(value: string): boolean {
  return value.length >= 2 && value.length <= 100 && SLUG_PATTERN.test(value);
}
