"use client";

import type { ReactNode } from "react";
import NextLink from "next/link";
import { Badge } from "@/components/ui/badge";
import { CARD_TABLE, TABLE_ROLES } from "@/components/ui/card-table";
import { CitationMarks } from "@/components/ui/citation-marks";
import { JoinedText, NameText } from "@/components/ui/row-cells";
import type { DateView, Named } from "@/components/ui/view-facts";

/**
 * An organization a university takes part in, as its row shows it, every text already in the page's language
 * (components/institutions/participation-table.tsx makes it on the server). Only what the row needs, and nothing a
 * row lacks: these objects are the rows' whole share of the page's RSC payload.
 */
export type ParticipationRowView = Named & {
  slug: string;
  acronym?: string;
  originalName?: string;
  /** The organization's kind, named. */
  kind: string;
  /** Its founders, each with its founding roles in words; absent when no source names them. */
  founders?: (Named & { slug: string; roles: string })[];
  role: string;
  /** The status's name, for a membership that is not active. */
  status?: string;
  /** When the university joined, at its source's precision; absent when no source says. */
  joined?: DateView;
  /** The row's source numbers in the list under the table. */
  sources?: number[];
  /** Rendered on the server, for the rows that have them: the organization's introduction (markdown, with its
   *  read-more control), the membership's notes, every period of a university that left and rejoined in words, and
   *  where the membership's two sides stand. */
  introduction?: ReactNode;
  notes?: ReactNode;
  periods?: ReactNode;
  confirmation?: ReactNode;
};

/** The words every row repeats, translated once; the hrefs are the record pages' addresses before the slug. */
export type ParticipationRowLabels = {
  organizationHref: string;
  institutionHref: string;
  foundersUnknown: string;
  notes: string;
  entrance: string;
  status: string;
  joinedUnknown: string;
  source: string;
};

/**
 * The participation table's rows, a client component only for what it sends: a server component's rows travel as
 * their whole element tree (every element, class and label) on top of their HTML, these as their facts. The HTML is
 * the same either way.
 */
export function ParticipationRows({ rows, labels }: { rows: ParticipationRowView[]; labels: ParticipationRowLabels }) {
  return (
    <tbody className={CARD_TABLE.body}>
      {rows.map((r) => (
        <tr key={r.slug} {...TABLE_ROLES.row} className={CARD_TABLE.row}>
          <th scope="row" {...TABLE_ROLES.rowheader} className={`${CARD_TABLE.rowHeader} md:py-3`}>
            <NextLink href={`${labels.organizationHref}${r.slug}`} className={CARD_TABLE.link}>
              <NameText name={r.name} lang={r.lang} />
              {r.acronym ? ` (${r.acronym})` : ""}
            </NextLink>
            {r.originalName ? (
              <span className="block text-xs font-normal text-muted" lang="en">
                {r.originalName}
              </span>
            ) : null}
            <span className="card-sub">
              <Badge>{r.kind}</Badge>
            </span>
          </th>
          <td {...TABLE_ROLES.cell} className={CARD_TABLE.column}>
            {r.founders ? (
              <ul className="space-y-1">
                {r.founders.map((f) => (
                  <li key={f.slug}>
                    <NextLink href={`${labels.institutionHref}${f.slug}`} className="quiet-link">
                      <NameText name={f.name} lang={f.lang} />
                    </NextLink>{" "}
                    <span className="text-xs text-muted">{`(${f.roles})`}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <span className="text-muted">{labels.foundersUnknown}</span>
            )}
          </td>
          <td {...TABLE_ROLES.cell} className={`${CARD_TABLE.column} text-slate-700`}>
            {r.introduction ?? <span className="text-muted">—</span>}
            {r.notes ? (
              <div className="mt-2 text-xs">
                <p className="font-semibold">{labels.notes}:</p>
                {r.notes}
              </div>
            ) : null}
          </td>
          <td {...TABLE_ROLES.cell} className="card-key">
            {/* Below md the row is a card: its cells say what they are, as the table's headings do from md up. */}
            <span className="phone-label">{`${labels.entrance}: `}</span>
            <p className="card-when">{r.periods ?? <JoinedText joined={r.joined} unknown={labels.joinedUnknown} />}</p>
            <p className="font-medium">{r.role}</p>
            {r.status ? (
              <p>
                <span className="phone-label">{`${labels.status}: `}</span>
                <Badge tone="warm">{r.status}</Badge>
              </p>
            ) : null}
            <CitationMarks list="participation" numbers={r.sources ?? []} label={labels.source} />
            {r.confirmation ?? null}
          </td>
        </tr>
      ))}
    </tbody>
  );
}
