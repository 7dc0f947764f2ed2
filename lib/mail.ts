import "server-only";
import nodemailer from "nodemailer";
import { db } from "./db";
import { env } from "./env";

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
