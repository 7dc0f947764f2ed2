import "server-only";
import { db, type Tx } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { AppError, ValidationError, addFieldError } from "../../shared/errors";
import { isCountryCode } from "../../shared/countries";
import type { MemberListChoice, MemberListRow, ProposedInstitution } from "../../shared/types/member-list";
import type { MembershipSnapshot } from "../../shared/types/change-requests";
import { formParseOptions, issueMessage } from "../../validation/issue-messages";
import type { Locale } from "../../../i18n/routing";
import { membershipValuesSchema, type MembershipValues } from "../../validation/memberships";
import type { ReviewMemberListInput } from "../../validation/member-list";
import { QUOTE_MAX } from "../../import/imported-row";
import { requireSecretariat } from "../guards";
import { createRequestTellingAdmins, tellAdminsOfList } from "../change-requests/admin-notices";
import { snapshotFromValues } from "../change-requests/diff";
import { loadOwnDraft, statedFacts } from "./member-list-drafts";
import { proposeOrganizationMember } from "./propose-member";

// Sending a reviewed member list: every kept row becomes one organization-side request, in one transaction — a row
// that fails refuses the whole list, named, and nothing is stored but the person's choices.

type FieldErrors = Record<string, string[]>;
type Planned = { index: number; row: MemberListRow; values: MembershipValues };

const ALREADY_SENT = "This member list was already sent for review.";
const NOT_THIS_LIST = "The form does not match this member list: reload the page.";
const NEW_NAME = "Give the new institution's English name.";
const LATIN_NAME = "The English name needs Latin letters for the address.";
const NEW_COUNTRY = "Choose the new institution's country or region.";
const WEB_ADDRESS = "A web address starts with http:// or https://.";

/** The new institution a row proposes, checked; what is wrong goes to `errors` under the row's fields. */
function proposedInstitution(index: number, input: ReviewMemberListInput["rows"][string], errors: FieldErrors) {
  const at = (field: string) => `rows.${index}.${field}`;
  if (!input.nameEn) addFieldError(errors, at("nameEn"), NEW_NAME);
  else if (!/[A-Za-z]/.test(input.nameEn)) addFieldError(errors, at("nameEn"), LATIN_NAME);
  if (!input.country || !isCountryCode(input.country.toUpperCase())) addFieldError(errors, at("country"), NEW_COUNTRY);
  if (input.website && !/^https?:\/\/\S+$/i.test(input.website)) addFieldError(errors, at("website"), WEB_ADDRESS);
  const institution: ProposedInstitution = {
    nameEn: input.nameEn,
    nameZh: input.nameZh || null,
    country: input.country.toUpperCase(),
    website: input.website || null,
  };
  return institution;
}

/** The rows with the person's choices from the form; a choice the row does not offer means a stale form. */
function withChoices(rows: MemberListRow[], input: ReviewMemberListInput, errors: FieldErrors): MemberListRow[] {
  for (const key of Object.keys(input.rows)) if (!rows[Number(key)]) throw new ValidationError(NOT_THIS_LIST);
  return rows.map((row, index) => {
    const given = input.rows[String(index)];
    const pick = given?.pick ?? "";
    let choice: MemberListChoice;
    if (!given || pick === "" || pick === "none") choice = { pick: "none" };
    else if (pick === "new") choice = { pick: "new", institution: proposedInstitution(index, given, errors) };
    else if (row.candidates.some((c) => c.id === pick)) choice = { pick: "institution", institutionId: pick };
    else throw new ValidationError(NOT_THIS_LIST);
    return { ...row, choice };
  });
}

/** Each kept row's membership values, checked as the membership form checks them; failures go to `errors`. */
function planRows(
  rows: MemberListRow[],
  draft: Parameters<typeof statedFacts>[1] & { sourceUrl: string; sourceTitle: string | null },
  locale: Locale,
  errors: FieldErrors,
): Planned[] {
  const planned: Planned[] = [];
  rows.forEach((row, index) => {
    if (row.choice.pick === "none") return;
    const facts = statedFacts(row, draft);
    const values = membershipValuesSchema.safeParse(
      {
        role: facts.role,
        status: "ACTIVE",
        joined: facts.joinedText ?? "",
        ended: "",
        notes: "",
        sourceUrl: draft.sourceUrl,
        sourceTitle: draft.sourceTitle ?? "",
        sourceQuote: row.text.slice(0, QUOTE_MAX),
      },
      formParseOptions,
    );
    if (!values.success) {
      for (const issue of values.error.issues)
        addFieldError(errors, `rows.${index}.pick`, issueMessage(issue, locale, "reviewMemberList"));
      return;
    }
    planned.push({ index, row, values: values.data });
  });
  return planned;
}

/**
 * Rows that would stop the batch: two rows about one institution, an institution with a request of this
 * organization waiting, a new institution the registry has by that name and country. Three queries for the list.
 */
