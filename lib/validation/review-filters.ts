import { z } from "zod";
import { ChangeKind, ChangeStatus } from "../shared/enums";

const slugFilter = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);

/** The review queue's filters from the address: a value that does not parse is dropped, never an error page. */
export const reviewFiltersSchema = z.object({
  institution: slugFilter,
  organization: slugFilter,
  kind: z.enum(ChangeKind).optional().catch(undefined),
  status: z.enum(ChangeStatus).optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
});

export type ReviewFilterValues = z.infer<typeof reviewFiltersSchema>;
