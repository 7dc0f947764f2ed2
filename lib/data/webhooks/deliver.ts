import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "../db";
import { Prisma } from "../../generated/prisma/client";
import { env } from "../../env";
import { deliverQueuedMail, queueMail } from "../outbox";
import { localeOf, mailTranslator, siteLink } from "../accounts/mail-texts";
import { postToPublicAddress, webhookUrl } from "../../http/outbound-post";
import { decryptWebhookSecret, signatureHeader } from "../../webhooks/secret";
import { webhookPolicy } from "../../webhooks/policy";
import { PUBLIC_CHANGE_EVENTS } from "../../shared/types/changes";
import { changesAfter, chosenSlugs, positionOf, receives } from "./change-batch";

// One delivery attempt of one webhook: the next batch of approved changes after its cursor, signed and POSTed.
// A lease on the webhook's row makes the attempt exclusive across instances (the job queue already runs one job
// per webhook at a time: this holds even if two jobs met), and the cursor moves only when the receiver answered
// 2xx, in the same statement that records the attempt: nothing is skipped, nothing is sent twice.

export const BATCH_SIZE = 100;
/** Disabled after this many failed attempts in a row, or after failing for this long. */
export const DISABLE_AFTER_FAILURES = 20;
export const DISABLE_AFTER_MS = 24 * 3600_000;
/** Longer than an attempt can take (10 s deadline, plus the database work). */
const LEASE_MS = 60_000;

/** Wait before the next attempt after `failures` failures in a row: 30 s, 1 min, 2 min, … at most an hour. */
export function backoffMs(failures: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, failures - 1), 3600_000);
}

export type DeliveryOutcome =
  | { kind: "delivered"; count: number; more: boolean }
  | { kind: "failed"; error: string; disabled: boolean }
  /** Nothing chosen to send (the cursor may have moved past changes the webhook does not receive). */
  | { kind: "nothing"; more: boolean }
  /** Not attempted: disabled, deleted, waiting out its backoff, or held by another instance's attempt. */
  | { kind: "skipped" };

export async function deliverWebhook(webhookId: string, now = new Date()): Promise<DeliveryOutcome> {
  const leased = await db().webhook.updateMany({
    where: {
      id: webhookId,
      enabled: true,
      nextAttemptAt: { lte: now },
      OR: [{ leaseUntil: null }, { leaseUntil: { lt: now } }],
    },
    data: { leaseUntil: new Date(now.getTime() + LEASE_MS) },
  });
  if (!leased.count) return { kind: "skipped" };
  try {
    return await attempt(webhookId, now);
  } finally {
    await db().webhook.updateMany({ where: { id: webhookId }, data: { leaseUntil: null } });
  }
}

async function attempt(webhookId: string, now: Date): Promise<DeliveryOutcome> {
  const webhook = await db().webhook.findUniqueOrThrow({
    where: { id: webhookId },
    select: {
      id: true,
      url: true,
      cursor: true,
      cursorTx: true,
      organizationIds: true,
      institutionIds: true,
      secretEncrypted: true,
      consecutiveFailures: true,
      failingSince: true,
    },
  });
  const changes = await changesAfter(webhook, BATCH_SIZE);
  const more = changes.length === BATCH_SIZE;
  const last = changes.at(-1);
  if (!last) return { kind: "nothing", more: false };
  const chosenRecords = await chosenSlugs(webhook);
  const chosen = changes.filter((change) => receives(chosenRecords, change));
  if (!chosen.length) {
    await db().webhook.updateMany({
      where: { id: webhookId, cursor: webhook.cursor, cursorTx: webhook.cursorTx },
      data: positionOf(last),
    });
    return { kind: "nothing", more };
  }
  const deliveryId = randomUUID();
  const body = JSON.stringify({ delivery: deliveryId, webhook: webhook.id, items: chosen, cursor: last.position });
  const { statusCode, durationMs, error } = await post(webhook, body, deliveryId);
  const record = {
    webhookId,
    at: now,
    firstEventId: chosen[0]!.id,
    lastEventId: last.id,
    eventCount: chosen.length,
    statusCode,
    durationMs,
    error,
    ok: error === null,
  };
  if (error === null) {
    await db().$transaction([
      db().webhookDelivery.create({ data: record }),
      db().webhook.update({
        where: { id: webhookId },
        data: { ...positionOf(last), consecutiveFailures: 0, failingSince: null, nextAttemptAt: now },
      }),
    ]);
    return { kind: "delivered", count: chosen.length, more };
  }
  return recordFailure(webhook, record, error, now);
}

