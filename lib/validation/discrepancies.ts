import { z } from "zod";
import { DISCREPANCY_KINDS } from "../shared/types/discrepancies";
import { say } from "./say";

/** Setting aside one entry of the discrepancy report: which entry (hidden fields: its check, subject and
 * facts, as the report gave them) and why. */
export const dismissDiscrepancySchema = z.object({
  check: z.enum(DISCREPANCY_KINDS),
  subject: z.string().trim().min(1).max(100),
  facts: z.string().trim().min(1).max(200),
  reason: z.string().trim().min(3, say("dismissalReason")).max(1000),
});

export type DismissDiscrepancyValues = z.infer<typeof dismissDiscrepancySchema>;

/** Bringing a dismissed entry back into the report. */
export const restoreDiscrepancySchema = z.object({ dismissalId: z.string().trim().min(1).max(40) });
