import "server-only";
import type { Locale } from "@/i18n/routing";
import { createHash, randomBytes } from "node:crypto";
import { db } from "../db";
import { env } from "../../env";
import { REVERIFY_LINK_DAYS } from "../../shared/address-reverification";
import type { LinkPurpose } from "../../shared/types/accounts";

export const INVITE_DAYS = 7;
export const RESET_MINUTES = 60;

const DAY = 86_400_000;

/** The links that set a password; an address confirmation link (REVERIFY) never does. */
export const PASSWORD_PURPOSES = ["INVITE", "PASSWORD_RESET"] as const;

export const linkTokenHash = (token: string) => createHash("sha256").update(token).digest("hex");

/**
 * A single-use, expiring link token for a user: only its hash is stored, so the link exists only in what
 * carries it to its owner. Earlier links stay valid until used or expired: asking again must not let
 * anyone who can type an email address void the link its owner is about to use (the rate limits bound
 * how many there are), and setting a password voids them all (setPasswordWithToken).
 */
export async function issueLinkToken(
  userId: string,
  purpose: "INVITE" | "PASSWORD_RESET" | "REVERIFY",
  createdById: string | null,
) {
  const token = randomBytes(32).toString("base64url");
  const ttl = { INVITE: INVITE_DAYS * DAY, PASSWORD_RESET: RESET_MINUTES * 60_000, REVERIFY: REVERIFY_LINK_DAYS * DAY }[
    purpose
  ];
  await db().userToken.create({
    data: { userId, purpose, tokenHash: linkTokenHash(token), expiresAt: new Date(Date.now() + ttl), createdById },
  });
  return token;
}

/** The page where a link's holder sets the password. */
export function passwordLink(locale: Locale, token: string) {
  return `${env().SITE_URL.replace(/\/$/, "")}/${locale}/password/${token}`;
}

/**
 * What a password link can still do, so its page says at once when it cannot set a password any more. A sign-up's
 * link is an invitation with no inviter (signup.ts): told apart, so an expired one says to sign up again rather
 * than to ask an admin for an invitation nobody sent.
 */
export type LinkTokenState =
  | { state: "valid"; purpose: LinkPurpose }
  | { state: "used" | "expired"; purpose: LinkPurpose }
  | { state: "unknown" };

/**
 * Look a link up without using it (setPasswordWithToken uses it, in its own transaction). Only the holder of
 * the link can ask: the token is the secret, and its hash is what is stored.
 */
export async function checkLinkToken(token: string): Promise<LinkTokenState> {
  if (token.length > 200) return { state: "unknown" };
  const row = await db().userToken.findUnique({
    where: { tokenHash: linkTokenHash(token) },
    select: { purpose: true, usedAt: true, expiresAt: true, createdById: true },
  });
  if (!row || row.purpose === "REVERIFY") return { state: "unknown" };
  const purpose: LinkPurpose =
    row.purpose === "PASSWORD_RESET" ? "PASSWORD_RESET" : row.createdById === null ? "SIGNUP" : "INVITE";
  if (row.usedAt) return { state: "used", purpose };
  if (row.expiresAt < new Date()) return { state: "expired", purpose };
  return { state: "valid", purpose };
}
