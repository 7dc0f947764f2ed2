// A change request's review: the admin's decision, comments, the proposer's withdrawal.
import { z } from "zod";
import { optionalText } from "./fields";
import { say } from "./say";

const changeRequestId = z.string().min(1).max(40);

export const decisionSchema = z.object({
  changeRequestId,
  comment: optionalText(2000),
});

export const rejectionSchema = z.object({
  changeRequestId,
  comment: z.string().trim().min(3, say("rejectionReason")).max(2000),
});

export const commentSchema = z.object({
  changeRequestId,
  body: z.string().trim().min(1, say("writeComment")).max(2000),
});

export const withdrawSchema = z.object({ changeRequestId });

/** An address pasted whole ("https://…/en/organizations/eurasia-pacific-uninet?x") is its last part, the slug. */
const slugOf = (value: string) => value.split(/[?#]/)[0]!.split("/").filter(Boolean).at(-1)?.toLowerCase() ?? "";

/**
 * Recording a proposed organization as a membership of an existing one: a candidate chosen among the similar
 * ones (target = its slug), or "other" with the organization's address typed in otherSlug.
 */
export const mergeSchema = z
  .object({
    changeRequestId,
    target: z.string().trim().max(200).optional(),
    otherSlug: z.string().trim().max(300).optional(),
    comment: optionalText(2000),
  })
  .transform((v, ctx) => {
    const chosen = v.target && v.target !== "other" ? v.target : (v.otherSlug ?? "");
    const organizationSlug = slugOf(chosen);
    if (!organizationSlug) {
      ctx.addIssue({ code: "custom", path: ["otherSlug"], message: say("mergeTarget") });
      return z.NEVER;
    }
    return { changeRequestId: v.changeRequestId, organizationSlug, comment: v.comment };
  });
