import "server-only";
import { db } from "../db";
import type { Actor } from "../../shared/actor";
import { requireActor } from "../guards";
import { NotFoundError } from "../../shared/errors";
import { scopeFor } from "./queries";

/** Comment on a request: admins on any, staff on their institution's. */
export async function commentOnChangeRequest(actor: Actor | null, changeRequestId: string, body: string) {
  const author = requireActor(actor);
  const request = await db().changeRequest.findFirst({
    where: { id: changeRequestId, ...scopeFor(author) },
    select: { id: true, proposedById: true },
  });
  if (!request) throw new NotFoundError("No such request.");
  await db().changeComment.create({ data: { changeRequestId, authorId: author.id, body } });
  return request;
}
