import "server-only";
import { db, type Tx } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError, addFieldError } from "../../shared/errors";
import { fromStoredDate } from "../../shared/dates";
import { formParseOptions, issueMessage } from "../../validation/issue-messages";
import type { Locale } from "../../../i18n/routing";
import { requireStaff } from "../guards";
import { proposeMembershipCreate, proposeMembershipUpdate } from "../change-requests/propose";
import { membershipValuesSchema, type MembershipValues } from "../../validation/memberships";
import type { SubmitImportInput } from "../../validation/import";
import { QUOTE_MAX } from "../../import/imported-row";
import type { DraftRow } from "./drafts";

type FieldErrors = Record<string, string[]>;
type PlannedRow = { index: string; slug: string; values: MembershipValues };
type DraftSource = { sourceUrl: string | null; sourceTitle: string | null };

/** The ticked rows as membership values, each checked as the edit form would; what fails goes to `errors`. */
function planRows(
  rows: DraftRow[],
  reviewedRows: SubmitImportInput["rows"],
  draft: DraftSource & { locale: Locale },
  errors: FieldErrors,
) {
  const { locale } = draft;
  const planned: PlannedRow[] = [];
  for (const [index, reviewed] of Object.entries(reviewedRows)) {
    if (!reviewed.include) continue;
    const row = rows[Number(index)];
    if (!row) throw new ValidationError("The form does not match this import: reload the page.");
    if (!row.match) {
      addFieldError(
        errors,
        `rows.${index}.include`,
        "Not in the registry yet: propose it with the new-organization form.",
      );
      continue;
    }
    const values = membershipValuesSchema.safeParse(
      {
        role: reviewed.role,
        status: "ACTIVE",
        joined: reviewed.joined,
        ended: "",
        notes: "",
        sourceUrl: draft.sourceUrl ?? "",
        sourceTitle: draft.sourceTitle ?? "",
        sourceQuote: (row.passage ?? "").slice(0, QUOTE_MAX),
      },
      formParseOptions,
    );
    if (!values.success) {
      for (const issue of values.error.issues)
        addFieldError(errors, `rows.${index}.${String(issue.path[0])}`, issueMessage(issue, locale, "submitImport"));
      continue;
    }
    planned.push({ index, slug: row.match.slug, values: values.data });
  }
  return planned;
}

/** Rows that would stop the batch half-way: an entry with a request waiting, or two rows about one entry. */
async function flagBlockedRows(institutionId: string, planned: PlannedRow[], errors: FieldErrors) {
  const pending = await db().changeRequest.findMany({
    where: { institutionId, status: "PENDING", organization: { slug: { in: planned.map((p) => p.slug) } } },
    select: { organization: { select: { slug: true } } },
  });
  const waiting = new Set(pending.map((r) => r.organization?.slug));
  const seen = new Set<string>();
  for (const p of planned) {
    if (waiting.has(p.slug))
      addFieldError(errors, `rows.${p.index}.include`, "A change to this entry is already waiting for review.");
    // Two rows about one entry would make two requests for it, and the second is refused.
    if (seen.has(p.slug))
      addFieldError(
        errors,
        `rows.${p.index}.include`,
        "Another ticked row is about the same organization: keep one of them.",
      );
    seen.add(p.slug);
  }
}

/** One request per planned row, in the caller's transaction: a correction where the entry exists, else a new one. */
async function proposeRows(tx: Tx, staff: Actor & { institutionId: string }, planned: PlannedRow[], reason: string) {
  const memberships = await tx.membership.findMany({
    where: { institutionId: staff.institutionId, organization: { slug: { in: planned.map((p) => p.slug) } } },
    select: {
      id: true,
      version: true,
      status: true,
      endedOn: true,
      endedPrecision: true,
      notes: true,
      organization: { select: { slug: true } },
    },
  });
  const existingBySlug = new Map(memberships.map((m) => [m.organization.slug, m]));
  const ids: string[] = [];
  for (const p of planned) {
    const existing = existingBySlug.get(p.slug);
    // An import states when and how: what the page does not say (status, end, notes) stays as it is.
    const request = existing
      ? await proposeMembershipUpdate(
          staff,
          {
            membershipId: existing.id,
            baseVersion: existing.version,
            reason,
            values: {
              ...p.values,
              status: existing.status,
              ended: fromStoredDate(existing.endedOn, existing.endedPrecision),
              notes: existing.notes,
            },
          },
          tx,
        )
      : await proposeMembershipCreate(staff, { organizationSlug: p.slug, reason, values: p.values }, tx);
    ids.push(request.id);
  }
  return ids;
}

/**
 * Sends the rows the staff member kept as change requests (new memberships and corrections of existing ones),
 * all validated before any is created. Rows naming an organization the registry lacks are left to the "propose a
 * new organization" form, where its profile is given.
 */
export async function submitImport(actor: Actor | null, input: SubmitImportInput, locale: Locale = "en") {
  const staff = requireStaff(actor);
  const draft = await db().importDraft.findFirst({
    where: { id: input.draftId, institutionId: staff.institutionId },
    select: { id: true, rows: true, sourceUrl: true, sourceTitle: true, submittedAt: true },
  });
  if (!draft) throw new NotFoundError("No such import of your institution.");
  if (draft.submittedAt) throw new ValidationError("This import was already sent for review.");
  const fieldErrors: FieldErrors = {};
  const planned = planRows(draft.rows as unknown as DraftRow[], input.rows, { ...draft, locale }, fieldErrors);
  await flagBlockedRows(staff.institutionId, planned, fieldErrors);
  if (Object.keys(fieldErrors).length)
    throw new ValidationError("Some rows need attention; nothing was sent.", fieldErrors);
  if (!planned.length) throw new ValidationError("Tick at least one row to send.");
  const reason = `Imported from ${draft.sourceUrl ?? draft.sourceTitle}`;
  // All or nothing: a row that fails half-way (a request sent meanwhile, a record changed) undoes the rows
  // before it, and the draft stays unsent, so sending again starts from a clean slate.
  const created = await db().$transaction(
    async (tx) => {
      // Claimed first: of two submissions of one draft at the same moment, the second waits here, then stops.
      const claimed = await tx.importDraft.updateMany({
        where: { id: draft.id, submittedAt: null },
        data: { submittedAt: new Date() },
      });
      if (claimed.count === 0) throw new ValidationError("This import was already sent for review.");
      return proposeRows(tx, staff, planned, reason);
    },
    { timeout: 30_000 },
  );
  return { requests: created.length };
}
