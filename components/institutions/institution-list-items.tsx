"use client";

import NextLink from "next/link";
import { Badge } from "@/components/ui/badge";

/**
 * An institution in a list of results as its row shows it, every text already in the page's language
 * (./institution-list.tsx makes it on the server); only the keys a row has.
 */
export type InstitutionItemView = {
  slug: string;
  name: string;
  originalName?: string;
  /** Its kind, named. */
  kind: string;
  /** Its country, named. */
  country: string;
  /** "Member of 3 organizations". */
  memberships: string;
};

/**
 * The rows of a list of institutions, a client component only for what it sends: a server component's rows travelled
 * as their element tree (every element and class) on top of their HTML, up to fifty to a page of results; these
 * travel as their facts. The HTML is the same. `href` is the institution pages' address before the slug.
 */
export function InstitutionListItems({ items, href }: { items: InstitutionItemView[]; href: string }) {
  return items.map((i) => (
    <li key={i.slug} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
      {/* The directory's names hold long words: they wrap rather than widen a phone's page. */}
      <div className="min-w-0 [overflow-wrap:anywhere]">
        <NextLink href={`${href}${i.slug}`} className="font-medium text-accent hover:underline">
          {i.name}
        </NextLink>
        {i.originalName ? (
          <span className="block text-sm text-muted" lang="en">
            {i.originalName}
          </span>
        ) : null}
      </div>
      <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge>{i.kind}</Badge>
        <span>{i.country}</span>
        <span className="text-muted">· {i.memberships}</span>
      </div>
    </li>
  ));
}
