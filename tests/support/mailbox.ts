// The tests' inbox: the folder where the local SMTP sink (scripts/lib/smtp-sink.mjs) keeps each message the
// portal mailed. Tests read links from it as the recipient would, never from the portal's database.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SinkMessage } from "../../scripts/lib/smtp-sink.mjs";

/** The sink's folder (scripts/test.mjs sets MAIL_SINK_DIR for the end-to-end tests). */
export function mailboxDir(): string {
  const dir = process.env.MAIL_SINK_DIR;
  if (!dir)
    throw new Error(
      "MAIL_SINK_DIR is not set: run the end-to-end tests through `npm test`, which starts the SMTP sink.",
    );
  return dir;
}

/** Every message in the folder, oldest first. */
export function readMailbox(dir = mailboxDir()): SinkMessage[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), "utf8")) as SinkMessage);
}

/** The messages to `to` (whose subject matches), oldest first. */
export function mailTo(to: string, subject?: RegExp, dir = mailboxDir()): SinkMessage[] {
  return readMailbox(dir).filter((m) => m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
}

/**
 * Wait for the `count`-th message to `to` (whose subject matches) to arrive, as a person waits for their
 * inbox: checked every 100 ms until it is there, or failing after `timeoutMs`.
 */
export async function waitForMail(
  to: string,
  options: { subject?: RegExp; count?: number; dir?: string; timeoutMs?: number } = {},
): Promise<SinkMessage> {
  const { subject, count = 1, dir = mailboxDir(), timeoutMs = 20_000 } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = mailTo(to, subject, dir);
    if (found.length >= count) return found[count - 1]!;
    if (Date.now() > deadline)
      throw new Error(
        `No mail number ${count} to ${to}${subject ? ` matching ${subject}` : ""} ` +
          `arrived within ${timeoutMs / 1000} s (${found.length} so far).`,
      );
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The set-password link a mail carries. */
export function passwordLinkIn(text: string): string {
  const link = /https?:\/\/\S+\/(?:en|zh)\/password\/[\w-]{20,}/.exec(text)?.[0];
  if (!link) throw new Error(`No set-password link in this mail:\n${text}`);
  return link;
}
