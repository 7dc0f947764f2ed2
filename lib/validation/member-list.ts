import { z } from "zod";
import { MEMBER_LIST_MAX_CHARS } from "../shared/member-list";
import { membershipRoles } from "../shared/vocabulary";
import { optionalText, partialDate } from "./fields";
import { say } from "./say";

// A secretariat's member-list upload (lib/data/organization-side/member-list-*.ts): the list and the source every
// row cites, then the person's choices for each row of the preview.

export const previewMemberListSchema = z.object({
  text: z.string().trim().min(3, say("memberListText")).max(MEMBER_LIST_MAX_CHARS, say("memberListTooLong")),
  sourceUrl: z
    .string()
    .trim()
    .min(1, say("memberListSource"))
    .max(500)
    .refine((v) => /^https?:\/\/\S+$/i.test(v), say("importAddress")),
  sourceTitle: optionalText(300),
  defaultRole: z.enum(membershipRoles.values, { error: say("chooseRole") }).default("MEMBER"),
  defaultJoined: partialDate.optional().transform((v) => v ?? null),
});

export type PreviewMemberListInput = z.infer<typeof previewMemberListSchema>;

/**
 * One row's choice: a candidate's id, "new" (propose a new institution with the fields below) or nothing ("" or
 * "none": left out). The new institution's fields are checked in the data layer, only for rows that propose one.
 */
const rowChoice = z.object({
  pick: z.string().trim().max(40).default(""),
  nameEn: z.string().trim().max(300).default(""),
  nameZh: z.string().trim().max(300).default(""),
  country: z.string().trim().max(2).default(""),
  website: z.string().trim().max(500).default(""),
});

export const reviewMemberListSchema = z.object({
  draftId: z.string().trim().min(1).max(40),
  intent: z.enum(["save", "send"]).default("save"),
  reason: optionalText(2000)
    .optional()
    .transform((v) => v ?? null),
  rows: z.record(z.string().regex(/^\d{1,4}$/), rowChoice).default({}),
});

export type ReviewMemberListInput = z.infer<typeof reviewMemberListSchema>;
