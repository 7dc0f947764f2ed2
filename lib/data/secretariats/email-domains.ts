import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { recordAudit } from "../audit";
import { requireAdmin } from "../guards";
import type { Actor } from "../../shared/actor";
import { NotFoundError, ValidationError } from "../../shared/errors";
import { domainSuffixes, emailDomain, isFreeMailDomain } from "../../shared/email-domains";
import { institutionForEmail } from "../accounts/institution-for-email";

// An organization's own email domains: an address at one of them proves that its holder works for the organization's
// secretariat, as a university's staff domain proves a staff member. Unless an institution lists the domain too: a
// secretariat hosted by a member university (UASR's, at Xi'an Jiaotong University) shares the university's domain,
// and an address there proves no more than that the person is at the university, so an admin decides.

/** Domains an organization may list: enough for its secretariat's and its projects' addresses. */
export const MAX_ORGANIZATION_DOMAINS = 20;

/** What an address says about its holder's tie to an organization's secretariat. */
export type SecretariatAddress =
  /** At one of the organization's own domains (or under one), which no institution lists: the address verifies. */
  | { kind: "own"; domain: string }
  /** At a domain an institution lists (a member university's, as UASR's secretariat at xjtu.edu.cn): proves nothing. */
  | { kind: "shared"; domain: string; institution: { slug: string; name: string } }
  /** At none of the organization's domains (or it has none): proves the mailbox only. */
  | { kind: "other"; domain: string };

/**
 * How an address stands for the organization whose domains are `emailDomains`. An institution's domain wins over the
 * organization's own: an address a university hands out never verifies a secretariat on its own. Public data only.
 */
export async function secretariatAddress(
  email: string,
  emailDomains: readonly string[],
  locale: Locale,
): Promise<SecretariatAddress | null> {
  const domain = emailDomain(email);
  if (!domain) return null;
  const found = await institutionForEmail(email, locale);
  if (found.kind === "institution" || found.kind === "students")
    return { kind: "shared", domain, institution: { slug: found.institution.slug, name: found.institution.name } };
  const suffixes = domainSuffixes(domain);
  const own = emailDomains.filter((d) => suffixes.includes(d)).sort((a, b) => b.length - a.length)[0];
  return own ? { kind: "own", domain: own } : { kind: "other", domain };
}

/** An organization's own domains, each with the institution that lists it too (the form marks it as shared). */
export async function listOrganizationEmailDomains(actor: Actor | null, organizationSlug: string, locale: Locale) {
  requireAdmin(actor, "Only admins set an organization's email domains.");
  const organization = await db().organization.findUnique({
    where: { slug: organizationSlug },
    select: { emailDomains: true },
  });
  if (!organization) throw new NotFoundError("No such organization.");
  return Promise.all(
    organization.emailDomains.map(async (domain) => {
      const found = await institutionForEmail(`secretariat@${domain}`, locale);
      const sharedWith = found.kind === "institution" || found.kind === "students" ? found.institution.name : null;
      return { domain, sharedWith };
    }),
  );
}

const DOMAINS_FIELD = "domains";

/** The domains typed (one a line, or separated by commas or spaces), lower case, each once; refused with the reason. */
export function parseOrganizationDomains(text: string): string[] {
  const typed = text
    .split(/[\s,;]+/)
    .map((d) => d.trim().toLowerCase().replace(/^@/, ""))
    .filter(Boolean);
  const domains: string[] = [];
  for (const typedDomain of typed) {
    const domain = emailDomain(`secretariat@${typedDomain}`);
    if (!domain || domain !== typedDomain) {
      const message = `${typedDomain.slice(0, 80)} is not a domain: write it as in an email address, e.g. uasr.org.`;
      throw new ValidationError(message, { [DOMAINS_FIELD]: [message] });
    }
    if (isFreeMailDomain(domain)) {
      const message = `${domain} is a free mail service: anyone can have an address there.`;
      throw new ValidationError(message, { [DOMAINS_FIELD]: [message] });
    }
    if (!domains.includes(domain)) domains.push(domain);
  }
  if (domains.length > MAX_ORGANIZATION_DOMAINS) {
    const message = "List at most 20 domains.";
    throw new ValidationError(message, { [DOMAINS_FIELD]: [message] });
  }
  return domains;
}

/**
 * Admins: set an organization's own email domains (the whole list; empty clears it). A domain an institution lists is
 * accepted (the secretariat's addresses are there) but never verifies on its own (secretariatAddress). Audited.
 */
export async function setOrganizationEmailDomains(
  actor: Actor | null,
  input: { organizationSlug: string; domains: string },
) {
  const admin = requireAdmin(actor, "Only admins set an organization's email domains.");
  const domains = parseOrganizationDomains(input.domains);
  await db().$transaction(async (tx) => {
    const current = await tx.organization.findUnique({
      where: { slug: input.organizationSlug },
      select: { id: true, emailDomains: true },
    });
    if (!current) throw new NotFoundError("No such organization.");
    if (current.emailDomains.join(" ") === domains.join(" ")) return;
    await tx.organization.update({ where: { id: current.id }, data: { emailDomains: domains } });
    await recordAudit(tx, {
      event: "organization.email-domains",
      entityId: current.id,
      actorId: admin.id,
      before: { emailDomains: current.emailDomains },
      after: { emailDomains: domains },
    });
  });
  return { domains };
}
