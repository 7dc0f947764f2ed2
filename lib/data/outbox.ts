import "server-only";
import { db, type Tx } from "./db";
import { listensOnLoopbackOnly } from "../env";
import type { Actor } from "../shared/actor";
import { requireAdmin } from "./guards";
import {
  canSendMail,
  printMail,
  sendMail,
  WITHHELD_LINK,
  type LinkDelivery,
  type LinkMail,
  type PlainMail,
} from "../mail/transport";

// The outbox table: every mail the portal sends, with how its delivery went. The transport (lib/mail) only
// sends; this module decides what is kept, and keeps links that set a password out of it.

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

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
  const mailServer = canSendMail();
  let reason = "no mail server is configured (SMTP_URL)";
  if (mailServer) {
    try {
      await sendMail({ to: mail.to, subject: mail.subject, text: mail.text(mail.link) });
      await record({ sentAt: new Date() });
      return { outcome: "mailed" };
    } catch (error) {
      reason = `the mail server refused it: ${messageOf(error)}`;
      await record({ error: reason });
    }
  }
  if (otherwise === "hand-over") {
    await record({ note: "Not mailed: the link was shown once to the admin who sent it, to hand over." });
    return { outcome: "hand-over", reason };
  }
  if (listensOnLoopbackOnly()) {
    printMail({ to: mail.to, subject: mail.subject, text: mail.text(mail.link) });
    await record({
      note: "Not mailed: the link was printed on the console of this portal, which listens on this machine only.",
    });
    return { outcome: "printed", reason };
  }
  console.warn(
    `[mail] "${mail.subject}" was not sent: ${reason}. ` +
      "Set SMTP_URL: a portal others can reach never prints links that set a password.",
  );
  if (!mailServer) await record({ error: "Not sent: no SMTP_URL is set." });
  return { outcome: "undelivered", reason };
}

/**
 * Queue a mail that carries no secret (a decision on a change request) in the caller's transaction: it exists
 * only if that transaction commits, so a decision and its mail are made or undone together. Deliver it with
 * deliverQueuedMail once the transaction committed. Mails with a link that sets a password go through
 * sendLinkMail instead.
 */
export async function queueMail(tx: Tx, mail: PlainMail): Promise<string> {
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
    if (!canSendMail()) {
      printMail(mail);
      return;
    }
    try {
      await sendMail(mail);
      await db().outboxMail.update({ where: { id }, data: { sentAt: new Date() } });
    } catch (error) {
      await db().outboxMail.update({ where: { id }, data: { error: messageOf(error) } });
    }
  } catch (error) {
    console.error(`[mail] queued mail ${id} could not be delivered or its outcome recorded: ${messageOf(error)}`);
  }
}

/** Admins: the mail the portal sent, with its delivery status. Links that set a password are not in it. */
export async function listOutbox(actor: Actor | null) {
  requireAdmin(actor, "Only admins manage accounts.");
  const rows = await db().outboxMail.findMany({
    select: { id: true, to: true, subject: true, text: true, sentAt: true, error: true, note: true, createdAt: true },
    orderBy: { createdAt: "desc" },
    take: 100,
  });
  return rows.map((m) => ({
    ...m,
    createdAt: m.createdAt.toISOString(),
    sentAt: m.sentAt?.toISOString() ?? null,
  }));
}
