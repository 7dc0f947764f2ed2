import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

type Query = Record<string, string | number | undefined>;

function hrefFor(pathname: string, query: Query, page: number) {
  const params = Object.fromEntries(
    Object.entries({ ...query, page: page > 1 ? page : undefined }).filter(
      ([, v]) => v !== undefined && String(v) !== "",
    ),
  ) as Record<string, string | number>;
  return { pathname, query: params };
}

export async function Pagination({
  pathname,
  query,
  page,
  pageCount,
  locale,
}: {
  pathname: string;
  query: Query;
  page: number;
  pageCount: number;
  locale: Locale;
}) {
  if (pageCount <= 1) return null;
  const t = await getTranslations({ locale, namespace: "pagination" });
  const linkClass = "rounded-md border border-line bg-white px-3 py-1.5 text-sm hover:border-accent hover:text-accent";
  return (
    <nav aria-label={t("label")} className="mt-6 flex items-center justify-between gap-4">
      {page > 1 ? (
        <Link locale={locale} className={linkClass} href={hrefFor(pathname, query, page - 1)} rel="prev">
          ← {t("previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="text-sm text-muted" aria-current="page">
        {t("page", { page, pageCount })}
      </span>
      {page < pageCount ? (
        <Link locale={locale} className={linkClass} href={hrefFor(pathname, query, page + 1)} rel="next">
          {t("next")} →
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}
