import { getTranslations } from "next-intl/server";
import { type Locale, localizedHref } from "@/i18n/routing";
import { type FacetFacts, FacetView } from "./facet-view";
import { present } from "./view-facts";

type Query = Record<string, string | number | undefined>;

/** How many values a facet shows as links; the rest (a country facet has about 200) are one menu. */
export const FACET_LINKS = 10;

/**
 * One facet as a list of links: choosing a value adds it to the current query (and resets paging);
 * choosing the selected value again removes it. The most frequent values (and the selected one) are
 * links; the others are options of a small form that submits the same query, so a long facet costs a
 * line of markup per value instead of a link. Links and form alike work without JavaScript. Drawn by
 * ./facet-view.tsx from the facts made here.
 */
export async function FacetList({
  title,
  name,
  options,
  selected,
  pathname,
  query,
  anyLabel,
  estimated = false,
  locale,
}: {
  title: string;
  name: string;
  options: { value: string | number; label: string; count: number }[];
  selected: string | number | undefined;
  pathname: string;
  query: Query;
  anyLabel: string;
  /** The counts are estimates (a sample's, scaled): written "≈ 4,400". */
  estimated?: boolean;
  locale: Locale;
}) {
  if (!options.length) return null;
  const t = await getTranslations({ locale, namespace: "organizations" });
  const isSelected = (o: { value: string | number }) => String(o.value) === String(selected);
  const linked = options.filter((o, i) => i < FACET_LINKS || isSelected(o));
  const rest = options.filter((o, i) => i >= FACET_LINKS && !isSelected(o));
  const hrefFor = (value: string | number | undefined) => {
    const next = Object.fromEntries(
      Object.entries({ ...query, [name]: value, page: undefined }).filter(([, v]) => v !== undefined && v !== ""),
    ) as Record<string, string | number>;
    return localizedHref({ pathname, query: next }, locale);
  };
  const counted = (n: number) => (estimated ? `≈ ${n.toLocaleString(locale)}` : String(n));
  const facet: FacetFacts = {
    id: `facet-${name}`,
    title,
    ...present("clear", selected !== undefined && { href: hrefFor(undefined), label: anyLabel }),
    links: linked.map((o) => ({
      value: String(o.value),
      href: hrefFor(isSelected(o) ? undefined : o.value),
      label: o.label,
      count: counted(o.count),
      ...present("active", isSelected(o) && (true as const)),
    })),
    ...present(
      "more",
      rest.length > 0 && {
        action: `/${locale}${pathname}`,
        name,
        hidden: Object.entries(query).flatMap(([key, value]): [string, string][] =>
          key !== name && key !== "page" && value !== undefined && value !== "" ? [[key, String(value)]] : [],
        ),
        prompt: t("moreOptions", { count: rest.length }),
        apply: t("apply"),
        options: rest.map((o): [string, string] => [String(o.value), `${o.label} (${counted(o.count)})`]),
      },
    ),
  };
  return <FacetView facet={facet} />;
}
