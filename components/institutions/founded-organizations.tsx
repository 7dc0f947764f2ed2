import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { SourceNote } from "@/components/ui/source-note";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/** The organizations this institution founded or co-founded, each with its role and source. */
export async function FoundedOrganizations({
  institution: i,
  locale,
}: {
  institution: InstitutionProfile;
  locale: Locale;
}) {
  if (!i.founded.length) return null;
  const [t, orgKinds, founderRoles] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "founderRoles" }),
  ]);
  return (
    <section aria-labelledby="founder-of">
      <h2 id="founder-of" className="text-lg font-semibold">
        {t("founderOf")}
      </h2>
      <ul className="mt-3 space-y-3 text-sm">
        {i.founded.map((f) => (
          <li key={`${f.organization.slug}-${f.role}`}>
            <Link
              href={`/organizations/${f.organization.slug}`}
              className="font-medium text-accent underline hover:decoration-2"
            >
              {f.organization.name}
            </Link>
            <span className="text-muted">
              {" "}
              · {founderRoles(f.role)} · {orgKinds(f.organization.kind)}
            </span>
            <SourceNote source={f.source} locale={locale} />
          </li>
        ))}
      </ul>
    </section>
  );
}
