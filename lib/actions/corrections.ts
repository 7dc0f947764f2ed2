"use server";

import { closeCorrection } from "../data/corrections/triage";
import { submitCorrection } from "../data/corrections/submit";
import { env } from "../env";
import { correctionStatusPath } from "../shared/paths";
import { closeCorrectionSchema, submitCorrectionSchema } from "../validation/corrections";
import { action } from "./action";

/**
 * Anyone, no account: suggest a correction of a page. The answer carries the private status link, in this answer
 * only (the form shows it; a mail repeats it when an address was given). A honeypot submission gets the same.
 */
export const submitCorrectionAction = action({
  name: "submitCorrection",
  schema: submitCorrectionSchema,
  async run(_actor, input, locale, context) {
    const { token } = await submitCorrection(input, { clientAddress: context.clientAddress, locale });
    const handOver = `${env().SITE_URL.replace(/\/$/, "")}${correctionStatusPath(locale, token)}`;
    return { message: "Thank you: your suggestion was received. Keep the private link below to follow it.", handOver };
  },
});

/** A manager of the institution, or an admin: close an open suggestion with a reason its suggester reads. */
export const closeCorrectionAction = action({
  name: "closeCorrection",
  schema: closeCorrectionSchema,
  async run(actor, input) {
    await closeCorrection(actor, input);
    return { message: "The suggestion was closed; its suggester can read why." };
  },
});
