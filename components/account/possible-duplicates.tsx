import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { formatPartialDate } from "@/lib/shared/dates";
import { membershipRoles } from "@/lib/shared/vocabulary";
import type { SimilarOrganization } from "@/lib/shared/types/similar-organizations";

/**
 * Organizations already in the registry that look like a proposed one: for the reviewer "Possible duplicates"
 * (with the form that records the proposal as a membership of one of them, `children`), for the proposer the
 * warning that similar organizations exist. Each with what matched and whether the institution belongs to it.
 */
export async function PossibleDuplicates({
  similar,
  institution,
  audience,
  locale,
  children,
}: {
  similar: SimilarOrganization[];
  institution: string;
  audience: "reviewer" | "proposer";
  locale: Locale;
  children?: ReactNode;
}) {
  if (!similar.length && !children) return null;
  const [t, roles] = await Promise.all([
    getTranslations({ locale, namespace: "account.duplicates" }),
    getTranslations({ locale, namespace: membershipRoles.namespace }),
  ]);
  return (
    <section
      aria-labelledby="duplicates-title"
      data-testid="possible-duplicates"
      className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4 text-sm"
    >
      <h2 id="duplicates-title" className="text-base font-semibold">
        {t(audience === "reviewer" ? "reviewerTitle" : "proposerTitle")}
      </h2>
      {similar.length ? (
        <>
          <p>{t(audience === "reviewer" ? "reviewerLead" : "proposerLead")}</p>
          <ul className="space-y-2">
            {similar.map((s) => (
              <li key={s.slug} data-testid="possible-duplicate">
                <Link href={`/organizations/${s.slug}`} locale={locale} className="font-medium text-accent underline">
                  {s.name}
                </Link>
                {s.acronym ? ` (${s.acronym})` : ""}
                <span className="block text-slate-800">
                  {t("matched", { matched: s.matched, text: s.matchedText, score: Math.round(s.score * 100) })}
                </span>
                <span className="block text-slate-800">
                  {s.membership
                    ? [
                        t("member", { institution }),
                        roles(membershipRoles.labels[s.membership.role]),
                        formatPartialDate(s.membership.joined, locale),
                      ]
                        .filter(Boolean)
                        .join(" · ")
                    : t("notMember", { institution })}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <p>{t("none")}</p>
      )}
      {children}
    </section>
  );
}
