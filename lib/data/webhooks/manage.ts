import "server-only";
import { db } from "../db";
import { requireActor, requireAddressCurrent } from "../guards";
import type { Actor } from "../../shared/actor";
import { ForbiddenError, NotFoundError, ValidationError } from "../../shared/errors";
import type { CreateWebhookInput } from "../../validation/webhooks";
import { DestinationRefusedError, resolveDestination, webhookUrl } from "../../http/outbound-post";
import { encryptWebhookSecret, newWebhookSecret } from "../../webhooks/secret";
import { webhookPolicy } from "../../webhooks/policy";
import { startingPosition } from "./change-batch";

// An account's webhooks: each owner sees and changes only its own (every query's where names the owner).

export const MAX_WEBHOOKS_PER_ACCOUNT = 10;
/** How many of the latest attempts the delivery log shows. */
export const DELIVERY_LOG_SIZE = 20;

/**
 * Who may have webhooks: an admin, or an approved staff or secretariat account whose address is confirmed (not
 * overdue for its yearly confirmation). A pending sign-up has proved nothing yet.
 */
function requireWebhookOwner(actor: Actor | null): Actor {
  const signedIn = requireActor(actor);
  if (signedIn.role === "STAFF" && !signedIn.staffRole)
    throw new ForbiddenError("Webhooks are for approved accounts whose address is confirmed.");
  return requireAddressCurrent(signedIn);
}

/** The URL checked as a delivery would check it: its form, and every address its host resolves to now. */
async function checkedUrl(raw: string): Promise<string> {
  try {
    const url = webhookUrl(raw, webhookPolicy());
    await resolveDestination(url, webhookPolicy());
    return url.toString();
  } catch (error) {
    if (error instanceof DestinationRefusedError) throw new ValidationError(error.message, { url: [error.message] });
    throw error;
  }
}

/** The ids of the chosen slugs; an unknown slug is named in the field's error. */
async function chosenIds(input: CreateWebhookInput) {
  if (input.scope === "all") return { organizationIds: [], institutionIds: [] };
  if (!input.organizations.length && !input.institutions.length) {
    const message = "Choose at least one organization or institution, or receive every change.";
    throw new ValidationError(message, { organizations: [message] });
  }
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({ where: { slug: { in: input.organizations } }, select: { id: true, slug: true } }),
    db().institution.findMany({ where: { slug: { in: input.institutions } }, select: { id: true, slug: true } }),
  ]);
  const fieldErrors: Record<string, string[]> = {};
  const unknown = (field: string, asked: string[], found: { slug: string }[]) => {
    const missing = asked.filter((s) => !found.some((f) => f.slug === s));
    if (missing.length) fieldErrors[field] = [`Not in the registry: ${missing.slice(0, 5).join(", ")}.`];
  };
  unknown("organizations", input.organizations, organizations);
  unknown("institutions", input.institutions, institutions);
  if (Object.keys(fieldErrors).length) throw new ValidationError(Object.values(fieldErrors)[0]![0]!, fieldErrors);
  return { organizationIds: organizations.map((o) => o.id), institutionIds: institutions.map((i) => i.id) };
}

/** Register a webhook: it receives the changes approved from now on. Answers with its secret, shown once. */
export async function createWebhook(actor: Actor | null, input: CreateWebhookInput) {
  const owner = requireWebhookOwner(actor);
  const url = await checkedUrl(input.url);
  const chosen = await chosenIds(input);
  const count = await db().webhook.count({ where: { ownerId: owner.id } });
  if (count >= MAX_WEBHOOKS_PER_ACCOUNT)
    throw new ValidationError(`You have ${MAX_WEBHOOKS_PER_ACCOUNT} webhooks already: delete one first.`);
  const secret = newWebhookSecret();
  const webhook = await db().webhook.create({
    data: {
      ownerId: owner.id,
      url,
      ...chosen,
      secretEncrypted: encryptWebhookSecret(secret),
      ...(await startingPosition()),
    },
    select: { id: true },
  });
  return { id: webhook.id, secret };
}

