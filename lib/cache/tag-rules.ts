import "server-only";
import { tags } from "./read-cache";

// Which cached reads a committed change makes stale: one rule per kind of change, so every write of that
// kind expires the same tags (the lists, the record's own page, and `pages` where other records' pages name it).

/** A new institution. Its address may have been asked for before it existed: that "not found" is cached too. */
export function institutionCreatedTags(slug: string): string[] {
  return [tags.institutions, tags.institution(slug), tags.registry];
}

/** A new organization, added by an admin outside any proposal. */
export function organizationCreatedTags(slug: string): string[] {
  return [tags.organizations, tags.organization(slug), tags.registry, tags.pages];
}

/** An organization's profile edited: its name and kind show in institutions' pages and lists too. */
export function organizationEditedTags(slug: string): string[] {
  return [tags.organizations, tags.organization(slug), tags.registry, tags.institutions, tags.pages];
}

/** A membership confirmed by the institution or by the organization: both sides' pages and lists show it. */
export function membershipConfirmedTags(slugs: { organization: string; institution: string }): string[] {
  return [
    tags.organization(slugs.organization),
    tags.institution(slugs.institution),
    tags.organizations,
    tags.institutions,
  ];
}

/**
 * An approved change request, or an admin's direct edit of an institution: the records it touched (null when
 * none, or gone), every list, and every page, since pages name their members and founders.
 */
export function changeAppliedTags(slugs: { institution: string | null; organization: string | null }): string[] {
  return [
    tags.registry,
    tags.organizations,
    tags.institutions,
    tags.pages,
    ...(slugs.institution ? [tags.institution(slugs.institution)] : []),
    ...(slugs.organization ? [tags.organization(slugs.organization)] : []),
  ];
}
