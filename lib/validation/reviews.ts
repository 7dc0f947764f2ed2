// A change request's review: the admin's decision, comments, the proposer's withdrawal.
import { z } from "zod";
import { optionalText } from "./fields";

const changeRequestId = z.string().min(1).max(40);

export const decisionSchema = z.object({
  changeRequestId,
  comment: optionalText(2000, "Comment"),
});

export const rejectionSchema = z.object({
  changeRequestId,
  comment: z.string().trim().min(3, "Say why the change is rejected.").max(2000),
});

export const commentSchema = z.object({
  changeRequestId,
  body: z.string().trim().min(1, "Write a comment.").max(2000, "At most 2000 characters."),
});

export const withdrawSchema = z.object({ changeRequestId });
