import "server-only";
// Every kind of job the portal runs. A new one is one more definition here: a queue, a cron if it is scheduled, and
// what it does.
import { deliverWebhook, listDueWebhookIds } from "../data/webhooks/deliver";
import { listDueWatcherIds, sendDigest } from "../data/watches/digest";
import { purgeExpiredWatches } from "../data/watches/tokens";
import type { JobDefinition } from "./engine";

export const WEBHOOK_SWEEP = "webhook-sweep";
export const WEBHOOK_DELIVERY = "webhook-delivery";
export const DIGEST_SWEEP = "watch-digest-sweep";
export const DIGEST_SEND = "watch-digest";

/** Each minute (once across instances): a delivery job for every webhook with something due. */
const webhookSweep: JobDefinition<object> = {
  queue: WEBHOOK_SWEEP,
  policy: "singleton",
  retryLimit: 0,
  retryDelay: 0,
  retryBackoff: false,
  expireInSeconds: 120,
  cron: "* * * * *",
  async run(_data, jobs) {
    for (const webhookId of await listDueWebhookIds())
      await jobs.send(WEBHOOK_DELIVERY, { webhookId }, { singletonKey: webhookId });
  },
};

/**
 * One webhook's deliveries until it is caught up. The queue is stately and keyed by webhook: one job per webhook
 * runs at a time, whichever instance fetched it. A failed attempt throws, and pg-boss retries it with exponential
 * backoff (30 s, 1 min, 2 min, …); deliverWebhook keeps its own backoff on the row too, which the sweep respects.
 */
const webhookDelivery: JobDefinition<{ webhookId: string }> = {
  queue: WEBHOOK_DELIVERY,
  policy: "stately",
  retryLimit: 10,
  retryDelay: 30,
  retryBackoff: true,
  expireInSeconds: 300,
  async run({ webhookId }) {
    for (let round = 0; round < 50; round++) {
      const outcome = await deliverWebhook(webhookId);
      if (outcome.kind === "failed" && !outcome.disabled) throw new Error(outcome.error);
      if (!("more" in outcome) || !outcome.more) return;
    }
  },
};

/**
 * Every quarter of an hour (once across instances): a digest job for every watcher whose daily or weekly digest is
 * due (lib/shared/digest-schedule.ts: a fixed hour UTC), and the unconfirmed watches whose links expired go.
 */
const digestSweep: JobDefinition<object> = {
  queue: DIGEST_SWEEP,
  policy: "singleton",
  retryLimit: 0,
  retryDelay: 0,
  retryBackoff: false,
  expireInSeconds: 300,
  cron: "*/15 * * * *",
  async run(_data, jobs) {
    for (const watcherId of await listDueWatcherIds())
      await jobs.send(DIGEST_SEND, { watcherId }, { singletonKey: watcherId });
    await purgeExpiredWatches();
  },
};

/**
 * One watcher's digest. Stately and keyed by watcher: one job per watcher at a time; sendDigest's lease and due
 * check make it go once per slot even if two met. A mail server's refusal throws: retried with backoff, and the
 * watcher's position stays until a digest is sent.
 */
const digestSend: JobDefinition<{ watcherId: string }> = {
  queue: DIGEST_SEND,
  policy: "stately",
  retryLimit: 5,
  retryDelay: 60,
  retryBackoff: true,
  expireInSeconds: 300,
  async run({ watcherId }) {
    await sendDigest(watcherId);
  },
};

export const JOB_DEFINITIONS = [webhookSweep, webhookDelivery, digestSweep, digestSend] as JobDefinition<never>[];
