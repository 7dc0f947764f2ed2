import { Link } from "@/components/ui/link";
import type { Locale } from "@/i18n/routing";
import { formatMemberCursor, type MemberCursor } from "@/lib/validation/members";

const button = "rounded-md border border-line bg-white px-3 py-1.5 hover:border-accent hover:text-accent";

/** A list read a page at a time by keyset: back to the first page (when not on it) and on to the next (when any). */
export function KeysetPager({
  base,
  locale,
  label,
  onFirstPage,
  next,
  firstLabel,
  nextLabel,
}: {
  base: string;
  locale: Locale;
  label: string;
  onFirstPage: boolean;
  next: MemberCursor | null;
  firstLabel: string;
  nextLabel: string;
}) {
  return (
    <nav aria-label={label} className="mt-6 flex items-center justify-between gap-4 text-sm">
      {onFirstPage ? (
        <span />
      ) : (
        <Link href={base} locale={locale} className={button}>
          {firstLabel}
        </Link>
      )}
      {next ? (
        <Link
          href={{ pathname: base, query: { after: formatMemberCursor(next) } }}
          locale={locale}
          rel="next"
          className={button}
        >
          {nextLabel}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
