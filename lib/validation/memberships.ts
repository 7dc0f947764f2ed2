import { z } from "zod";
import { answersCorrection } from "./corrections";
import { periodErrors } from "../shared/membership-periods";
import { membershipRoles, membershipStatuses } from "../shared/vocabulary";
import { baseVersion, citation, optionalText, partialDate, requireSource, sourceSeenOn } from "./fields";
import { say } from "./say";
import { formerPeriodsText } from "./membership-periods";

const membershipFields = z.object({
  role: z.enum(membershipRoles.values, { error: say("chooseRole") }),
  status: z.enum(membershipStatuses.values, { error: say("chooseStatus") }),
  joined: partialDate,
  ended: partialDate,
  notes: optionalText(2000),
  ...citation,
  sourceSeenOn,
  /** Earlier periods, one a line ("2005 – 2012"); absent (a caller that does not send them) keeps the current ones. */
  formerPeriods: formerPeriodsText.optional(),
});

type MembershipFields = z.infer<typeof membershipFields>;

function checkDates(v: MembershipFields, ctx: z.RefinementCtx) {
  if (v.joined && v.ended && v.ended.iso < v.joined.iso)
    ctx.addIssue({ code: "custom", path: ["ended"], message: say("endBeforeJoined") });
  if (v.status === "WITHDRAWN" && !v.ended)
    ctx.addIssue({ code: "custom", path: ["ended"], message: say("endedRequired") });
  for (const message of periodErrors(v.formerPeriods ?? [], { joined: v.joined }))
    ctx.addIssue({ code: "custom", path: ["formerPeriods"], message });
}

/** The values a staff member may propose for a new membership (and an import sends): always with a source. */
export const membershipValuesSchema = membershipFields.superRefine((v, ctx) => {
  checkDates(v, ctx);
  requireSource(v, ctx);
});

export type MembershipValues = z.infer<typeof membershipValuesSchema>;

/**
 * The values proposed for an existing membership. The source fields are the source of the NEW values: blank
 * keeps the current source (a change of the notes alone); whether a changed fact cites enough is decided against
 * the current source in the data layer (lib/shared/fact-sources.ts), which knows what changed.
 */
export const membershipUpdateValuesSchema = membershipFields.superRefine((v, ctx) => {
  checkDates(v, ctx);
  if (v.sourceQuote && !v.sourceUrl && !v.sourceTitle) requireSource(v, ctx);
});

export const proposeMembershipUpdateSchema = z.object({
  membershipId: z.string().min(1).max(40),
  baseVersion,
  reason: optionalText(2000),
  values: membershipUpdateValuesSchema,
  ...answersCorrection,
});

/** The organization of a new membership: as chosen from the suggestions (its slug) and as typed (its name). */
const organizationChoice = z.object({
  organizationSlug: z.string().trim().max(100).default(""),
  organization: z.string().trim().max(200).default(""),
});

/**
 * A new membership. Without JavaScript only the organization's typed name arrives, and the data layer
 * resolves it (resolveOrganizationChoice).
 */
export const proposeMembershipCreateSchema = z
  .object({
    ...organizationChoice.shape,
    reason: optionalText(2000),
    values: membershipValuesSchema,
    ...answersCorrection,
  })
  .refine((v) => Boolean(v.organizationSlug || v.organization), {
    path: ["organization"],
    message: say("chooseOrganization"),
    // Checked even when other fields are wrong (zod skips refinements then), so the form lists every problem.
    when: (payload) => organizationChoice.safeParse(payload.value).success,
  });
