import "server-only";
import nodemailer from "nodemailer";
import { db } from "../data/db";
import { env, listensOnLoopbackOnly } from "../env";
import type { Prisma } from "../generated/prisma/client";

let transport: nodemailer.Transporter | null | undefined;

function smtp() {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

/** What the outbox and any log show instead of a link that sets a password. */
export const WITHHELD_LINK = "[link withheld: only its recipient gets it]";

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

/**
 * Send a link that sets a password to its recipient only. Whoever holds the link owns the account, so it is
 * never stored or logged where others read it: the outbox keeps the mail for its delivery status with the
 * link withheld. When it cannot be mailed (no SMTP_URL, or sending failed), `otherwise` says what happens:
 * "console" prints it, but only on a portal that listens on loopback only; "hand-over" leaves the link to
 * the caller, who shows it to the admin who sent the invitation and to nobody else.
 */
export async function sendLinkMail(mail: LinkMail, otherwise: "console" | "hand-over"): Promise<LinkDelivery> {
  const row = await db().outboxMail.create({
    data: { to: mail.to, subject: mail.subject, text: mail.text(WITHHELD_LINK) },
    select: { id: true },
  });
  const record = (data: { sentAt?: Date; error?: string; note?: string }) =>
    db().outboxMail.update({ where: { id: row.id }, data });
  const t = smtp();
  let reason = "no mail server is configured (SMTP_URL)";
  if (t) {
    try {
      await t.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text(mail.link) });
      await record({ sentAt: new Date() });
      return { outcome: "mailed" };
    } catch (error) {
      reason = `the mail server refused it: ${error instanceof Error ? error.message : String(error)}`;
      await record({ error: reason });
    }
  }
  if (otherwise === "hand-over") {
    await record({ note: "Not mailed: the link was shown once to the admin who sent it, to hand over." });
    return { outcome: "hand-over", reason };
  }
  if (listensOnLoopbackOnly()) {
    console.log(`[mail → ${mail.to}] ${mail.subject}\n${mail.text(mail.link)}\n`);
    await record({
      note: "Not mailed: the link was printed on the console of this portal, which listens on this machine only.",
    });
    return { outcome: "printed", reason };
  }
  console.warn(
    `[mail] "${mail.subject}" was not sent: ${reason}. Set SMTP_URL: a portal others can reach never prints links that set a password.`,
  );
  if (!t) await record({ error: "Not sent: no SMTP_URL is set." });
  return { outcome: "undelivered", reason };
}

/**
 * Queue a mail that carries no secret (a decision on a change request) in the caller's transaction: it exists
 * only if that transaction commits, so a decision and its mail are made or undone together. Deliver it with
 * deliverQueuedMail once the transaction committed. Mails with a link that sets a password go through
 * sendLinkMail instead.
 */
export async function queueMail(
  tx: Prisma.TransactionClient,
  mail: { to: string; subject: string; text: string },
): Promise<string> {
  return (await tx.outboxMail.create({ data: mail, select: { id: true } })).id;
}

/**
 * Deliver a queued mail after its transaction committed. Never throws: what happens after a commit must not
 * be reported as a failure of what was committed. The outcome is kept on the outbox row, or logged when even
 * that fails.
 */
export async function deliverQueuedMail(id: string): Promise<void> {
  try {
    const mail = await db().outboxMail.findUnique({
      where: { id },
      select: { to: true, subject: true, text: true, sentAt: true },
    });
    if (!mail || mail.sentAt) return;
    const t = smtp();
    if (!t) {
      console.log(`[mail → ${mail.to}] ${mail.subject}\n${mail.text}\n`);
      return;
    }
    try {
      await t.sendMail({ from: env().MAIL_FROM, to: mail.to, subject: mail.subject, text: mail.text });
      await db().outboxMail.update({ where: { id }, data: { sentAt: new Date() } });
    } catch (error) {
      await db().outboxMail.update({
        where: { id },
        data: { error: error instanceof Error ? error.message : String(error) },
      });
    }
  } catch (error) {
    console.error(
      `[mail] queued mail ${id} could not be delivered or its outcome recorded: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}
