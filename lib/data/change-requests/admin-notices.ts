import "server-only";
import { ownInstitution, requestNames } from "./sides";
import type { Locale } from "@/i18n/routing";
import type { Tx } from "../db";
import type { Prisma } from "../../generated/prisma/client";
import type { PrismaClient } from "../prisma-client";
import { pickName } from "../../shared/names";
import { mailTranslator } from "../accounts/mail-texts";
import { notifyAdmins } from "../accounts/notifications";
import { linkCorrectionToRequest } from "../corrections/link";
import { deliverQueuedMail } from "../outbox";

// Admins are told in the app when staff send a request and when someone comments on one, in each admin's
// language, naming what and where (the notification links to the review page). Written in the transaction of
// the request or the comment: a request nobody is told of, or a notice of a request that was never made,
// cannot happen.

const institutionNames = { select: { names: { select: { locale: true, name: true, kind: true } } } } as const;
const organizationNames = {
  select: { names: { select: { locale: true, name: true, kind: true, validUntil: true } } },
} as const;

/** The words for what a request is about ("a change to NMU’s membership in Eurasia-Pacific Uninet"), by locale. */
async function requestWords(tx: Tx, changeRequestId: string) {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: { kind: true, proposed: true, institution: institutionNames, organization: organizationNames },
  });
  return (locale: Locale) => {
    const { institution, organization } = requestNames(r, locale);
    return mailTranslator(locale)("requestWhat", { kind: r.kind, institution, organization });
  };
}

/** Every active admin is told that `proposer` sent the request for review. */
export async function tellAdminsOfRequest(tx: Tx, changeRequestId: string) {
  const r = await tx.changeRequest.findUniqueOrThrow({
    where: { id: changeRequestId },
    select: { proposedBy: { select: { id: true, name: true } } },
  });
  const what = await requestWords(tx, changeRequestId);
  await notifyAdmins(tx, {
    changeRequestId,
    exceptUserId: r.proposedBy.id,
    message: (locale) => mailTranslator(locale)("newRequest", { name: r.proposedBy.name, what: what(locale) }),
  });
}

/**
 * Every active admin but the proposer is told once of a list of requests sent together (an organization's member
 * list of a hundred rows is one notice, not a hundred), pointing at its first request.
 */
export async function tellAdminsOfList(
  tx: Tx,
  list: { firstRequestId: string; proposer: { id: string; name: string }; organizationId: string; count: number },
) {
  const organization = await tx.organization.findUniqueOrThrow({
    where: { id: list.organizationId },
    select: organizationNames.select,
  });
  await notifyAdmins(tx, {
    changeRequestId: list.firstRequestId,
    exceptUserId: list.proposer.id,
    message: (locale) =>
      mailTranslator(locale)("newMemberList", {
        name: list.proposer.name,
        organization: pickName(organization.names, locale).name,
        count: list.count,
      }),
  });
}

/** Every active admin but the author is told of a comment on a request, with its first words. */
export async function tellAdminsOfComment(
  tx: Tx,
  comment: { changeRequestId: string; author: { id: string; name: string }; body: string },
) {
  const what = await requestWords(tx, comment.changeRequestId);
  const flat = comment.body.replace(/\s+/g, " ").trim();
  const excerpt = flat.length > 140 ? `${flat.slice(0, 139)}…` : flat;
  await notifyAdmins(tx, {
    changeRequestId: comment.changeRequestId,
    exceptUserId: comment.author.id,
    message: (locale) =>
      mailTranslator(locale)("newComment", { name: comment.author.name, what: what(locale), excerpt }),
  });
}

/**
 * Create a change request and tell the admins of it, in one transaction: the caller's when it passes one (an
 * import sends its requests together), else a transaction of its own. propose.ts calls this for every create.
 * `correctionId` names a visitor's suggested correction the request answers ("Turn into a change request"): it
 * is linked in the same transaction (corrections/link.ts), and its suggester's mail goes once that committed.
 */
export async function createRequestTellingAdmins<S extends Prisma.ChangeRequestSelect>(
  client: Tx | PrismaClient,
  args: {
    data: Prisma.ChangeRequestUncheckedCreateInput;
    select: S;
    correctionId?: string | null;
    /** False when the caller tells the admins once for many requests (a member list: tellAdminsOfList). */
    tellAdmins?: boolean;
  },
): Promise<Prisma.ChangeRequestGetPayload<{ select: S }>> {
  let mailId: string | null = null;
  const create = async (tx: Tx) => {
    const created = await tx.changeRequest.create({ data: args.data, select: { ...args.select, id: true } });
    const id = (created as unknown as { id: string }).id;
    if (args.tellAdmins !== false) await tellAdminsOfRequest(tx, id);
    if (args.correctionId) {
      const { proposedById: proposerId } = args.data;
      // A correction is turned into a request by its institution's manager, always on the institution's side.
      const institutionId = ownInstitution(args.data.institutionId ?? null, id);
      mailId = await linkCorrectionToRequest(tx, {
        correctionId: args.correctionId,
        changeRequestId: id,
        proposerId,
        institutionId,
      });
    }
    return created as unknown as Prisma.ChangeRequestGetPayload<{ select: S }>;
  };
  // Only the process's client opens transactions; a transaction's client has no $transaction. A caller's
  // transaction is not committed yet here: corrections are answered one proposal at a time, never in one.
  if (!("$transaction" in client)) return create(client);
  const created = await (client as PrismaClient).$transaction(create);
  if (mailId) await deliverQueuedMail(mailId);
  return created;
}
