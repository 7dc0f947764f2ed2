import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { formatPartialDate } from "@/lib/shared/dates";
import type { RegistryOverview } from "@/lib/shared/types/open-data";

/** The most recently founded organizations, with a way to browse them all. */
export async function NewestOrganizations({ newest, locale }: { newest: RegistryOverview["newest"]; locale: Locale }) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "home" }),
    getTranslations({ locale, namespace: "kinds" }),
  ]);
  return (
    <section aria-labelledby="newest-heading">
      <h2 id="newest-heading" className="text-xl font-semibold">
        {t("newest")}
      </h2>
      <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
        {newest.map((o) => (
          <li key={o.slug} className="flex flex-wrap items-baseline justify-between gap-x-3 gap-y-1 p-3">
            <Link
              locale={locale}
              href={`/organizations/${o.slug}`}
              className="min-h-6 min-w-0 font-medium text-accent hover:underline"
            >
              {o.name}
            </Link>
            <span className="text-sm text-muted">
              {kinds(o.kind)} · {formatPartialDate(o.founded, locale)}
            </span>
          </li>
        ))}
      </ul>
      <Link
        locale={locale}
        href="/organizations"
        className="mt-3 inline-flex min-h-6 items-center text-sm text-accent underline"
      >
        {t("browseOrganizations")}
      </Link>
    </section>
  );
}
