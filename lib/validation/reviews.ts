// A change request's review: the admin's decision (one at a time, or several approved together), comments,
// the proposer's withdrawal.
import { z } from "zod";
import { optionalText } from "./fields";
import { say } from "./say";

const changeRequestId = z.string().min(1).max(40);

/** At most this many requests are approved by one submission of the queue's "Approve selected". */
export const MAX_BULK_APPROVALS = 50;

/** One form, two buttons: the button pressed is the decision; rejecting needs the comment as its reason. */
export const decisionSchema = z
  .object({
    changeRequestId,
    decision: z.enum(["approve", "reject"]),
    comment: optionalText(2000),
  })
  .superRefine((v, ctx) => {
    if (v.decision === "reject" && (v.comment ?? "").length < 3)
      ctx.addIssue({ code: "custom", path: ["comment"], message: say("rejectionReason") });
  });

export type DecisionValues = z.infer<typeof decisionSchema>;

/** The queue's ticked requests: one checkbox each, named ids.<row>. */
export const bulkApprovalSchema = z.object({
  ids: z
    .record(z.string().regex(/^\d{1,3}$/), changeRequestId)
    .default({})
    .refine((ids) => Object.keys(ids).length > 0, say("chooseRequests"))
    .refine((ids) => Object.keys(ids).length <= MAX_BULK_APPROVALS, say("tooManyRequests"))
    .transform((ids) => [...new Set(Object.values(ids))]),
  comment: optionalText(2000),
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
