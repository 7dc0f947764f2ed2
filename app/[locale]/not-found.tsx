import { isLocale, routing, type Locale } from "@/i18n/routing";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SearchBox } from "@/components/ui/search-box";

export default async function NotFound() {
  const current = await getLocale();
  // Rendered inside the [locale] layout, which has already refused other values.
  const locale: Locale = isLocale(current) ? current : routing.defaultLocale;
  const t = await getTranslations({ locale, namespace: "notFound" });
  return (
    <div className="mx-auto max-w-xl py-12">
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-3 text-slate-700">{t("text")}</p>
      <div className="mt-6">
        {/* Without the type-ahead: this page is the layout's not-found boundary, in every page's payload and module
            graph, and the type-ahead would bring its script and next-intl's client runtime (12 KB compressed) to
            every page. */}
        <SearchBox locale={locale} id="not-found-search" target="search" />
      </div>
      <p className="mt-6">
        <Link locale={locale} href="/" className="text-accent underline">
          {t("home")}
        </Link>
      </p>
    </div>
  );
}