/** A failed attempt: logged, backed off, and past the limits the webhook is disabled and its owner mailed. */
async function recordFailure(
  webhook: { id: string; consecutiveFailures: number; failingSince: Date | null },
  record: Prisma.WebhookDeliveryUncheckedCreateInput,
  error: string,
  now: Date,
): Promise<DeliveryOutcome> {
  const webhookId = webhook.id;
  const failures = webhook.consecutiveFailures + 1;
  const failingSince = webhook.failingSince ?? now;
  const disable = failures >= DISABLE_AFTER_FAILURES || now.getTime() - failingSince.getTime() >= DISABLE_AFTER_MS;
  const mailId = await db().$transaction(async (tx) => {
    await tx.webhookDelivery.create({ data: record });
    const updated = await tx.webhook.update({
      where: { id: webhookId },
      data: {
        consecutiveFailures: failures,
        failingSince,
        nextAttemptAt: new Date(now.getTime() + backoffMs(failures)),
        ...(disable
          ? {
              enabled: false,
              disabledReason:
                `Disabled after ${failures} failed attempts in a row ` + `since ${failingSince.toISOString()}.`,
            }
          : {}),
      },
      select: { url: true, owner: { select: { email: true, locale: true } } },
    });
    if (!disable) return null;
    const locale = localeOf(updated.owner.locale);
    const t = mailTranslator(locale);
    return queueMail(tx, {
      to: updated.owner.email,
      subject: t("webhookDisabledSubject"),
      text: t("webhookDisabledText", {
        url: updated.url,
        failures,
        error,
        link: siteLink(env().SITE_URL, `/${locale}/account/webhooks`),
      }),
    });
  });
  if (mailId) await deliverQueuedMail(mailId);
  return { kind: "failed", error, disabled: disable };
}

/** One POST of a batch, as the log keeps it: error null when the receiver answered 2xx. */
async function post(webhook: { url: string; secretEncrypted: string }, body: string, deliveryId: string) {
  let statusCode: number | null = null;
  let durationMs = 0;
  let error: string | null = null;
  const started = performance.now();
  try {
    const secret = decryptWebhookSecret(webhook.secretEncrypted);
    const policy = webhookPolicy();
    const outcome = await postToPublicAddress(
      webhookUrl(webhook.url, policy),
      body,
      {
        "content-type": "application/json",
        "user-agent": "AllianceAtlas-Webhooks/1",
        "x-atlas-delivery": deliveryId,
        "x-atlas-signature": signatureHeader(secret, body, Math.floor(Date.now() / 1000)),
      },
      policy,
    );
    statusCode = outcome.status;
    durationMs = outcome.durationMs;
    if (statusCode >= 300 && statusCode < 400) error = "Redirects are not followed: give the final address.";
    else if (statusCode < 200 || statusCode >= 300) error = `The receiver answered ${statusCode}.`;
  } catch (caught) {
    durationMs = Math.round(performance.now() - started);
    error = (caught instanceof Error ? caught.message : String(caught)).slice(0, 500);
  }
  return { statusCode, durationMs, error };
}

/** Enabled webhooks whose backoff is over and that have changes after their cursor: the sweep queues these. */
export async function listDueWebhookIds(now = new Date()): Promise<string[]> {
  const rows = await db().$queryRaw<{ id: string }[]>`
    SELECT w.id FROM "Webhook" w
    WHERE w.enabled AND w."nextAttemptAt" <= ${now}
      AND EXISTS (
        SELECT 1 FROM "AuditEvent" e
        WHERE (e."txId", e.id) > (w."cursorTx", w.cursor) AND e.action IN (${Prisma.join([...PUBLIC_CHANGE_EVENTS])})
      )
    ORDER BY w."nextAttemptAt" LIMIT 1000`;
  return rows.map((r) => r.id);
}
