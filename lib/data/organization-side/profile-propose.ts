import "server-only";
// An organization's secretariat proposes changes to its own organization's profile (issue 16): names and former
// names, founders with their roles, declared counts, introduction, website, each changed fact resting on the source
// the proposal cites. Like a university's profile change it waits for an admin (decide.ts → profile-apply.ts), is
// based on the organization's version, and only one may wait at a time. The organization is always the account's
// own: no input names it, so no secretariat (and no university's staff) can propose another's.
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { NotFoundError, StaleVersionError, ValidationError } from "../../shared/errors";
import { citationErrors } from "../../shared/fact-sources";
import { pickName } from "../../shared/names";
import type { ProfileCitation } from "../../validation/institutions";
import type {
  FormerName,
  FounderEntry,
  OrganizationSideProfile,
  OrganizationSideProfileInput,
} from "../../validation/organization-profile";
import { requireSecretariat } from "../guards";
import { createRequestTellingAdmins } from "../change-requests/admin-notices";
import { citedFor } from "../change-requests/profile-sources";
import { assertNoPending } from "../change-requests/propose";
import { resolveRecordChoice } from "../search/suggest";
import {
  changedOrganizationFacts,
  currentOrganizationCitations,
  organizationProfileOf,
  organizationSideProfileSelect,
} from "./profile-values";

const NOT_SECRETARIAT = "Only an organization's secretariat proposes changes to its profile.";

/** The form's view of the account's own organization: its profile now, and its pending change if one waits. */
export async function getOwnOrganizationProfile(actor: Actor | null, locale: Locale) {
  const secretariat = requireSecretariat(actor, NOT_SECRETARIAT, "read");
  const o = await db().organization.findUnique({
    where: { id: secretariat.organizationId },
    select: {
      ...organizationSideProfileSelect,
      changeRequests: {
        where: { status: "PENDING", kind: "ORGANIZATION_UPDATE", side: "ORGANIZATION" },
        select: { id: true },
      },
    },
  });
  if (!o) throw new NotFoundError("No such organization.");
  return {
    slug: o.slug,
    version: o.version,
    values: organizationProfileOf(o),
    // The picker shows each founder by its name in the page's language, and carries its slug.
    founders: o.founders.map((f) => ({
      slug: f.institution.slug,
      name: pickName(f.institution.names, locale).name,
      role: f.role,
    })),
    pendingId: o.changeRequests[0]?.id ?? null,
  };
}

const fail = (field: string, message: string): never => {
  throw new ValidationError(message, { [field]: [message] });
};

const institutionSelect = { id: true, names: { select: { locale: true, name: true, kind: true } } } as const;
const fold = (text: string) => text.trim().replace(/\s+/g, " ").toLowerCase();

/**
 * A founder row's institution: the one chosen from the list while its text is still one of that institution's names
 * (a current founder as the form shows it: no search needed), else the typed name resolved as the pickers do.
 */
async function founderInstitution(
  row: OrganizationSideProfileInput["founders"][number],
  field: string,
  locale: Locale,
) {
  const chosen = row.institutionSlug
    ? await db().institution.findUnique({ where: { slug: row.institutionSlug }, select: institutionSelect })
    : null;
  if (chosen && (!row.institution || chosen.names.some((n) => fold(n.name) === fold(row.institution)))) return chosen;
  const slug = await resolveRecordChoice(
    "institution",
    { slug: row.institutionSlug, text: row.institution },
    locale,
    field,
  );
  return db().institution.findUnique({ where: { slug }, select: institutionSelect });
}

/** Each founder row's institution, as chosen from the list or typed (resolved by name without JavaScript). */
async function resolveFounders(rows: OrganizationSideProfileInput["founders"], locale: Locale) {
  const founders: FounderEntry[] = [];
  for (const [i, row] of rows.entries()) {
    const field = `values.founders.${i}.institution`;
    const institution = await founderInstitution(row, field, locale);
    if (!institution) return fail(field, "Choose an institution from the list.");
    if (founders.some((f) => f.institutionId === institution.id && f.role === row.role))
      return fail(field, "This founder is listed twice with the same role.");
    founders.push({ institutionId: institution.id, name: pickName(institution.names, "en").name, role: row.role });
  }
  return founders;
}

