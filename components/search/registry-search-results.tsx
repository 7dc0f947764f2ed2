import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { OrganizationCards } from "@/components/organizations/organization-card";
import { InstitutionList } from "@/components/institutions/institution-list";
import type { InstitutionSummary } from "@/lib/shared/types/institutions";
import type { OrganizationSummary } from "@/lib/shared/types/organizations";
import { REGISTRY_SEARCH_INSTITUTION_SORT } from "@/lib/validation/search";
import type { TotalWording } from "@/lib/shared/total-wording";

type Section<T> = { items: T[]; total: number; wording: TotalWording };

/** The registry-wide search's two sections, each with its count and a link to the whole list of that kind. */
export async function RegistrySearchResults({
  q,
  result,
  locale,
}: {
  q: string;
  result: { organizations: Section<OrganizationSummary>; institutions: Section<InstitutionSummary> };
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "registrySearch" });
  const { organizations, institutions } = result;
  return (
    <div className="mt-8 grid gap-10">
      <section aria-labelledby="search-organizations">
        <SectionHead
          id="search-organizations"
          title={t(`organizations${organizations.wording}`, { count: organizations.total })}
          seeAll={
            organizations.total
              ? t(`seeAllOrganizations${organizations.wording}`, { count: organizations.total })
              : null
          }
          href={{ pathname: "/organizations", query: { q } }}
          locale={locale}
        />
        {organizations.items.length ? (
          <OrganizationCards organizations={organizations.items} locale={locale} className="mt-4 grid gap-3" />
        ) : (
          <p className="mt-3 text-slate-700">{t("noOrganizations")}</p>
        )}
      </section>
      <section aria-labelledby="search-institutions">
        <SectionHead
          id="search-institutions"
          title={t(`institutions${institutions.wording}`, { count: institutions.total })}
          seeAll={
            institutions.total ? t(`seeAllInstitutions${institutions.wording}`, { count: institutions.total }) : null
          }
          href={{ pathname: "/institutions", query: { q, sort: REGISTRY_SEARCH_INSTITUTION_SORT } }}
          locale={locale}
        />
        {institutions.items.length ? (
          <InstitutionList items={institutions.items} locale={locale} />
        ) : (
          <p className="mt-3 text-slate-700">{t("noInstitutions")}</p>
        )}
      </section>
    </div>
  );
}

function SectionHead({
  id,
  title,
  seeAll,
  href,
  locale,
}: {
  id: string;
  locale: Locale;
  title: string;
  seeAll: string | null;
  href: { pathname: "/organizations" | "/institutions"; query: { q: string; sort?: string } };
}) {
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-3 border-b border-line pb-3">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {seeAll ? (
        <Link locale={locale} href={href} className="inline-block py-2 text-accent hover:underline">
          {seeAll}
        </Link>
      ) : null}
    </div>
  );
}
