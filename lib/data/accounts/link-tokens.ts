import "server-only";
import type { Locale } from "@/i18n/routing";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../../env";

export const INVITE_DAYS = 7;
export const RESET_MINUTES = 60;

export const linkTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A single-use, expiring link token for a user: only its hash is stored, so the link exists only in what
 * carries it to its owner. Earlier links stay valid until used or expired: asking again must not let
 * anyone who can type an email address void the link its owner is about to use (the rate limits bound
 * how many there are), and setting a password voids them all (setPasswordWithToken).
 */
export async function issueLinkToken(userId: string, purpose: "INVITE" | "PASSWORD_RESET", createdById: string | null) {
  const token = randomBytes(32).toString("base64url");
  const ttl = purpose === "INVITE" ? INVITE_DAYS * 86_400_000 : RESET_MINUTES * 60_000;
  await db().userToken.create({
    data: { userId, purpose, tokenHash: linkTokenHash(token), expiresAt: new Date(Date.now() + ttl), createdById },
  });
  return token;
}

/** The page where a link's holder sets the password. */
export function passwordLink(locale: Locale, token: string) {
  return `${env().SITE_URL.replace(/\/$/, "")}/${locale}/password/${token}`;
}
