import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError } from "../../shared/errors";
import type { DismissedDiscrepancy, DiscrepancyEntry } from "../../shared/types/discrepancies";
import type { DismissDiscrepancyValues } from "../../validation/discrepancies";
import { recordAudit } from "../audit";
import { requireAdmin } from "../guards";

const FORBIDDEN = "Only admins act on the discrepancy report.";

/**
 * An admin sets an entry of the discrepancy report aside, with a reason. The dismissal keeps the entry's facts
 * as the report gave them (`facts`, e.g. the membership's version): the report leaves the entry out only while
 * they are unchanged. Facts that do not match the entry (a stale page, a forged field) hide nothing. One
 * dismissal per entry: dismissing it again replaces the facts and the reason. Audited.
 */
export async function dismissDiscrepancy(actor: Actor | null, input: DismissDiscrepancyValues) {
  const admin = requireAdmin(actor, FORBIDDEN);
  return db().$transaction(async (tx) => {
    const key = { kind: input.check, subject: input.subject };
    const before = await tx.discrepancyDismissal.findUnique({
      where: { kind_subject: key },
      select: { facts: true, reason: true },
    });
    const values = { facts: input.facts, reason: input.reason, dismissedById: admin.id, dismissedAt: new Date() };
    const row = await tx.discrepancyDismissal.upsert({
      where: { kind_subject: key },
      create: { ...key, ...values },
      update: values,
      select: { id: true },
    });
    await recordAudit(tx, {
      event: "discrepancy.dismiss",
      entityId: row.id,
      actorId: admin.id,
      before,
      after: { ...key, facts: input.facts, reason: input.reason },
    });
    return row;
  });
}

/** An admin brings a dismissed entry back into the report. Audited. */
export async function restoreDiscrepancy(actor: Actor | null, dismissalId: string) {
  const admin = requireAdmin(actor, FORBIDDEN);
  return db().$transaction(async (tx) => {
    const row = await tx.discrepancyDismissal.findUnique({
      where: { id: dismissalId },
      select: { id: true, kind: true, subject: true, facts: true, reason: true },
    });
    if (!row) throw new NotFoundError("No such dismissed entry.");
    await tx.discrepancyDismissal.delete({ where: { id: row.id } });
    await recordAudit(tx, { event: "discrepancy.restore", entityId: row.id, actorId: admin.id, before: row });
    return row;
  });
}

const LIST_LIMIT = 200;

/**
 * The dismissed entries, newest first (at most LIST_LIMIT), each named by the slugs of the records it is
 * about. `current` is the report's entries as they are now: one of them with a dismissal's kind and subject
 * means its facts changed since (it would be hidden otherwise), so that dismissal no longer applies.
 */
export async function listDismissedDiscrepancies(
  actor: Actor | null,
  current: DiscrepancyEntry[],
): Promise<(DismissedDiscrepancy & { about: string[] })[]> {
  requireAdmin(actor, FORBIDDEN);
  const rows = await db().discrepancyDismissal.findMany({
    orderBy: [{ dismissedAt: "desc" }, { id: "asc" }],
    take: LIST_LIMIT,
    select: {
      id: true,
      kind: true,
      subject: true,
      reason: true,
      dismissedAt: true,
      dismissedBy: { select: { name: true, email: true } },
    },
  });
  const back = new Set(current.map((e) => `${e.kind}/${e.subject}`));
  const names = await slugsOf(rows);
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    subject: r.subject,
    reason: r.reason,
    dismissedBy: r.dismissedBy.name ?? r.dismissedBy.email,
    dismissedAt: r.dismissedAt.toISOString().slice(0, 10),
    stillApplies: !back.has(`${r.kind}/${r.subject}`),
    about: names(r),
  }));
}

const MEMBERSHIP_KINDS = new Set([
  "JOINED_BEFORE_FOUNDED",
  "ONLY_INSTITUTION",
  "NOT_CONFIRMED_BY_INSTITUTION",
  "SIDES_DISAGREE",
]);

/** The records' slugs behind each dismissal's subject (a membership's two sides, one or two records). */
async function slugsOf(rows: { kind: string; subject: string }[]) {
  const ids = rows.filter((r) => !MEMBERSHIP_KINDS.has(r.kind)).flatMap((r) => r.subject.split(":"));
  const membershipIds = rows.filter((r) => MEMBERSHIP_KINDS.has(r.kind)).map((r) => r.subject);
  const [memberships, organizations, institutions] = await Promise.all([
    db().membership.findMany({
      where: { id: { in: membershipIds } },
      select: { id: true, organization: { select: { slug: true } }, institution: { select: { slug: true } } },
    }),
    db().organization.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }),
    db().institution.findMany({ where: { id: { in: ids } }, select: { id: true, slug: true } }),
  ]);
  const slug = new Map([...organizations, ...institutions].map((x) => [x.id, x.slug]));
  const membership = new Map(memberships.map((m) => [m.id, [m.institution.slug, m.organization.slug]]));
  return (r: { kind: string; subject: string }) =>
    MEMBERSHIP_KINDS.has(r.kind)
      ? (membership.get(r.subject) ?? [r.subject])
      : r.subject.split(":").map((id) => slug.get(id) ?? id);
}
