"use client";

import NextLink from "next/link";

/**
 * One filter as ./facet-list.tsx makes it on the server, every text and address finished: its most frequent values
 * (and the chosen one) as links, the rest as the options of a small form that submits the same query.
 */
export type FacetFacts = {
  /** The heading's id, which the section is labelled by. */
  id: string;
  title: string;
  /** "← Any", back to the query without this filter; only while a value is chosen. */
  clear?: { href: string; label: string };
  links: { value: string; href: string; label: string; count: string; active?: true }[];
  more?: {
    action: string;
    name: string;
    /** The rest of the query, carried by the form. */
    hidden: [name: string, value: string][];
    /** "12 more", the menu's first, unchoosable option; with the title, the menu's accessible name. */
    prompt: string;
    apply: string;
    options: [value: string, text: string][];
  };
};

const chosen = "bg-accent-soft font-semibold text-accent-strong";

/**
 * A filter's values, a client component only for what it sends: as a server component every link was its element
 * tree in the page's payload (its classes, spans and address as an object, ~270 bytes a value, 13.6 KB on a page of
 * results) on top of the HTML; this travels as the facts above. The HTML is the same, and works without JavaScript.
 */
export function FacetView({ facet }: { facet: FacetFacts }) {
  const { id, title, clear, links, more } = facet;
  return (
    <section aria-labelledby={id}>
      <h3 id={id} className="text-sm font-semibold">
        {title}
      </h3>
      <ul className="mt-2 space-y-1 text-sm">
        {clear ? (
          <li>
            <NextLink href={clear.href} className="text-accent hover:underline">
              ← {clear.label}
            </NextLink>
          </li>
        ) : null}
        {links.map((o) => (
          <li key={o.value}>
            <NextLink
              href={o.href}
              aria-current={o.active ? "true" : undefined}
              className={`flex justify-between gap-2 rounded px-1.5 py-0.5 ${o.active ? chosen : "hover:bg-slate-100"}`}
            >
              <span>{o.label}</span>
              <span className="tabular-nums text-muted">{o.count}</span>
            </NextLink>
          </li>
        ))}
      </ul>
      {more ? (
        <form action={more.action} method="get" className="mt-2 flex gap-1 text-sm">
          {more.hidden.map(([name, value]) => (
            <input key={name} type="hidden" name={name} value={value} />
          ))}
          <select
            name={more.name}
            aria-label={`${title}: ${more.prompt}`}
            defaultValue=""
            // w-0 + flex-1: a select is as wide as its longest option ("Saint Vincent and the Grenadines (1)")
            // unless told otherwise, which would widen the whole column past a phone's screen.
            className="w-0 min-w-0 flex-1 rounded border border-line bg-white px-1 py-0.5"
          >
            <option value="" disabled>
              {more.prompt}
            </option>
            {more.options.map(([value, text]) => (
              <option key={value} value={value}>
                {text}
              </option>
            ))}
          </select>
          <button type="submit" className="rounded border border-line px-2 hover:bg-slate-100">
            {more.apply}
          </button>
        </form>
      ) : null}
    </section>
  );
}
