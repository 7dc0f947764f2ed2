import { z } from "zod";
import { membershipRoles } from "../shared/vocabulary";
import { say } from "./say";

const optional = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => v || null);

export const previewImportSchema = z
  .object({
    text: z.string().trim().min(20, say("pasteText")).max(200_000, say("importTooLong")),
    sourceUrl: optional(500).refine((v) => v === null || /^https?:\/\/\S+$/i.test(v), say("importAddress")),
    sourceTitle: optional(300),
  })
  .superRefine((v, ctx) => {
    if (!v.sourceUrl && !v.sourceTitle)
      ctx.addIssue({
        code: "custom",
        path: ["sourceUrl"],
        message: say("importSource"),
      });
  });

/** One reviewed row of a draft; `include` is the checkbox. */
const reviewedRow = z.object({
  include: z.literal("on").optional(),
  role: z.enum(membershipRoles.values, { error: say("chooseRole") }),
  joined: z.string().trim().max(40),
});

export const submitImportSchema = z.object({
  draftId: z.string().trim().min(1).max(40),
  rows: z.record(z.string().regex(/^\d{1,3}$/), reviewedRow).default({}),
});

export type SubmitImportInput = z.infer<typeof submitImportSchema>;
