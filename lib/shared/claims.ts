// Client-safe: what a decision on a sign-up did, as the claims lists' pages say it after the decision (?done=…).

export const CLAIM_OUTCOMES = {
  manager: "claimApprovedManager",
  editor: "claimApprovedEditor",
  rejected: "claimRejected",
  "secretariat-manager": "secretariatClaimApprovedManager",
  "secretariat-editor": "secretariatClaimApprovedEditor",
} as const;

export type ClaimOutcome = keyof typeof CLAIM_OUTCOMES;

/** The message (under validation.answers) for a page's `done` parameter, or null when it names no outcome. */
export function claimOutcomeMessage(done: unknown) {
  return typeof done === "string" && Object.hasOwn(CLAIM_OUTCOMES, done) ? CLAIM_OUTCOMES[done as ClaimOutcome] : null;
}

/**
 * A verified sign-up as the claims lists show it (lib/data/accounts/claims.ts): a university's staff member, with the
 * domain that matched their institution; or an organization's secretariat member, with what their address proves
 * (`address`: at the organization's own domain, at an institution's, or at neither) and so who may approve them.
 */
export type ClaimView = {
  id: string;
  name: string;
  email: string;
  /** When the sign-up link was used (the address proved); null if the account's password came another way. */
  verifiedAt: string | null;
  /** Whether the institution or organization has managers: the first one is approved as manager, by an admin. */
  hasManagers: boolean;
} & (
  | {
      side: "institution";
      /** The address's domain, and the listed domain of the institution it matched (the same, or one above it). */
      domain: string;
      matchedDomain: string | null;
      institution: { slug: string; name: string };
    }
  | {
      side: "organization";
      organization: { slug: string; name: string };
      address:
        | { kind: "own"; domain: string }
        | { kind: "shared"; domain: string; institution: { slug: string; name: string } }
        | { kind: "other"; domain: string };
    }
);
