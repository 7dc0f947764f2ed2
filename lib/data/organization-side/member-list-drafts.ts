import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError } from "../../shared/errors";
import { fromStoredDate, parsePartialDate } from "../../shared/dates";
import { pickName } from "../../shared/names";
import { MEMBER_LIST_MAX_ROWS, parseMemberList } from "../../shared/member-list";
import type { MemberListChoice, MemberListPreviewRow, MemberListRow } from "../../shared/types/member-list";
import type { MembershipRoleValue } from "../../shared/vocabulary";
import type { PreviewMemberListInput } from "../../validation/member-list";
import { requireSecretariat } from "../guards";
import { matchMemberList } from "./member-list-match";

// A secretariat's member-list upload (issue 16), before anything is proposed: the list read and matched into a draft
// owned by the organization and the account that uploaded it, which the person reviews and sends
// (member-list-send.ts). Nothing public changes here.

const NO_MEMBERS = "No members were found in this list: paste one member per line, or a CSV with a name column.";

/** A row's first choice: its confident match, else nothing until the person chooses. */
const NONE: MemberListChoice = { pick: "none" };
const firstChoice = (status: MemberListRow["status"], candidateId: string | undefined): MemberListChoice =>
  status === "MATCHED" && candidateId ? { pick: "institution", institutionId: candidateId } : NONE;

/** Reads and matches an uploaded list into a draft of the secretariat's own organization. Nothing is proposed yet. */
export async function previewMemberList(actor: Actor | null, input: PreviewMemberListInput) {
  const secretariat = requireSecretariat(actor);
  const parsed = parseMemberList(input.text);
  if (!parsed.members.length) throw new ValidationError(NO_MEMBERS, { text: [NO_MEMBERS] });
  if (parsed.members.length > MEMBER_LIST_MAX_ROWS)
    throw new ValidationError(
      `This list has ${parsed.members.length} rows: at most 2000 can be sent at once. Send it in parts.`,
    );
  const matches = await matchMemberList(parsed.members);
  const defaults = { defaultRole: input.defaultRole, defaultJoined: input.defaultJoined?.iso ?? null };
  const matchedIds = matches.flatMap((m) => (m.status === "MATCHED" ? [m.candidates[0]!.id] : []));
  const states = await membershipStates(secretariat.organizationId, matchedIds);
  const rows: MemberListRow[] = parsed.members.map((m, i) => {
    const match = matches[i]!;
    const row = { ...m, ...match, choice: firstChoice(match.status, match.candidates[0]?.id) };
    // A member already listed with the very facts the row states starts left out: sending it would change nothing.
    const id = match.status === "MATCHED" ? match.candidates[0]!.id : null;
    return id && isListedAlike(states.listed.get(id), statedFacts(row, defaults)) ? { ...row, choice: NONE } : row;
  });
  const draft = await db().memberListDraft.create({
    data: {
      organizationId: secretariat.organizationId,
      createdById: secretariat.id,
      sourceUrl: input.sourceUrl,
      sourceTitle: input.sourceTitle,
      ...defaults,
      rows: rows as unknown as Prisma.InputJsonValue,
    },
    select: { id: true },
  });
  const count = (status: MemberListRow["status"]) => rows.filter((r) => r.status === status).length;
  return {
    id: draft.id,
    matched: count("MATCHED"),
    ambiguous: count("AMBIGUOUS"),
    unmatched: count("UNMATCHED"),
    problems: parsed.problems,
  };
}

/** The draft of the secretariat's own organization, or NotFound (another organization's is no different). */
export async function loadOwnDraft(organizationId: string, draftId: string) {
  const draft = await db().memberListDraft.findFirst({
    where: { id: draftId, organizationId },
    select: {
      id: true,
      organizationId: true,
      sourceUrl: true,
      sourceTitle: true,
      defaultRole: true,
      defaultJoined: true,
      rows: true,
      sentAt: true,
      createdAt: true,
    },
  });
  if (!draft) throw new NotFoundError("No such member list of your organization.");
  return { ...draft, rows: draft.rows as unknown as MemberListRow[] };
}

