import { z } from "zod";
import { membershipRoles } from "../shared/vocabulary";

const optional = (max: number, label: string) =>
  z
    .string()
    .trim()
    .max(max, `${label}: at most ${max} characters.`)
    .transform((v) => v || null);

export const previewImportSchema = z
  .object({
    text: z
      .string()
      .trim()
      .min(20, "Paste the text, HTML or CSV of your page.")
      .max(200_000, "At most 200,000 characters: paste the part listing your organizations."),
    sourceUrl: optional(500, "Address").refine(
      (v) => v === null || /^https?:\/\/\S+$/i.test(v),
      "An address starts with http:// or https://.",
    ),
    sourceTitle: optional(300, "Title"),
  })
  .superRefine((v, ctx) => {
    if (!v.sourceUrl && !v.sourceTitle)
      ctx.addIssue({
        code: "custom",
        path: ["sourceUrl"],
        message: "Say where the text comes from: your page's address or its title.",
      });
  });

/** One reviewed row of a draft; `include` is the checkbox. */
const reviewedRow = z.object({
  include: z.literal("on").optional(),
  role: z.enum(membershipRoles.values, { error: "Choose a role." }),
  joined: z.string().trim().max(40),
});

export const submitImportSchema = z.object({
  draftId: z.string().trim().min(1).max(40),
  rows: z.record(z.string().regex(/^\d{1,3}$/), reviewedRow).default({}),
});

export type SubmitImportInput = z.infer<typeof submitImportSchema>;
