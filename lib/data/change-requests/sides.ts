import "server-only";

// A change request is a statement of one side (ChangeSide): a university's about itself, which always names the
// institution, or an organization's secretariat's, which may name none (its profile, a proposed new institution).
// Code that handles the institution's side reads its institution through here, so a request of the other side
// that reached it is a loud error, never a silent "—".

/** The institution an institution-side request belongs to (the migration secretariats guarantees there is one). */
export function ownInstitution<T>(institution: T | null, requestId: string): T {
  if (institution === null) throw new Error(`Change request ${requestId} names no institution: not an institution's.`);
  return institution;
}
