"use server";

import { dismissDiscrepancy, restoreDiscrepancy } from "../data/admin/discrepancy-dismissals";
import { dismissDiscrepancySchema, restoreDiscrepancySchema } from "../validation/discrepancies";
import { action } from "./action";

export const dismissDiscrepancyAction = action({
  name: "dismissDiscrepancy",
  schema: dismissDiscrepancySchema,
  async run(actor, input, locale) {
    await dismissDiscrepancy(actor, input);
    // The form lives inside the entry it dismisses: its own answer would leave with it. The report says it.
    return {
      message: "Dismissed: the entry leaves the report until its facts change.",
      redirectTo: `/${locale}/admin/discrepancies?done=dismissed`,
    };
  },
});

export const restoreDiscrepancyAction = action({
  name: "restoreDiscrepancy",
  schema: restoreDiscrepancySchema,
  async run(actor, input, locale) {
    await restoreDiscrepancy(actor, input.dismissalId);
    return {
      message: "Restored: the entry is back in the report.",
      redirectTo: `/${locale}/admin/discrepancies?dismissed=1&done=restored`,
    };
  },
});
