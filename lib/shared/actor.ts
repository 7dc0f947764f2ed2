/** The signed-in person a data function acts for; null is an anonymous visitor. */
export type Actor = {
  id: string;
  email: string;
  name: string;
  role: "ADMIN" | "STAFF";
  institutionId: string | null;
  /**
   * For an organization's secretariat: the organization whose side they keep (lib/data/secretariats). A person is
   * on one side only, so at most one of institutionId and organizationId is set. Absent reads as null.
   */
  organizationId?: string | null;
  /** For staff: MANAGER or EDITOR; null for admins, and for staff who signed up and wait for approval (pending). */
  staffRole: "MANAGER" | "EDITOR" | null;
  /**
   * For staff: when their address must be confirmed again by (lib/shared/address-reverification.ts). Every session
   * carries it (loadSessionUser); null for admins, whose accounts are made from the server's shell.
   */
  addressDueAt?: Date | null;
};