/** What a row states: its own role and joined date, else the upload's. */
export function statedFacts(
  row: MemberListRow,
  draft: { defaultRole: MembershipRoleValue; defaultJoined: string | null },
): { role: MembershipRoleValue; joinedText: string | null } {
  return { role: row.role ?? draft.defaultRole, joinedText: row.joined ?? draft.defaultJoined };
}

/** The joined date a row states as ISO, or null when it gives none or one that cannot be read. */
function isoOf(text: string | null): string | null {
  try {
    return parsePartialDate(text)?.iso ?? null;
  } catch {
    return null;
  }
}

type Listed = { role: MembershipRoleValue; joined: { iso: string } | null };

/** The organization already lists the member with these facts (role and joined date at the same precision). */
function isListedAlike(listed: Listed | undefined, facts: { role: MembershipRoleValue; joinedText: string | null }) {
  return Boolean(listed && listed.role === facts.role && (listed.joined?.iso ?? null) === isoOf(facts.joinedText));
}

/**
 * For the preview: which candidates are already the organization's members with the facts the row states (nothing
 * to change), and which have an organization-side request of this organization waiting. Two queries for the list.
 */
async function membershipStates(organizationId: string, institutionIds: string[]) {
  const [memberships, pending] = await Promise.all([
    db().membership.findMany({
      where: { organizationId, institutionId: { in: institutionIds } },
      select: {
        institutionId: true,
        role: true,
        joinedOn: true,
        joinedPrecision: true,
        organizationRole: true,
        organizationJoinedOn: true,
        organizationJoinedPrecision: true,
      },
    }),
    db().changeRequest.findMany({
      where: { organizationId, side: "ORGANIZATION", status: "PENDING", institutionId: { in: institutionIds } },
      select: { institutionId: true },
    }),
  ]);
  // The organization's side as stated, else the entry as the registry has it.
  const listed = new Map<string, Listed>(
    memberships.map((m) => [
      m.institutionId,
      {
        role: m.organizationRole ?? m.role,
        joined: m.organizationJoinedOn
          ? fromStoredDate(m.organizationJoinedOn, m.organizationJoinedPrecision)
          : fromStoredDate(m.joinedOn, m.joinedPrecision),
      },
    ]),
  );
  return { listed, pending: new Set(pending.map((p) => p.institutionId)) };
}

/** A draft of the secretariat's organization as the preview shows it, candidates named in the reader's language. */
export async function getMemberListDraft(actor: Actor | null, draftId: string, locale: Locale) {
  const secretariat = requireSecretariat(actor, undefined, "read");
  const draft = await loadOwnDraft(secretariat.organizationId, draftId);
  const ids = [...new Set(draft.rows.flatMap((r) => r.candidates.map((c) => c.id)))];
  const [institutions, states] = await Promise.all([
    db().institution.findMany({
      where: { id: { in: ids } },
      select: { id: true, slug: true, names: { select: { locale: true, name: true, kind: true } } },
    }),
    membershipStates(secretariat.organizationId, ids),
  ]);
  const names = new Map(institutions.map((i) => [i.id, { slug: i.slug, name: pickName(i.names, locale).name }]));
  const rows: MemberListPreviewRow[] = draft.rows.map((row, index) => {
    const facts = statedFacts(row, draft);
    return {
      ...row,
      ...facts,
      index,
      candidates: row.candidates.map((c) => ({
        ...c,
        name: names.get(c.id)?.name ?? c.matchedName,
        href: `/institutions/${names.get(c.id)?.slug ?? c.slug}`,
      })),
      alreadyListed: row.candidates.filter((c) => isListedAlike(states.listed.get(c.id), facts)).map((c) => c.id),
      pending: row.candidates.filter((c) => states.pending.has(c.id)).map((c) => c.id),
    };
  });
  return { ...draft, rows };
}
