import type { MembershipRoleValue } from "../vocabulary";
import type { ParsedMember } from "../member-list";

/** An institution a row of a member list may mean: the name of it that matched, and how alike (1: the same). */
export type MemberListCandidate = { id: string; slug: string; country: string; matchedName: string; score: number };

/** What matching made of a row: one confident candidate, several to choose from, or none. */
export type MemberListMatch = {
  status: "MATCHED" | "AMBIGUOUS" | "UNMATCHED";
  candidates: MemberListCandidate[];
};

/** A new institution a secretariat proposes for a row the registry does not know. */
export type ProposedInstitution = { nameEn: string; nameZh: string | null; country: string; website: string | null };

/**
 * The person's choice for a row: an institution (a candidate's id), a new institution, or nothing (left out).
 * Rows start with their confident match chosen, every other row left out.
 */
export type MemberListChoice =
  | { pick: "none" }
  | { pick: "institution"; institutionId: string }
  | { pick: "new"; institution: ProposedInstitution };

/** A row of a member-list draft (MemberListDraft.rows). */
export type MemberListRow = ParsedMember & MemberListMatch & { choice: MemberListChoice };

/** A row as the preview shows it, with what the registry says about its chosen or only candidate. */
export type MemberListPreviewRow = Omit<MemberListRow, "candidates" | "role"> & {
  index: number;
  candidates: (MemberListCandidate & { name: string; href: string })[];
  /** The role and joined date the row's request would state: the row's own, else the upload's defaults. */
  role: MembershipRoleValue;
  joinedText: string | null;
  /** The candidate is already the organization's member with these very facts: nothing to change. */
  alreadyListed: string[];
  /** Candidates with an organization-side request of this organization waiting for review. */
  pending: string[];
};