async function flagBlockedRows(organizationId: string, planned: Planned[], errors: FieldErrors) {
  const chosen = planned.flatMap((p) => (p.row.choice.pick === "institution" ? [p.row.choice.institutionId] : []));
  const pending = await db().changeRequest.findMany({
    where: { organizationId, side: "ORGANIZATION", status: "PENDING", institutionId: { in: chosen } },
    select: { institutionId: true },
  });
  const waiting = new Set(pending.map((r) => r.institutionId));
  const proposals = planned.flatMap((p) => (p.row.choice.pick === "new" ? [p.row.choice.institution] : []));
  // Each proposed name folded as the registry's names are, and whether one of them is in that country already.
  const checked = proposals.length
    ? await db().$queryRaw<{ f: string; known: boolean }[]>`
        SELECT atlas_fold(x) AS f, EXISTS (
          SELECT 1 FROM "InstitutionName" n JOIN "Institution" i ON i.id = n."institutionId"
          WHERE atlas_fold(n.name) = atlas_fold(x) AND i.country = c) AS known
        FROM unnest(${proposals.map((i) => i.nameEn)}::text[], ${proposals.map((i) => i.country)}::text[])
          WITH ORDINALITY u(x, c, o)
        ORDER BY o`
    : [];
  const seen = new Set<string>();
  let proposal = 0;
  for (const p of planned) {
    const check = p.row.choice.pick === "new" ? checked[proposal++] : undefined;
    const key =
      p.row.choice.pick === "institution"
        ? p.row.choice.institutionId
        : `new:${check?.f}|${p.row.choice.pick === "new" ? p.row.choice.institution.country : ""}`;
    const at = `rows.${p.index}.pick`;
    if (p.row.choice.pick === "institution" && waiting.has(p.row.choice.institutionId))
      addFieldError(errors, at, "A change to this member is already waiting for review.");
    if (check?.known)
      addFieldError(errors, at, "The registry has an institution of this name in this country: choose it instead.");
    if (seen.has(key)) addFieldError(errors, at, "Another kept row is about the same institution: keep one of them.");
    seen.add(key);
  }
}

/** A row's request: the organization states an institution as its member, or proposes a new institution as one. */
async function proposeRow(tx: Tx, secretariat: Actor & { organizationId: string }, p: Planned, reason: string) {
  const choice = p.row.choice;
  if (choice.pick === "institution")
    return proposeOrganizationMember(
      secretariat,
      { institutionId: choice.institutionId, reason, values: p.values },
      tx,
      { tellAdmins: false },
    );
  if (choice.pick !== "new") throw new Error("A row left out is never proposed.");
  const membership: MembershipSnapshot = snapshotFromValues(p.values);
  return createRequestTellingAdmins(tx, {
    data: {
      kind: "INSTITUTION_CREATE",
      side: "ORGANIZATION",
      institutionId: null,
      organizationId: secretariat.organizationId,
      proposed: { ...choice.institution, membership } as unknown as Prisma.InputJsonValue,
      reason,
      proposedById: secretariat.id,
    },
    select: { id: true, kind: true, status: true },
    tellAdmins: false,
  });
}

/**
 * The secretariat keeps its choices for the rows of a draft (the preview re-rendered without JavaScript shows
 * them), and with intent "send" sends the kept rows for review: all or nothing.
 */
export async function reviewMemberList(actor: Actor | null, input: ReviewMemberListInput, locale: Locale = "en") {
  const secretariat = requireSecretariat(actor);
  const draft = await loadOwnDraft(secretariat.organizationId, input.draftId);
  if (draft.sentAt) throw new ValidationError(ALREADY_SENT);
  const errors: FieldErrors = {};
  const rows = withChoices(draft.rows, input, errors);
  // The choices are the person's work: kept even when the list cannot be sent yet (nothing public changes).
  await db().memberListDraft.updateMany({
    where: { id: draft.id, sentAt: null },
    data: { rows: rows as unknown as Prisma.InputJsonValue },
  });
  if (input.intent === "save") {
    if (Object.keys(errors).length) throw new ValidationError("Some rows need attention; nothing was sent.", errors);
    return { sent: false as const };
  }
  const planned = planRows(rows, draft, locale, errors);
  await flagBlockedRows(secretariat.organizationId, planned, errors);
  if (Object.keys(errors).length) throw new ValidationError("Some rows need attention; nothing was sent.", errors);
  if (!planned.length) throw new ValidationError("Keep at least one row to send.");
  // The person's note for the reviewers, else where the list comes from.
  const reason = input.reason ?? `Member list from ${draft.sourceUrl}`;
  const created = await db().$transaction(
    async (tx) => {
      // Claimed first: of two sendings of one draft at once, the second waits here, then stops.
      const claimed = await tx.memberListDraft.updateMany({
        where: { id: draft.id, sentAt: null },
        data: { sentAt: new Date() },
      });
      if (claimed.count === 0) throw new ValidationError(ALREADY_SENT);
      let requests = 0;
      let firstRequestId: string | null = null;
      for (const p of planned) {
        try {
          const request = await proposeRow(tx, secretariat, p, reason);
          firstRequestId ??= request.id;
          requests += 1;
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          throw new ValidationError(`Line ${p.row.line} (${p.row.name}) could not be sent; nothing was sent.`, {
            [`rows.${p.index}.pick`]: [error.message],
          });
        }
      }
      // The admins are told once of the list, not once a row.
      if (firstRequestId)
        await tellAdminsOfList(tx, {
          firstRequestId,
          proposer: { id: secretariat.id, name: secretariat.name },
          organizationId: secretariat.organizationId,
          count: requests,
        });
      return requests;
    },
    { timeout: 180_000, maxWait: 10_000 },
  );
  return {
    sent: true as const,
    requests: created,
    newInstitutions: planned.filter((p) => p.row.choice.pick === "new").length,
  };
}
