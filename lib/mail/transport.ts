import "server-only";
import nodemailer from "nodemailer";
import { env, listensOnLoopbackOnly } from "../env";

// Transport only: how a mail leaves the portal. What was sent, and how it went, is kept in the outbox table
// by the data layer (lib/data/outbox.ts).

let transport: nodemailer.Transporter | null | undefined;

function smtp() {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

/** What the outbox and any log show instead of a link that sets a password. */
export const WITHHELD_LINK = "[link withheld: only its recipient gets it]";

export type PlainMail = { to: string; subject: string; text: string };

/** A mail with an HTML part beside its text, and headers of its own (a digest's List-Unsubscribe, RFC 8058). */
export type RichMail = PlainMail & { html?: string; headers?: Record<string, string> };

/** A mail carrying a link that sets a password: `text` writes the mail around the link it is given. */
export type LinkMail = { to: string; subject: string; text: (link: string) => string; link: string };

/**
 * How a link mail travelled: mailed to its recipient; printed on the console of a portal that listens on
 * loopback only (its own user's terminal); to be handed over by the admin who asked for it; or not at all.
 */
export type LinkDelivery = { outcome: "mailed" | "printed" | "hand-over" | "undelivered"; reason?: string };

/** Can a reset link reach its owner: by mail, or on the console of a portal nobody else can reach? */
export function linksReachOwners(): boolean {
  return Boolean(env().SMTP_URL) || listensOnLoopbackOnly();
}

/** Whether a mail server is configured (SMTP_URL): without one, mail can only be printed or handed over. */
export function canSendMail(): boolean {
  return smtp() !== null;
}

/** Hand a mail to the mail server. Throws when there is none (see canSendMail) or it refuses the mail. */
export async function sendMail(mail: RichMail): Promise<void> {
  const t = smtp();
  if (!t) throw new Error("no mail server is configured (SMTP_URL)");
  const { to, subject, text, html, headers } = mail;
  await t.sendMail({
    from: env().MAIL_FROM,
    to,
    subject,
    text,
    ...(html ? { html } : {}),
    ...(headers ? { headers } : {}),
  });
}

/** Print a mail on the server's console, for a portal without a mail server. */
export function printMail(mail: PlainMail): void {
  console.log(`[mail → ${mail.to}] ${mail.subject}\n${mail.text}\n`);
}
