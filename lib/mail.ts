import "server-only";
import nodemailer from "nodemailer";
import { db } from "./db";
import { env } from "./env";
import type { Prisma } from "./generated/prisma/client";

let transport: nodemailer.Transporter | null | undefined;

function smtp() {
  if (transport === undefined) transport = env().SMTP_URL ? nodemailer.createTransport(env().SMTP_URL) : null;
  return transport;
}

/**
 * Send a mail. Every mail is kept in the outbox (admins read it in the UI), so invitations and resets work
 * on a laptop with no mail server; with SMTP_URL set it is also sent, and the outbox records the outcome.
 */
export async function sendMail(mail: { to: string; subject: string; text: string }) {
  const row = await db().outboxMail.create({ data: mail, select: { id: true } });
  const t = smtp();
  if (!t) {
    console.log(`[mail → ${mail.to}] ${mail.subject}\n${mail.text}\n`);
    return;
  }
  try {
    await t.sendMail({ from: env().MAIL_FROM, ...mail });
    await db().outboxMail.update({ where: { id: row.id }, data: { sentAt: new Date() } });
  } catch (error) {
    await db().outboxMail.update({ where: { id: row.id }, data: { error: error instanceof Error ? error.message : String(error) } });
  }
}

/**
 * Queue a mail in the caller's transaction: it exists only if that transaction commits, so a decision and
 * its mail are made or undone together. Deliver it with deliverQueuedMail once the transaction committed.
 */
export async function queueMail(tx: Prisma.TransactionClient, mail: { to: string; subject: string; text: string }): Promise<string> {
  return (await tx.outboxMail.create({ data: mail, select: { id: true } })).id;
}

/**
 * Deliver a queued mail after its transaction committed. Never throws: what happens after a commit must not
 * be reported as a failure of what was committed. The outcome is kept on the outbox row, or logged when even
 * that fails.
 */
export async function deliverQueuedMail(id: string): Promise<void> {
  try {
    const mail = await db().outboxMail.findUnique({ where: { id }, select: { to: true, subject: true, text: true, sentAt: true } });
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
      await db().outboxMail.update({ where: { id }, data: { error: error instanceof Error ? error.message : String(error) } });
    }
  } catch (error) {
    console.error(`[mail] queued mail ${id} could not be delivered or its outcome recorded: ${error instanceof Error ? error.message : String(error)}`);
  }
}
