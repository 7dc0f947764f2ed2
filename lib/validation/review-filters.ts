import { z } from "zod";
import { ChangeKind, ChangeStatus } from "../shared/enums";

const slugFilter = z
  .string()
  .regex(/^[a-z0-9-]{1,100}$/)
  .optional()
  .catch(undefined);

/** The review queue's filters from the address: a value that does not parse is dropped, never an error page. */
export const reviewFiltersSchema = z.object({
  /** Part of a name of the institution or the organization (a proposed new one's too), in any language. */
  q: z
    .string()
    .trim()
    .max(100)
    .transform((v) => v || undefined)
    .optional()
    .catch(undefined),
  institution: slugFilter,
  organization: slugFilter,
  kind: z.enum(ChangeKind).optional().catch(undefined),
  status: z.enum(ChangeStatus).optional().catch(undefined),
  olderThanDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  /** Oldest first unless asked otherwise: the longest waiting come first. */
  sort: z.enum(["oldest", "newest"]).optional().catch(undefined),
});

export type ReviewFilterValues = z.infer<typeof reviewFiltersSchema>;
