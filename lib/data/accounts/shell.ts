import "server-only";
import type { Locale } from "@/i18n/routing";
import { z } from "zod";
import { db } from "../db";
import { ValidationError } from "../../shared/errors";
import { recordAudit } from "../audit";
import { normalizeEmail } from "./sessions";
import { INVITE_DAYS, issueLinkToken, passwordLink, RESET_MINUTES } from "./link-tokens";

// Account work done from the server's shell (scripts/admin.ts), not from a session: whoever can run these
// already holds DATABASE_URL, so the operator is the actor and the audit rows name no account.

const emailSchema = z.email("Give the admin's email address: --email you@example.org").max(254);

/**
 * Make `email` an admin: a new account, or an existing one given admin rights (and re-enabled; its open
 * sessions end). Returns a one-time link that sets its password: the only copy of the token, which is
 * stored hashed; nothing stored is ever printed.
 */
export async function createAdminFromShell(input: { email: string; name?: string }, locale: Locale = "en") {
  const parsed = emailSchema.safeParse(input.email?.trim());
  if (!parsed.success) throw new ValidationError(parsed.error.issues[0]?.message ?? "Invalid email address.");
  const email = normalizeEmail(parsed.data);
  const name = input.name?.trim() || email.split("@")[0]!;
  const existing = await db().user.findUnique({
    where: { email },
    select: { id: true, role: true, institutionId: true, disabledAt: true },
  });
  if (existing) {
    await db().$transaction([
      db().user.update({
        where: { id: existing.id },
        data: { role: "ADMIN", institutionId: null, disabledAt: null, sessionVersion: { increment: 1 } },
      }),
      recordAudit(db(), {
        event: "user.admin-from-shell",
        entityId: existing.id,
        before: { role: existing.role, institutionId: existing.institutionId, disabled: Boolean(existing.disabledAt) },
        after: { role: "ADMIN", institutionId: null, disabled: false },
      }),
    ]);
    const token = await issueLinkToken(existing.id, "PASSWORD_RESET", null);
    return { created: false, email, link: passwordLink(locale, token), validFor: `${RESET_MINUTES} minutes` };
  }
  const user = await db().$transaction(async (tx) => {
    const created = await tx.user.create({ data: { email, name, role: "ADMIN" }, select: { id: true } });
    await recordAudit(tx, { event: "user.admin-from-shell", entityId: created.id, after: { email, role: "ADMIN" } });
    return created;
  });
  const token = await issueLinkToken(user.id, "INVITE", null);
  return { created: true, email, link: passwordLink(locale, token), validFor: `${INVITE_DAYS} days` };
}

/**
 * Disable accounts for good (the demo accounts, whose passwords are published): no password, no open
 * session, no outstanding link. An admin may enable one again later; it then needs a reset link.
 */
export async function disableAccountsFromShell(emails: string[]) {
  const disabled: string[] = [];
  for (const email of emails.map(normalizeEmail)) {
    const user = await db().user.findUnique({
      where: { email },
      select: { id: true, disabledAt: true, passwordHash: true },
    });
    if (!user || (user.disabledAt && !user.passwordHash)) continue;
    const now = new Date();
    await db().$transaction([
      db().user.update({
        where: { id: user.id },
        data: { disabledAt: user.disabledAt ?? now, passwordHash: null, sessionVersion: { increment: 1 } },
      }),
      db().userToken.updateMany({ where: { userId: user.id, usedAt: null }, data: { usedAt: now } }),
      recordAudit(db(), {
        event: "user.disable-from-shell",
        entityId: user.id,
        after: { disabled: true, password: "removed" },
      }),
    ]);
    disabled.push(email);
  }
  return disabled;
}
