import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/ui/as-written";
import { Link } from "@/components/ui/link";
import { CitationList } from "@/components/ui/citations";
import { CitationMarks } from "@/components/ui/citation-marks";
import { numberCitations } from "@/lib/shared/citations";
import { joinRoleLabels } from "@/lib/shared/founders";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/** The organizations this institution founded or co-founded, each once with its roles; sources numbered once. */
export async function FoundedOrganizations({
  institution: i,
  locale,
}: {
  institution: InstitutionProfile;
  locale: Locale;
}) {
  if (!i.founded.length) return null;
  const [t, orgKinds, founderRoles, source] = await Promise.all([
    getTranslations({ locale, namespace: "institution" }),
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "founderRoles" }),
    getTranslations({ locale, namespace: "source" }),
  ]);
  const citations = numberCitations(i.founded.map((f) => f.sources));
  return (
    <section aria-labelledby="founder-of">
      <h2 id="founder-of" className="text-lg font-semibold">
        {t("founderOf")}
      </h2>
      <ul className="mt-3 space-y-2 text-sm" data-testid="founded">
        {i.founded.map((f, n) => (
          <li key={f.organization.slug} data-founded={f.organization.slug}>
            <Link
              locale={locale}
              href={`/organizations/${f.organization.slug}`}
              className="font-medium text-accent underline hover:decoration-2"
            >
              <AsWritten text={f.organization.name} locale={locale} />
            </Link>
            <span className="text-muted">
              {" "}
              ·{" "}
              <span data-roles="">
                {joinRoleLabels(
                  f.roles.map((r) => founderRoles(r)),
                  locale,
                )}
              </span>{" "}
              · {orgKinds(f.organization.kind)}
            </span>{" "}
            <CitationMarks list="founded" numbers={citations.rows[n] ?? []} label={source("label")} />
          </li>
        ))}
      </ul>
      <CitationList list="founded" entries={citations.entries} locale={locale} />
    </section>
  );
}
