// Watching organizations and institutions by email (issue 18 §2): the page's form, and the subscriber's page.
import { z } from "zod";
import { DIGEST_FREQUENCIES } from "../shared/digest-schedule";
import { say } from "./say";

const slug = z.string().trim().max(100).default("");
const frequency = z.enum(DIGEST_FREQUENCIES, say("digestFrequency"));
/** A token from a mailed link: 32 random bytes in base64url (43 characters); anything else is no token of ours. */
export const watchToken = z.string().trim().min(20).max(100);

/**
 * "Watch this page": an address (blank when signed in: the account's own is used), how often, and which record
 * (the hidden slug names it). `website` is a honeypot, as on the correction form.
 */
export const watchRecordSchema = z
  .object({
    organizationSlug: slug,
    institutionSlug: slug,
    email: z
      .string()
      .trim()
      .max(254)
      .default("")
      .refine((v) => v === "" || z.email().safeParse(v).success, say("validEmail")),
    frequency,
    website: z.string().max(500).default(""),
  })
  .refine((v) => Boolean(v.organizationSlug) !== Boolean(v.institutionSlug), {
    path: ["institutionSlug"],
    message: say("watchRecord"),
  });

export type WatchRecordInput = z.infer<typeof watchRecordSchema>;

/** The confirmation link's button. */
export const confirmWatchSchema = z.object({ token: watchToken });

/** The subscriber's page: how often. */
export const setDigestFrequencySchema = z.object({ token: watchToken, frequency });

/** The subscriber's page: stop watching one record. */
export const stopWatchingSchema = z.object({ token: watchToken, watchId: z.string().min(1).max(40) });

/** The subscriber's page, or the unsubscribe page's button: stop every digest. */
export const unsubscribeWatcherSchema = z.object({ token: watchToken });
