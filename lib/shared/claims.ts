// Client-safe: what a decision on a sign-up did, as the claims lists' pages say it after the decision (?done=…).

export const CLAIM_OUTCOMES = {
  manager: "claimApprovedManager",
  editor: "claimApprovedEditor",
  rejected: "claimRejected",
} as const;

export type ClaimOutcome = keyof typeof CLAIM_OUTCOMES;

/** The message (under validation.answers) for a page's `done` parameter, or null when it names no outcome. */
export function claimOutcomeMessage(done: unknown) {
  return typeof done === "string" && Object.hasOwn(CLAIM_OUTCOMES, done) ? CLAIM_OUTCOMES[done as ClaimOutcome] : null;
}
