import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

type Query = Record<string, string | number | undefined>;

/** How many values a facet shows as links; the rest (a country facet has about 200) are one menu. */
export const FACET_LINKS = 10;

const chosen = "bg-accent-soft font-semibold text-accent-strong";

/**
 * One facet as a list of links: choosing a value adds it to the current query (and resets paging);
 * choosing the selected value again removes it. The most frequent values (and the selected one) are
 * links; the others are options of a small form that submits the same query, so a long facet costs a
 * line of markup per value instead of a link. Links and form alike work without JavaScript.
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
}) {
  if (!options.length) return null;
  const [locale, t] = await Promise.all([getLocale(), getTranslations("organizations")]);
  const linked = options.filter((o, i) => i < FACET_LINKS || String(o.value) === String(selected));
  const rest = options.filter((o, i) => i >= FACET_LINKS && String(o.value) !== String(selected));
  const hrefFor = (value: string | number | undefined) => {
    const next = Object.fromEntries(
      Object.entries({ ...query, [name]: value, page: undefined }).filter(([, v]) => v !== undefined && v !== ""),
    ) as Record<string, string | number>;
    return { pathname, query: next };
  };
  const id = `facet-${name}`;
  const counted = (n: number) => (estimated ? `≈ ${n.toLocaleString(locale)}` : String(n));
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {selected !== undefined ? (
          <li>
            <Link locale={locale} href={hrefFor(undefined)} className="text-accent hover:underline">
              ← {anyLabel}
            </Link>
          </li>
        ) : null}
        {linked.map((o) => {
          const active = String(o.value) === String(selected);
          return (
            <li key={o.value}>
              <Link
                locale={locale}
                href={hrefFor(active ? undefined : o.value)}
                aria-current={active ? "true" : undefined}
                className={`flex justify-between gap-2 rounded px-1.5 py-0.5 ${active ? chosen : "hover:bg-slate-100"}`}
              >
                <span>{o.label}</span>
                <span className="tabular-nums text-muted">{counted(o.count)}</span>
              </Link>
            </li>
          );
        })}
      </ul>
      {rest.length ? (
        <form action={`/${locale}${pathname}`} method="get" className="mt-2 flex gap-1 text-sm">
          {Object.entries(query).map(([key, value]) =>
            key !== name && key !== "page" && value !== undefined && value !== "" ? (
              <input key={key} type="hidden" name={key} value={String(value)} />
            ) : null,
          )}
          <select
            name={name}
            aria-label={`${title}: ${t("moreOptions", { count: rest.length })}`}
            defaultValue=""
            // w-0 + flex-1: a select is as wide as its longest option ("Saint Vincent and the Grenadines (1)")
            // unless told otherwise, which would widen the whole column past a phone's screen.
            className="w-0 min-w-0 flex-1 rounded border border-line bg-white px-1 py-0.5"
          >
            <option value="" disabled>
              {t("moreOptions", { count: rest.length })}
            </option>
            {rest.map((o) => (
              <option key={o.value} value={o.value}>{`${o.label} (${counted(o.count)})`}</option>
            ))}
          </select>
          <button type="submit" className="rounded border border-line px-2 hover:bg-slate-100">
            {t("apply")}
          </button>
        </form>
      ) : null}
    </section>
  );
}
