"use server";

import { previewImport } from "../data/import/drafts";
import { submitImport } from "../data/import/submit";
import { accountPath, importDraftPath } from "../shared/paths";
import { previewImportSchema, submitImportSchema } from "../validation/import";
import { action } from "./action";

export const previewImportAction = action({
  name: "previewImport",
  schema: previewImportSchema,
  async run(actor, input, locale) {
    const r = await previewImport(actor, input);
    return { message: `${r.rows} entries found: review them below.`, redirectTo: importDraftPath(locale, r.id) };
  },
});

export const submitImportAction = action({
  name: "submitImport",
  schema: submitImportSchema,
  async run(actor, input, locale) {
    const r = await submitImport(actor, input, locale);
    return {
      message: `${r.requests} changes were sent for review.`,
      redirectTo: accountPath(locale, { imported: r.requests }),
    };
  },
});
