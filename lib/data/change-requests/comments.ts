import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireActor, requireAddressCurrent } from "../guards";
import { NotFoundError } from "../../shared/errors";
import { tellAdminsOfComment } from "./admin-notices";
import { scopeFor } from "./queries";

/**
 * Comment on a request: admins on any, staff on their institution's. The other admins are told in the app, in
 * the comment's transaction.
 */
export async function commentOnChangeRequest(actor: Actor | null, changeRequestId: string, body: string) {
  const author = requireAddressCurrent(requireActor(actor));
  return db().$transaction(async (tx) => {
    const request = await tx.changeRequest.findFirst({
      where: { id: changeRequestId, ...scopeFor(author) },
      select: { id: true, proposedById: true },
    });
    if (!request) throw new NotFoundError("No such request.");
    await tx.changeComment.create({ data: { changeRequestId, authorId: author.id, body } });
    await tellAdminsOfComment(tx, { changeRequestId, author: { id: author.id, name: author.name }, body });
    return request;
  });
}
