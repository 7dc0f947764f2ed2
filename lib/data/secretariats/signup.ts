import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { NotFoundError, ValidationError } from "../../shared/errors";
import { pickName } from "../../shared/names";
import { normalizeEmail } from "../accounts/sessions";
import { assertSignupLinksReach, refusal, startSignup } from "../accounts/signup";
import type { Later } from "../accounts/password-reset";
import { institutionForEmail } from "../accounts/institution-for-email";

// A person of an organization's secretariat signs up from the organization's page: the organization is the page's,
// the address any work address (a secretariat's may be the organization's own domain, a host university's or none of
// either), and what the address proves is decided when the claim is read (claims.ts, secretariatAddress): an address
// at one of the organization's own domains lets its managers approve; any other waits for an admin.

const FREE_MAIL =
  "Sign up with your work address at the organization's secretariat: addresses of free mail services are not accepted.";

/** The organization a secretariat sign-up page is for (public: its name in the page's language). */
export async function getSecretariatSignupTarget(organizationSlug: string, locale: Locale) {
  const organization = await db().organization.findUnique({
    where: { slug: organizationSlug },
    select: {
      slug: true,
      acronym: true,
      names: { select: { locale: true, name: true, kind: true, validUntil: true } },
    },
  });
  if (!organization) throw new NotFoundError("No such organization.");
  return { slug: organization.slug, acronym: organization.acronym, name: pickName(organization.names, locale).name };
}

/**
 * Anyone: sign up for an organization's secretariat with a name and a work address. Refused, with the reason, for an
 * address that is none, a free mail service's or a students' one; otherwise the university sign-up's machinery
 * (signup.ts startSignup): its limits, its answer that is the same whether or not the address has an account, and its
 * single-use link that sets the password. The account is pending, of the organization, of no institution.
 */
export async function requestSecretariatSignup(
  input: { organizationSlug: string; email: string; name: string; locale: Locale; clientAddress: string },
  later: Later,
) {
  assertSignupLinksReach();
  const organization = await db().organization.findUnique({
    where: { slug: input.organizationSlug },
    select: { id: true },
  });
  if (!organization) throw new NotFoundError("No such organization.");
  const email = normalizeEmail(input.email);
  // Public data only: the refusal says nothing about accounts, and a refused address counts against no limit.
  const found = await institutionForEmail(email, input.locale);
  if (found.kind === "invalid") throw refusal("invalid");
  if (found.kind === "free-mail") throw new ValidationError(FREE_MAIL, { email: [FREE_MAIL] });
  if (found.kind === "students") throw refusal("students");
  await startSignup({ ...input, email, side: { organizationId: organization.id } }, later);
}
