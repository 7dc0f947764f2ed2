import "server-only";
import { db } from "../db";
import { listensOnLoopbackOnly } from "../../env";
import { canSendMail, printMail, sendMail, WITHHELD_LINK } from "../../mail/transport";

// A watcher's mail carries a link with a token that opens their subscription: the outbox keeps the mail for its
// delivery status with that link withheld, as it does for links that set a password (lib/data/outbox.ts).

export type WatchMail = {
  subject: string;
  /** The text around the link. */
  text: (link: string) => string;
  html?: (link: string) => string;
  headers?: Record<string, string>;
};

/**
 * Send a watcher's mail; throws when it could not be handed to a mail server (a digest's position then stays). A
 * portal without SMTP_URL that listens on this machine only prints it on its console, as it does reset links.
 */
export async function sendWatchMail(to: string, mail: WatchMail, link: string): Promise<void> {
  const row = await db().outboxMail.create({
    data: { to, subject: mail.subject, text: mail.text(WITHHELD_LINK) },
    select: { id: true },
  });
  const record = (data: { sentAt?: Date; error?: string; note?: string }) =>
    db().outboxMail.update({ where: { id: row.id }, data });
  const full = { to, subject: mail.subject, text: mail.text(link) };
  if (!canSendMail()) {
    if (!listensOnLoopbackOnly()) {
      await record({ error: "Not sent: no SMTP_URL is set." });
      throw new Error("no mail server is configured (SMTP_URL)");
    }
    printMail(full);
    await record({ note: "Not mailed: printed on the console of this portal, which listens on this machine only." });
    return;
  }
  try {
    await sendMail({ ...full, html: mail.html?.(link), headers: mail.headers });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await record({ error: `the mail server refused it: ${message}` });
    throw error;
  }
  await record({ sentAt: new Date() });
}
