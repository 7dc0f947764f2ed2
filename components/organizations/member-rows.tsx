"use client";

import type { ReactNode } from "react";
import NextLink from "next/link";
import { Badge } from "@/components/ui/badge";
import { CARD_TABLE, TABLE_ROLES } from "@/components/ui/card-table";
import { CitationMarks } from "@/components/ui/citation-marks";
import { JoinedText, NameText } from "@/components/ui/row-cells";
import type { DateView, Named } from "@/components/ui/view-facts";

/**
 * A member as its row shows it, every text already in the page's language (components/organizations/member-table.tsx
 * makes it on the server). Only what the row needs, and nothing a row lacks: these objects are the rows' whole share
 * of the page's RSC payload.
 */
export type MemberRowView = Named & {
  slug: string;
  originalName?: string;
  country: string;
  role: string;
  /** The status's name, for a member that is not active. */
  status?: string;
  /** When it joined, at its source's precision; absent when no source says. */
  joined?: DateView;
  /** The row's source numbers in the list under the table. */
  sources?: number[];
  /** Rendered on the server, for the few rows that have them: notes (markdown), every period of a member that left
   *  and rejoined, in words, and where the membership's two sides stand. */
  notes?: ReactNode;
  periods?: ReactNode;
  confirmation?: ReactNode;
};

/** The words every row repeats, translated once; `href` is the institution pages' address before the slug. */
export type MemberRowLabels = {
  href: string;
  country: string;
  role: string;
  joined: string;
  joinedUnknown: string;
  source: string;
};

/**
 * The member table's rows, a client component only for what it sends: a server component's rows travel as their
 * whole element tree (every element, class and label, about 1.3 KB a row on top of its HTML), these as their facts.
 * The HTML is the same either way.
 */
export function MemberRows({ rows, labels }: { rows: MemberRowView[]; labels: MemberRowLabels }) {
  return (
    <tbody className={CARD_TABLE.body}>
      {rows.map((r) => (
        <tr key={r.slug} {...TABLE_ROLES.row} className={CARD_TABLE.row}>
          <th scope="row" {...TABLE_ROLES.rowheader} className={CARD_TABLE.rowHeader}>
            <NextLink href={`${labels.href}${r.slug}`} className={CARD_TABLE.link}>
              <NameText name={r.name} lang={r.lang} />
            </NextLink>
            {r.originalName ? <span className="block text-xs font-normal text-muted">{r.originalName}</span> : null}
            {r.notes ?? null}
          </th>
          {/* Below md the row is a card: each value after its name, as the table's headings say from md up. */}
          <td {...TABLE_ROLES.cell} className={CARD_TABLE.cell}>
            <span className={CARD_TABLE.label}>{labels.country}</span>
            {r.country}
          </td>
          <td {...TABLE_ROLES.cell} className={CARD_TABLE.cell}>
            <span className={CARD_TABLE.label}>{labels.role}</span>
            <span>
              {r.role}
              {r.status ? (
                <span className="ml-1">
                  <Badge tone="warm">{r.status}</Badge>
                </span>
              ) : null}
            </span>
          </td>
          <td {...TABLE_ROLES.cell} className={`${CARD_TABLE.cell} md:whitespace-nowrap`}>
            <span className={CARD_TABLE.label}>{labels.joined}</span>
            <span className="min-w-0">
              {r.periods ?? <JoinedText joined={r.joined} unknown={labels.joinedUnknown} />}
            </span>
          </td>
          <td {...TABLE_ROLES.cell} className="block break-words md:table-cell md:px-3 md:py-2">
            <CitationMarks list="members" numbers={r.sources ?? []} label={labels.source} />
            {r.confirmation ?? null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
