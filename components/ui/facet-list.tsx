import { Link } from "@/i18n/navigation";

type Query = Record<string, string | number | undefined>;

/**
 * One facet as a list of links: choosing a value adds it to the current query (and resets paging);
 * choosing the selected value again removes it. Plain links, so it works without JavaScript.
 */
export function FacetList({ title, name, options, selected, pathname, query, anyLabel }: {
  title: string;
  name: string;
  options: { value: string | number; label: string; count: number }[];
  selected: string | number | undefined;
  pathname: string;
  query: Query;
  anyLabel: string;
}) {
  if (!options.length) return null;
  const hrefFor = (value: string | number | undefined) => {
    const next = Object.fromEntries(
      Object.entries({ ...query, [name]: value, page: undefined }).filter(([, v]) => v !== undefined && v !== ""),
    ) as Record<string, string | number>;
    return { pathname, query: next };
  };
  const id = `facet-${name}`;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold">{title}</h3>
      <ul className="mt-2 space-y-1 text-sm">
        {selected !== undefined ? (
          <li>
            <Link href={hrefFor(undefined)} className="text-accent hover:underline">
              ← {anyLabel}
            </Link>
          </li>
        ) : null}
        {options.map((o) => {
          const active = String(o.value) === String(selected);
          return (
            <li key={o.value}>
              <Link
                href={hrefFor(active ? undefined : o.value)}
                aria-current={active ? "true" : undefined}
                className={`flex justify-between gap-2 rounded px-1.5 py-0.5 ${active ? "bg-accent-soft font-semibold text-accent-strong" : "hover:bg-slate-100"}`}
              >
                <span>{o.label}</span>
                <span className="tabular-nums text-muted">{o.count}</span>
              </Link>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
