import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { FacetList } from "@/components/ui/facet-list";
import { EstimatedCountsNote } from "@/components/ui/estimated-counts-note";
import { FiltersDisclosure } from "@/components/ui/filters-disclosure";
import { countryName } from "@/lib/shared/countries";
import type { InstitutionList } from "@/lib/shared/types/institutions";
import type { InstitutionSearch } from "@/lib/validation/search";

/** The list's filters (kind, country), each value with how many institutions it keeps. */
export async function InstitutionFacets({
  search,
  query,
  facets,
  estimated = false,
  locale,
}: {
  search: InstitutionSearch;
  query: Record<string, string | number | undefined>;
  facets: InstitutionList["facets"];
  /** The counts are a sample's estimates (InstitutionList's estimated.facets). */
  estimated?: boolean;
  locale: Locale;
}) {
  const [t, o, kinds, phones] = await Promise.all([
    getTranslations({ locale, namespace: "institutions" }),
    getTranslations({ locale, namespace: "organizations" }),
    getTranslations({ locale, namespace: "institutionKinds" }),
    getTranslations({ locale, namespace: "phones" }),
  ]);
  const active = [search.kind, search.country].filter((v) => v !== undefined && v !== "").length;
  // What every facet of the list shares: the page it links to, the query it adds to, the words around it.
  const common = { pathname: "/institutions", query, anyLabel: o("any"), estimated, locale };
  const facetList = (
    <section aria-label={o("filters")} className="space-y-6">
      <h2 className="sr-only">{o("filters")}</h2>
      {estimated ? <EstimatedCountsNote text={t("estimatedCounts")} /> : null}
      <FacetList
        title={t("coverage")}
        name="coverage"
        selected={search.coverage}
        {...common}
        options={facets.coverage.map((f) => ({
          value: f.value,
          label: t(f.value === "listed" ? "coverageListed" : "coverageDirectory"),
          count: f.count,
        }))}
      />
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
    </section>
  );
  return <FiltersDisclosure summary={phones("filtersSummary", { count: active })}>{facetList}</FiltersDisclosure>;
}
