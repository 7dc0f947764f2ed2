import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SourceNote } from "@/components/ui/source-note";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The people the sources name for the organization (chairs, secretaries general). */
export async function PeopleList({ organization: o, locale }: { organization: OrganizationProfile; locale: Locale }) {
  if (!o.people.length) return null;
  const t = await getTranslations({ locale, namespace: "organization" });
  return (
    <section aria-labelledby="people">
      <h2 id="people" className="text-lg font-semibold">
        {t("people")}
      </h2>
      <ul className="mt-3 space-y-3 text-sm">
        {o.people.map((p) => (
          <li key={p.name}>
            <span className="font-medium">{p.name}</span> <span className="text-muted">· {p.role}</span>
            {p.description ? <span className="block text-slate-700">{p.description}</span> : null}
            {p.institution ? (
              <Link
                locale={locale}
                href={`/institutions/${p.institution.slug}`}
                className="block text-accent underline hover:decoration-2"
              >
                {p.institution.name}
              </Link>
            ) : null}
            <SourceNote source={p.source} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
