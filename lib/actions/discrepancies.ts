"use server";

import { dismissDiscrepancy, restoreDiscrepancy } from "../data/admin/discrepancy-dismissals";
import { dismissDiscrepancySchema, restoreDiscrepancySchema } from "../validation/discrepancies";
import { action } from "./action";

export const dismissDiscrepancyAction = action({
  name: "dismissDiscrepancy",
  schema: dismissDiscrepancySchema,
  async run(actor, input) {
    await dismissDiscrepancy(actor, input);
    return { message: "Dismissed: the entry leaves the report until its facts change." };
  },
});

export const restoreDiscrepancyAction = action({
  name: "restoreDiscrepancy",
  schema: restoreDiscrepancySchema,
  async run(actor, input) {
    await restoreDiscrepancy(actor, input.dismissalId);
    return { message: "Restored: the entry is back in the report." };
  },
});