const key = (n: { locale: string; name: string }) => `${n.locale}:${n.name.toLowerCase()}`;

/**
 * The former names as they will be kept: none twice, none the official name; and a changed official name kept as a
 * former one (what the organization was called stays findable), unless the proposal lists it already.
 */
function formerNamesOf(before: OrganizationSideProfile, after: OrganizationSideProfileInput): FormerName[] {
  const formers = [...after.formerNames];
  const officialNow = [
    { locale: "en" as const, name: after.nameEn },
    ...(after.nameZh ? [{ locale: "zh" as const, name: after.nameZh }] : []),
  ];
  formers.forEach((n, i) => {
    if (formers.findIndex((m) => key(m) === key(n)) !== i)
      fail(`values.formerNames.${i}.name`, "This former name is listed twice.");
    if (officialNow.some((o) => key(o) === key(n)))
      fail(`values.formerNames.${i}.name`, "A former name cannot be the current official name.");
  });
  for (const [locale, old, now] of [
    ["en", before.nameEn, after.nameEn],
    ["zh", before.nameZh, after.nameZh],
  ] as const) {
    const renamed = old && now && old !== now;
    if (renamed && !formers.some((n) => key(n) === key({ locale, name: old })))
      formers.push({ locale, name: old, validUntil: null });
  }
  return formers;
}

function assertCountsDistinct(counts: OrganizationSideProfileInput["declaredCounts"]) {
  const seen = counts.map((c) => JSON.stringify([c.subject, c.qualifier, c.value, c.asOf?.iso ?? null]));
  seen.forEach((s, i) => {
    if (seen.indexOf(s) !== i) fail(`values.declaredCounts.${i}.value`, "This count is listed twice.");
  });
}

/**
 * A secretariat member (manager or editor): propose new values for their own organization's profile, based on the
 * version they read. Refused: a stale version, nothing changed, a changed fact without a source and passage of its
 * own, a profile change already waiting.
 */
export async function proposeOrganizationUpdate(
  actor: Actor | null,
  input: {
    baseVersion: number;
    reason: string | null;
    values: OrganizationSideProfileInput;
    source: ProfileCitation;
  },
  locale: Locale = "en",
) {
  const secretariat = requireSecretariat(actor, NOT_SECRETARIAT);
  const organizationId = secretariat.organizationId;
  const current = await db().organization.findUnique({
    where: { id: organizationId },
    select: organizationSideProfileSelect,
  });
  if (!current) throw new NotFoundError("No such organization.");
  if (current.version !== input.baseVersion)
    throw new StaleVersionError(
      "Your organization's profile changed since you opened it. Reload the page, then propose again.",
    );
  const before = organizationProfileOf(current);
  assertCountsDistinct(input.values.declaredCounts);
  const after: OrganizationSideProfile = {
    ...input.values,
    formerNames: formerNamesOf(before, input.values),
    founders: await resolveFounders(input.values.founders, locale),
  };
  const changed = changedOrganizationFacts(before, after);
  if (!changed.length) throw new ValidationError("Nothing changed: edit at least one field.");
  const errors = citationErrors(
    true,
    input.source,
    changed.flatMap((f) => currentOrganizationCitations(current, f)),
  );
  if (Object.keys(errors).length) {
    const fieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [`source.${k}`, v]));
    throw new ValidationError(Object.values(errors)[0]![0]!, fieldErrors);
  }
  await assertNoPending(db(), { organizationId, kind: "ORGANIZATION_UPDATE" }, "ORGANIZATION");
  return createRequestTellingAdmins(db(), {
    data: {
      kind: "ORGANIZATION_UPDATE",
      side: "ORGANIZATION",
      institutionId: null,
      organizationId,
      baseVersion: current.version,
      before,
      proposed: { ...after, ...citedFor(input.source) },
      reason: input.reason,
      proposedById: secretariat.id,
    },
    select: { id: true, kind: true, status: true },
  });
}
