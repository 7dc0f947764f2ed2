import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/** People from this institution the sources name in an organization's offices. */
export async function InstitutionPeople({
  institution: i,
  locale,
}: {
  institution: InstitutionProfile;
  locale: Locale;
}) {
  if (!i.people.length) return null;
  const t = await getTranslations({ locale, namespace: "institution" });
  return (
    <section aria-labelledby="people">
      <h2 id="people" className="text-lg font-semibold">
        {t("people")}
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {i.people.map((p) => (
          <li key={`${p.name}-${p.organization.slug}`}>
            <span className="font-medium">{p.name}</span> · {p.role},{" "}
            <Link
              locale={locale}
              href={`/organizations/${p.organization.slug}`}
              className="text-accent underline hover:decoration-2"
            >
              {p.organization.name}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
