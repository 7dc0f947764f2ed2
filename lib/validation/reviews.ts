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
