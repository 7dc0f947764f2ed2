import { z } from "zod";
import { AFFILIATION_MAX_CHARS } from "../shared/affiliation-text";

// The query of GET /api/v1/match: the affiliation as found, and optionally the day its memberships are read on.

/** A calendar day that exists ("2023-02-30" does not). */
const isRealDay = (s: string) => {
  const d = new Date(`${s}T00:00:00.000Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
};

export const apiMatchQuerySchema = z.strictObject({
  affiliation: z
    .string({ error: "affiliation is required: the affiliation text to match." })
    .trim()
    .min(1, "affiliation is required: the affiliation text to match.")
    .max(AFFILIATION_MAX_CHARS, `affiliation is limited to ${AFFILIATION_MAX_CHARS} characters.`),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "date must be a day written YYYY-MM-DD.")
    .refine(isRealDay, "date must be a day that exists.")
    .optional(),
});

export type ApiMatchQuery = z.infer<typeof apiMatchQuerySchema>;
