import { z } from "zod";
import { MembershipRole, MembershipStatus } from "../generated/prisma/enums";
import { parsePartialDate, type PartialDate } from "../dates";

const partialDate = z
  .string()
  .trim()
  .max(40)
  .transform((value, ctx): PartialDate | null => {
    try {
      return parsePartialDate(value);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: e instanceof Error ? e.message : "Not a date." });
      return z.NEVER;
    }
  });

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, `${label}: at most ${max} characters.`).transform((v) => v || null);

const sourceUrl = z
  .string()
  .trim()
  .max(500)
  .transform((v) => v || null)
  .refine((v) => v === null || /^https?:\/\/[^\s]+$/i.test(v), "A source address starts with http:// or https://.");

/** The values a staff member may propose for one of their institution's memberships. */
export const membershipValuesSchema = z
  .object({
    role: z.enum(MembershipRole, { error: "Choose a role." }),
    status: z.enum(MembershipStatus, { error: "Choose a status." }),
    joined: partialDate,
    ended: partialDate,
    notes: optionalText(2000, "Notes"),
    sourceUrl,
    sourceTitle: optionalText(300, "Source title"),
    sourceQuote: optionalText(2000, "Quoted passage"),
  })
  .superRefine((v, ctx) => {
    if (v.joined && v.ended && v.ended.iso < v.joined.iso) ctx.addIssue({ code: "custom", path: ["ended"], message: "The end date is before the joined date." });
    if (v.status === "WITHDRAWN" && !v.ended) ctx.addIssue({ code: "custom", path: ["ended"], message: "Give the date the membership ended (a year is enough)." });
    if (!v.sourceUrl && !v.sourceTitle) ctx.addIssue({ code: "custom", path: ["sourceUrl"], message: "Cite a source: its address or its title." });
  });

export type MembershipValues = z.infer<typeof membershipValuesSchema>;

export const proposeMembershipUpdateSchema = z.object({
  membershipId: z.string().min(1).max(40),
  baseVersion: z.coerce.number().int().min(1),
  reason: optionalText(2000, "Reason"),
  values: membershipValuesSchema,
});

export const proposeMembershipCreateSchema = z.object({
  organizationSlug: z.string().trim().min(1, "Choose an organization.").max(100),
  reason: optionalText(2000, "Reason"),
  values: membershipValuesSchema,
});

export const decisionSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  comment: optionalText(2000, "Comment"),
});

export const rejectionSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  comment: z.string().trim().min(3, "Say why the change is rejected.").max(2000),
});

export const commentSchema = z.object({
  changeRequestId: z.string().min(1).max(40),
  body: z.string().trim().min(1, "Write a comment.").max(2000, "At most 2000 characters."),
});

export const withdrawSchema = z.object({ changeRequestId: z.string().min(1).max(40) });
