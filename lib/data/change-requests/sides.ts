import "server-only";
import { pickName } from "../../shared/names";

// A change request is a statement of one side (ChangeSide): a university's about itself, which always names the
// institution, or an organization's secretariat's, which may name none (its profile, a proposed new institution).
// Code that handles the institution's side reads its institution through here, so a request of the other side
// that reached it is a loud error, never a silent "—".

/** The institution an institution-side request belongs to (the migration secretariats guarantees there is one). */
export function ownInstitution<T>(institution: T | null, requestId: string): T {
  if (institution === null) throw new Error(`Change request ${requestId} names no institution: not an institution's.`);
  return institution;
}

/** The organization of an organization-side request (the migration secretariats guarantees there is one). */
export function ownOrganization<T>(organization: T | null, requestId: string): T {
  if (organization === null)
    throw new Error(`Change request ${requestId} names no organization: not an organization's.`);
  return organization;
}

type Named = { names: { locale: string; name: string; kind: "OFFICIAL" | "ALTERNATE" | "FORMER" }[] };

/**
 * The names a notice about a request uses, of either side: its institution (the proposer's own, or the member an
 * organization states) and its organization; a proposed new record's name stands in for the record it would make
 * (a new organization's, or a new institution's when a secretariat's member list names one the registry lacks).
 */
export function requestNames(
  r: { kind: string; proposed: unknown; institution: Named | null; organization: Named | null },
  locale: "en" | "zh",
): { institution: string; organization: string } {
  const proposed = (r.proposed as { nameEn?: unknown; nameZh?: unknown } | null) ?? {};
  const proposedName = String((locale === "zh" && proposed.nameZh) || proposed.nameEn || "—");
  const proposesInstitution = r.kind === "INSTITUTION_CREATE";
  return {
    institution: r.institution ? pickName(r.institution.names, locale).name : proposesInstitution ? proposedName : "—",
    organization: r.organization
      ? pickName(r.organization.names, locale).name
      : proposesInstitution
        ? "—"
        : proposedName,
  };
}
