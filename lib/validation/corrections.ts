// "Suggest a correction" (issue 15 §3): a visitor's form on a record's page, and the triage's closing of one.
import { z } from "zod";
import { say } from "./say";

/** The limits the form states and the schema keeps: what is wrong, the source's address, the reply address. */
export const CORRECTION_LIMITS = { what: 2000, whatMin: 10, sourceUrl: 500, email: 254, reason: 500 } as const;

const slug = z.string().trim().max(100).default("");

/**
 * A visitor's suggestion, on an organization's page or an institution's (the hidden slug names which). The
 * `website` field is a honeypot: hidden from people, filled in by bots (lib/data/corrections/submit.ts).
 */
export const submitCorrectionSchema = z
  .object({
    organizationSlug: slug,
    institutionSlug: slug,
    what: z.string().trim().min(CORRECTION_LIMITS.whatMin, say("correctionWhat")).max(CORRECTION_LIMITS.what),
    sourceUrl: z
      .string()
      .trim()
      .min(1)
      .max(CORRECTION_LIMITS.sourceUrl)
      .refine((v) => /^https?:\/\/[^\s]+$/i.test(v), say("sourceAddress")),
    email: z
      .string()
      .trim()
      .max(CORRECTION_LIMITS.email)
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, say("validEmail"))
      .transform((v) => v || null),
    website: z.string().max(500).default(""),
  })
  .refine((v) => Boolean(v.organizationSlug) !== Boolean(v.institutionSlug), {
    path: ["institutionSlug"],
    message: say("correctionRecord"),
  });

export type CorrectionInput = z.infer<typeof submitCorrectionSchema>;

export const correctionId = z.string().min(1).max(40);

/** The triage's "Close": a reason the suggester reads on their status page (and in a mail, if they left one). */
export const closeCorrectionSchema = z.object({
  correctionId,
  reason: z.string().trim().min(3, say("closingReason")).max(CORRECTION_LIMITS.reason),
});

/**
 * The correction a proposal answers ("Turn into a change request"): a hidden field of the proposal forms, blank
 * for a proposal made on its own.
 */
export const answersCorrection = {
  correctionId: z
    .string()
    .max(40)
    .default("")
    .transform((v) => v || null),
};
