import { z } from "zod";

/** Where a page of members starts: after the member who joined on `joinedOn` (null: date unknown) at `slug`. */
export type MemberCursor = { joinedOn: string | null; slug: string };

// In URLs: "2019-05-01~nanjing-medical-university", or "unknown~…" for members whose date is not known.
const cursorPattern = /^(\d{4}-\d{2}-\d{2}|unknown)~([a-z0-9]+(?:-[a-z0-9]+)*)$/;

export const memberCursorSchema = z
  .string()
  .max(140, "That page link is too long.")
  .regex(cursorPattern, "That page link is not valid.")
  .refine((v) => {
    if (v.startsWith("unknown")) return true;
    const d = new Date(`${v.slice(0, 10)}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v.slice(0, 10);
  }, "That page link names an impossible date.")
  .transform((v): MemberCursor => {
    const [, date, slug] = cursorPattern.exec(v)!;
    return { joinedOn: date === "unknown" ? null : date!, slug: slug! };
  });

export function formatMemberCursor(c: MemberCursor): string {
  return `${c.joinedOn ?? "unknown"}~${c.slug}`;
}

/**
 * A list page's `after` parameter: where the page starts (null: the first page), and why a link that cannot be read
 * was set aside (the page then shows the first entries and says so).
 */
export function readCursorParam(raw: string | string[] | undefined): {
  after: MemberCursor | null;
  error: string | null;
} {
  if (raw === undefined) return { after: null, error: null };
  const parsed = memberCursorSchema.safeParse(Array.isArray(raw) ? raw[0] : raw);
  return parsed.success
    ? { after: parsed.data, error: null }
    : { after: null, error: parsed.error.issues[0]?.message ?? "invalid" };
}