/** The owner's own webhook, or a NotFoundError (another's is indistinguishable from none). */
async function ownWebhook(owner: Actor, webhookId: string) {
  const webhook = await db().webhook.findFirst({ where: { id: webhookId, ownerId: owner.id }, select: { id: true } });
  if (!webhook) throw new NotFoundError("No such webhook of yours.");
  return webhook;
}

/** A new secret replaces the old at once (deliveries from now on are signed with it); shown once. */
export async function rotateWebhookSecret(actor: Actor | null, { webhookId }: { webhookId: string }) {
  const owner = requireWebhookOwner(actor);
  await ownWebhook(owner, webhookId);
  const secret = newWebhookSecret();
  await db().webhook.update({ where: { id: webhookId }, data: { secretEncrypted: encryptWebhookSecret(secret) } });
  return { secret };
}

/**
 * Disable, or enable again: enabling starts afresh (no failures counted, due now) and keeps the cursor, so what
 * was approved meanwhile is delivered.
 */
export async function setWebhookEnabled(
  actor: Actor | null,
  { webhookId, enabled }: { webhookId: string; enabled: boolean },
) {
  const owner = requireWebhookOwner(actor);
  await ownWebhook(owner, webhookId);
  await db().webhook.update({
    where: { id: webhookId },
    data: enabled
      ? { enabled: true, disabledReason: null, consecutiveFailures: 0, failingSince: null, nextAttemptAt: new Date() }
      : { enabled: false, disabledReason: null },
  });
}

export async function deleteWebhook(actor: Actor | null, { webhookId }: { webhookId: string }) {
  const owner = requireWebhookOwner(actor);
  await ownWebhook(owner, webhookId);
  await db().webhook.delete({ where: { id: webhookId } });
}

export type WebhookView = {
  id: string;
  url: string;
  enabled: boolean;
  disabledReason: string | null;
  consecutiveFailures: number;
  organizations: string[];
  institutions: string[];
  createdAt: string;
  deliveries: {
    id: string;
    at: string;
    statusCode: number | null;
    durationMs: number;
    error: string | null;
    ok: boolean;
    eventCount: number;
  }[];
};

/** The account's webhooks with their latest attempts, newest webhook first. */
export async function listWebhooks(actor: Actor | null): Promise<WebhookView[]> {
  const owner = requireActor(actor);
  const rows = await db().webhook.findMany({
    where: { ownerId: owner.id },
    orderBy: { createdAt: "desc" },
    select: {
      id: true,
      url: true,
      enabled: true,
      disabledReason: true,
      consecutiveFailures: true,
      organizationIds: true,
      institutionIds: true,
      createdAt: true,
      deliveries: {
        orderBy: { at: "desc" },
        take: DELIVERY_LOG_SIZE,
        select: { id: true, at: true, statusCode: true, durationMs: true, error: true, ok: true, eventCount: true },
      },
    },
  });
  const [organizations, institutions] = await Promise.all([
    db().organization.findMany({
      where: { id: { in: rows.flatMap((r) => r.organizationIds) } },
      select: { id: true, slug: true },
    }),
    db().institution.findMany({
      where: { id: { in: rows.flatMap((r) => r.institutionIds) } },
      select: { id: true, slug: true },
    }),
  ]);
  const slug = new Map([...organizations, ...institutions].map((x) => [x.id, x.slug]));
  return rows.map(({ organizationIds, institutionIds, deliveries, createdAt, ...r }) => ({
    ...r,
    createdAt: createdAt.toISOString(),
    organizations: organizationIds.map((id) => slug.get(id) ?? id),
    institutions: institutionIds.map((id) => slug.get(id) ?? id),
    deliveries: deliveries.map((d) => ({ ...d, at: d.at.toISOString() })),
  }));
}
