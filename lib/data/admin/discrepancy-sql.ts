import "server-only";
import type { DiscrepancyKind, Ref } from "../../shared/types/discrepancies";

// Shared pieces of the discrepancy report's raw SQL. They interpolate only constants of these files, never input.
export const LIMIT = 100;

export type { Ref };
export type Listed<T> = { total: number; rows: T[] };

// The English official name, else any official name.
export const orgName = (alias: string) =>
  `(SELECT n.name FROM "OrganizationName" n WHERE n."organizationId" = ${alias}.id AND n.kind = 'OFFICIAL'
    AND n."validUntil" IS NULL ORDER BY (n.locale = 'en') DESC, n.locale LIMIT 1)`;
export const instName = (alias: string) =>
  `(SELECT n.name FROM "InstitutionName" n WHERE n."institutionId" = ${alias}.id AND n.kind = 'OFFICIAL'
    ORDER BY (n.locale = 'en') DESC, n.locale LIMIT 1)`;

export function listed<T>(rows: (T & { total: bigint | number })[]): Listed<T> {
  const total = rows.length ? Number(rows[0]!.total) : 0;
  return { total, rows: rows.map(({ total: _total, ...row }) => row as unknown as T) };
}

export const ref = (slug: string, name: string | null) => ({ slug, name: name ?? slug });

/**
 * True unless an admin dismissed this entry while its facts were what they are now. A dismissal whose facts
 * no longer match hides nothing: the entry is back, and the "show dismissed" view says it no longer applies.
 */
export const notDismissed = (kind: DiscrepancyKind, subject: string, facts: string) =>
  `NOT EXISTS (SELECT 1 FROM "DiscrepancyDismissal" dd
               WHERE dd.kind = '${kind}' AND dd.subject = ${subject} AND dd.facts = ${facts})`;
