// Yearly re-confirmation: an entry its institution has not confirmed for this long is flagged to its staff.
export const RECONFIRM_AFTER_DAYS = 365;

export function needsConfirmation(confirmedAt: Date | null, now = new Date()): boolean {
  return !confirmedAt || now.getTime() - confirmedAt.getTime() > RECONFIRM_AFTER_DAYS * 86_400_000;
}
