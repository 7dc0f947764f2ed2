import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { FacetList } from "@/components/ui/facet-list";
import { EstimatedCountsNote } from "@/components/ui/estimated-counts-note";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { Link } from "@/components/ui/link";
import { countryName } from "@/lib/shared/countries";
import type { OrganizationList } from "@/lib/shared/types/organizations";
import type { OrganizationSearch } from "@/lib/validation/search";

/** The list's filters (kind, country, field, year), each value with how many organizations it keeps. */
export async function OrganizationFacets({
  search,
  query,
  facets,
  estimated = false,
  locale,
}: {
  search: OrganizationSearch;
  query: Record<string, string | number | undefined>;
  facets: OrganizationList["facets"];
  /** The counts are a sample's estimates (OrganizationList's estimated.facets). */
  estimated?: boolean;
  locale: Locale;
}) {
  const [t, kinds, fields, phones] = await Promise.all([
    getTranslations({ locale, namespace: "organizations" }),
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "fields" }),
    getTranslations({ locale, namespace: "phones" }),
  ]);
  const active = [search.kind, search.field, search.country, search.year].filter(
    (v) => v !== undefined && v !== "",
  ).length;
  const filtered = Boolean(search.kind || search.field || search.country || search.year);
  // What every facet of the list shares: the page it links to, the query it adds to, the words around it.
  const common = { pathname: "/organizations", query, anyLabel: t("any"), estimated, locale };
  const facetList = (
    <section aria-label={t("filters")} className="space-y-6">
      <h2 className="sr-only">{t("filters")}</h2>
      {estimated ? <EstimatedCountsNote text={t("estimatedCounts")} /> : null}
      <FacetList
        title={t("kind")}
        name="kind"
        selected={search.kind}
        {...common}
        options={facets.kind.map((f) => ({ value: f.value, label: kinds(f.value), count: f.count }))}
      />
      <FacetList
        title={t("country")}
        name="country"
        selected={search.country}
        {...common}
        options={facets.country.map((f) => ({
          value: f.value,
          label: countryName(f.value, locale),
          count: f.count,
        }))}
      />
      <FacetList
        title={t("field")}
        name="field"
        selected={search.field}
        {...common}
        options={facets.field.map((f) => ({ value: f.value, label: fields(f.value), count: f.count }))}
      />
      <FacetList
        title={t("year")}
        name="year"
        selected={search.year}
        {...common}
        options={[...facets.year]
          .sort((a, b) => b.value - a.value)
          .map((f) => ({ value: f.value, label: String(f.value), count: f.count }))}
      />
      {filtered ? (
        <Link
          href={{ pathname: "/organizations", query: search.q ? { q: search.q } : {} }}
          className="block text-sm text-accent underline"
        >
          {t("clear")}
        </Link>
      ) : null}
    </section>
  );
  return <FiltersDisclosure summary={phones("filtersSummary", { count: active })}>{facetList}</FiltersDisclosure>;
}
