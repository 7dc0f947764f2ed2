"use client";

import NextLink from "next/link";
import { Badge } from "@/components/ui/badge";

/**
 * An organization in a list of results as its card shows it, every text already in the page's language
 * (./organization-card.tsx makes it on the server); only the keys a card has.
 */
export type OrganizationCardView = {
  slug: string;
  name: string;
  acronym?: string;
  originalName?: string;
  /** Its kind, named. */
  kind: string;
  /** "Founded 2019", at its source's precision. */
  founded?: string;
  /** "6 members listed". */
  members: string;
};

/**
 * The cards of a list of organizations, a client component only for what it sends: a server component's cards
 * travelled as their element tree (every element and class, and each card a chunk of its own) on top of their HTML,
 * twenty to a page of results; these travel as their facts. The HTML is the same. `href` is the organization pages'
 * address before the slug.
 */
export function OrganizationCardItems({ cards, href }: { cards: OrganizationCardView[]; href: string }) {
  return cards.map((c) => (
    <li key={c.slug} className="rounded-md border border-line bg-white p-4 hover:border-accent/50">
      <h3 className="text-base font-semibold">
        <NextLink href={`${href}${c.slug}`} className="text-ink hover:text-accent hover:underline">
          {c.name}
          {c.acronym ? <span className="font-normal text-muted"> ({c.acronym})</span> : null}
        </NextLink>
      </h3>
      {c.originalName ? (
        <p className="text-sm text-muted" lang="en">
          {c.originalName}
        </p>
      ) : null}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone="accent">{c.kind}</Badge>
        {c.founded ? <span>{c.founded}</span> : null}
        <span className="text-muted">· {c.members}</span>
      </p>
    </li>
  ));
}
