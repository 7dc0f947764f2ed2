import "server-only";
import type { Locale } from "@/i18n/routing";
import { db } from "../db";
import { pickName } from "../../shared/names";
import { domainSuffixes, emailDomain, isFreeMailDomain } from "../../shared/email-domains";

export type EmailInstitution =
  | { kind: "institution"; domain: string; institution: { id: string; slug: string; name: string } }
  | { kind: "students"; domain: string; institution: { id: string; slug: string; name: string } }
  | { kind: "free-mail"; domain: string }
  | { kind: "unknown"; domain: string }
  | { kind: "invalid" };

/**
 * Whose staff an address can belong to: the institution one of whose email domains is the address's domain or a
 * domain it sits under, the longest listed domain winning (hilo.hawaii.edu is the University of Hawaii at Hilo's,
 * not the University of Hawaii System's). A students' or alumni's domain, a free mail service and a domain no
 * institution lists are told apart so that the person is told which. Public data only: no user is read.
 */
export async function institutionForEmail(email: string, locale: Locale): Promise<EmailInstitution> {
  const domain = emailDomain(email);
  if (!domain) return { kind: "invalid" };
  if (isFreeMailDomain(domain)) return { kind: "free-mail", domain };
  const suffixes = domainSuffixes(domain);
  const rows = await db().institution.findMany({
    where: { OR: [{ emailDomains: { hasSome: suffixes } }, { nonStaffDomains: { hasSome: suffixes } }] },
    select: {
      id: true,
      slug: true,
      emailDomains: true,
      nonStaffDomains: true,
      names: { select: { locale: true, name: true, kind: true } },
    },
  });
  let best: { length: number; students: boolean; row: (typeof rows)[number]; matched: string } | null = null;
  for (const row of rows) {
    for (const [list, students] of [
      [row.emailDomains, false],
      [row.nonStaffDomains, true],
    ] as const) {
      for (const d of list) {
        if (suffixes.includes(d) && (!best || d.length > best.length))
          best = { length: d.length, students, row, matched: d };
      }
    }
  }
  if (!best) return { kind: "unknown", domain };
  const institution = { id: best.row.id, slug: best.row.slug, name: pickName(best.row.names, locale).name };
  return { kind: best.students ? "students" : "institution", domain: best.matched, institution };
}
