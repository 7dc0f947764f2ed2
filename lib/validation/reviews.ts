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
