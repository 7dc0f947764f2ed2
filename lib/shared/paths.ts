// Client-safe. The portal's private pages, as the addresses actions redirect to and pages link to: built here
// so that a route that moves is changed in one place.
import type { Locale } from "../../i18n/routing";

const segment = (value: string) => encodeURIComponent(value);

/** The signed-in dashboard; `imported` is how many changes an import just sent for review. */
export function accountPath(locale: Locale, query: { imported?: number } = {}): string {
  return `/${locale}/account${query.imported === undefined ? "" : `?imported=${query.imported}`}`;
}

/** One change request: its diff, comments and decision. */
export function changeRequestPath(locale: Locale, id: string): string {
  return `/${locale}/account/requests/${segment(id)}`;
}

/** An import draft, to review before sending. */
export function importDraftPath(locale: Locale, id: string): string {
  return `/${locale}/account/import/${segment(id)}`;
}

/** A secretariat's uploaded member list, to review before sending (and, once sent, what was sent). */
export function memberListDraftPath(locale: Locale, id: string): string {
  return `/${locale}/account/organization/upload/${segment(id)}`;
}

/** The sign-in page; `done` tells the person their new password is set. */
export function loginPath(locale: Locale, query: { done?: boolean } = {}): string {
  return `/${locale}/login${query.done ? "?done=1" : ""}`;
}

/** An institution's page in the admin area. */
export function adminInstitutionPath(locale: Locale, slug: string): string {
  return `/${locale}/admin/institutions/${segment(slug)}`;
}

/** An organization's page in the admin area. */
export function adminOrganizationPath(locale: Locale, slug: string): string {
  return `/${locale}/admin/organizations/${segment(slug)}`;
}

/** An institution's approved memberships with their sources, as the open data's CSV slice. */
export function institutionCsvPath(slug: string): string {
  return `/api/v1/export/institutions/${segment(slug)}.csv`;
}

/** A suggested correction's private status page: the token in the address is the only key to it. */
export function correctionStatusPath(locale: Locale, token: string): string {
  return `/${locale}/corrections/${segment(token)}`;
}

/** The form that suggests a correction of an organization's or an institution's page. */
export function correctionFormPath(locale: Locale, record: { kind: "organization" | "institution"; slug: string }) {
  const section = record.kind === "organization" ? "organizations" : "institutions";
  return `/${locale}/${section}/${segment(record.slug)}/correction`;
}

/** A watcher's confirmation link (double opt-in): a page whose button confirms. */
export function watchConfirmPath(locale: Locale, token: string): string {
  return `/${locale}/watch/confirm/${segment(token)}`;
}

/** A watcher's own page (what they watch, how often): the token in the address is the only key to it. */
export function watcherPagePath(locale: Locale, token: string): string {
  return `/${locale}/watch/${segment(token)}`;
}

/** The page with the button that stops every digest (a person's way; mail clients POST to watchUnsubscribeApiPath). */
export function watchUnsubscribePath(locale: Locale, token: string): string {
  return `/${locale}/watch/${segment(token)}/unsubscribe`;
}

/** RFC 8058's one-click address: a POST unsubscribes at once; a GET is sent to the page with the button. */
export function watchUnsubscribeApiPath(locale: Locale, token: string): string {
  return `/api/watch/unsubscribe/${segment(token)}?lang=${locale}`;
}
