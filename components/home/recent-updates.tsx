import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { formatPartialDate } from "@/lib/shared/dates";
import type { RegistryOverview } from "@/lib/shared/types/open-data";

type Updates = RegistryOverview["recentlyUpdated"];

/** The memberships changed last, institution → organization, with a way to browse the institutions. */
export async function RecentUpdates({ recentlyUpdated, locale }: { recentlyUpdated: Updates; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "home" });
  return (
    <section aria-labelledby="recent-heading">
      <h2 id="recent-heading" className="text-xl font-semibold">
        {t("recent")}
      </h2>
      <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
        {recentlyUpdated.map((m) => (
          <li key={`${m.institution.slug}-${m.organization.slug}`} className="p-3 text-sm">
            <Link
              locale={locale}
              href={`/institutions/${m.institution.slug}`}
              className="inline-block py-0.5 font-medium text-accent hover:underline"
            >
              {m.institution.name}
            </Link>
            <span className="text-muted"> → </span>
            <Link
              locale={locale}
              href={`/organizations/${m.organization.slug}`}
              className="inline-block py-0.5 hover:text-accent hover:underline"
            >
              {m.organization.name}
            </Link>
            <span className="block text-xs text-muted">
              {formatPartialDate({ iso: m.updatedAt.slice(0, 10), precision: "DAY" }, locale)}
            </span>
          </li>
        ))}
      </ul>
      <Link
        locale={locale}
        href="/institutions"
        className="mt-3 inline-flex min-h-6 items-center text-sm text-accent underline"
      >
        {t("browseInstitutions")}
      </Link>
    </section>
  );
}
