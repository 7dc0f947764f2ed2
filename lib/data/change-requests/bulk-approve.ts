import "server-only";
import { requestNames } from "./sides";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireAdmin } from "../guards";
import { AlreadyDecidedError, ConflictError, NotFoundError, ValidationError } from "../../shared/errors";
import { MAX_BULK_APPROVALS } from "../../validation/reviews";
import { accountTranslator } from "../accounts/mail-texts";
import { approveChangeRequest } from "./decide";

/** Why a selected request was left pending (or was not pending to begin with). */
export type SkipReason = "conflict" | "notPending" | "sameRecord" | "notFound" | "failed";

type Selected = {
  id: string;
  kind: string;
  status: string;
  conflict: string | null;
  institutionId: string | null;
  organizationId: string | null;
  membershipId: string | null;
  proposed: unknown;
  label: string;
};

/** The record a request would change: two selected requests with the same key are not approved together. */
function recordKey(r: Selected): string {
  if (r.membershipId) return `membership:${r.membershipId}`;
  if (r.kind === "INSTITUTION_UPDATE") return `institution:${r.institutionId}`;
  if (r.kind === "ORGANIZATION_CREATE")
    return `new-organization:${String((r.proposed as { nameEn?: unknown } | null)?.nameEn ?? r.id).toLowerCase()}`;
  return `membership:${r.institutionId}:${r.organizationId}`;
}

async function loadSelected(ids: readonly string[], locale: Locale): Promise<Selected[]> {
  const names = { select: { names: { select: { locale: true, name: true, kind: true } } } };
  const rows = await db().changeRequest.findMany({
    where: { id: { in: [...ids] } },
    select: {
      id: true,
      kind: true,
      status: true,
      conflict: true,
      institutionId: true,
      organizationId: true,
      membershipId: true,
      side: true,
      proposed: true,
      institution: names,
      organization: { select: { names: { select: { locale: true, name: true, kind: true, validUntil: true } } } },
    },
  });
  // In the order they were ticked, so the answer lists them as the queue did.
  rows.sort((a, b) => ids.indexOf(a.id) - ids.indexOf(b.id));
  return rows.map(({ institution, organization, ...r }) => {
    const names = requestNames({ ...r, institution, organization }, locale);
    // Whose statement first, then what it is about (none for a profile: the party is what it is about).
    const [who, about] =
      r.side === "ORGANIZATION" ? [names.organization, names.institution] : [names.institution, names.organization];
    const profile = r.kind === "INSTITUTION_UPDATE" || r.kind === "ORGANIZATION_UPDATE";
    const kind = accountTranslator(locale)(`kinds.${r.kind}`);
    return { ...r, label: `${kind}: ${profile ? who : `${who} · ${about}`}` };
  });
}

/** The reason an approval through the one decide path failed, as the result reports it. */
function reasonOf(error: unknown): SkipReason {
  if (error instanceof AlreadyDecidedError) return "notPending";
  if (error instanceof NotFoundError) return "notFound";
  // A record changed since (StaleVersionError), already there (DuplicateRecordError): decide.ts recorded it.
  if (error instanceof ConflictError) return "conflict";
  return "failed";
}

/**
 * Admins: approve several pending requests, each in its own transaction through approveChangeRequest (the
 * same path as one approval, with its audit row and the proposer's notice). Left pending: a request with a
 * recorded conflict, one that conflicts when applied, and every selected request touching the same record as
 * another selected one (the reviewer chooses between them on their pages). Not pending: reported, untouched.
 */
export async function approveChangeRequests(
  actor: Actor | null,
  ids: readonly string[],
  comment: string | null,
  locale: Locale,
) {
  const admin = requireAdmin(actor, "Only admins review changes.");
  const unique = [...new Set(ids)];
  if (!unique.length || unique.length > MAX_BULK_APPROVALS)
    throw new ValidationError(`Select between 1 and ${MAX_BULK_APPROVALS} requests.`);
  const selected = await loadSelected(unique, locale);
  const perRecord = new Map<string, number>();
  // Only pending requests compete for a record: a decided one beside it changes nothing.
  for (const r of selected.filter((x) => x.status === "PENDING"))
    perRecord.set(recordKey(r), (perRecord.get(recordKey(r)) ?? 0) + 1);
  const approved: { id: string; label: string }[] = [];
  const skipped: { id: string; label: string; reason: SkipReason }[] = unique
    .filter((id) => !selected.some((r) => r.id === id))
    .map((id) => ({ id, label: id, reason: "notFound" }));
  const tags = new Set<string>();
  for (const r of selected) {
    const skip: SkipReason | null =
      r.status !== "PENDING"
        ? "notPending"
        : r.conflict
          ? "conflict"
          : (perRecord.get(recordKey(r)) ?? 0) > 1
            ? "sameRecord"
            : null;
    if (skip) {
      skipped.push({ id: r.id, label: r.label, reason: skip });
      continue;
    }
    try {
      const done = await approveChangeRequest(admin, r.id, comment);
      for (const tag of done.tags) tags.add(tag);
      approved.push({ id: r.id, label: r.label });
    } catch (error) {
      if (reasonOf(error) === "failed") console.error("[approveChangeRequests]", error);
      skipped.push({ id: r.id, label: r.label, reason: reasonOf(error) });
    }
  }
  return { approved, skipped, tags: [...tags] };
}

type BulkResult = Awaited<ReturnType<typeof approveChangeRequests>>;

/** The answer to the queue's form in the admin's language: how many were approved, then each request's outcome. */
export function bulkApprovalReport(result: BulkResult, locale: Locale) {
  const t = accountTranslator(locale);
  const message = t("bulkApproved", { approved: result.approved.length, skipped: result.skipped.length });
  const details = [
    ...result.approved.map((r) => t("bulkApprovedOne", { label: r.label })),
    ...result.skipped.map((r) => t("bulkSkippedOne", { label: r.label, reason: r.reason })),
  ];
  return { message, details };
}
