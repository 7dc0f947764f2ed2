"use server";

import { previewMemberList } from "../data/organization-side/member-list-drafts";
import { reviewMemberList } from "../data/organization-side/member-list-send";
import { memberListDraftPath } from "../shared/paths";
import { previewMemberListSchema, reviewMemberListSchema } from "../validation/member-list";
import { action, type ServerAction } from "./action";
import type { ActionState } from "./state";

const preview = action({
  name: "previewMemberList",
  schema: previewMemberListSchema,
  async run(actor, input, locale) {
    const r = await previewMemberList(actor, input);
    return {
      message: `${r.matched + r.ambiguous + r.unmatched} rows read: review them below.`,
      redirectTo: memberListDraftPath(locale, r.id),
    };
  },
});

/**
 * The upload form's action: a chosen CSV file is read as the list's text (UTF-8) before the one wrapper runs, which
 * takes text fields only. A file replaces what was pasted; Next's limit on a request's body (1 MB) bounds its size,
 * and the schema's limit on the text answers a long one.
 */
export const previewMemberListAction: ServerAction<typeof previewMemberListSchema> = Object.assign(
  async (state: ActionState, formData: FormData) => {
    const file = formData instanceof FormData ? formData.get("file") : null;
    if (file instanceof File && file.size > 0) {
      formData.delete("file");
      formData.set("text", await file.text());
    }
    return preview(state, formData);
  },
  { definition: preview.definition },
);

export const reviewMemberListAction = action({
  name: "reviewMemberList",
  schema: reviewMemberListSchema,
  async run(actor, input, locale) {
    const r = await reviewMemberList(actor, input, locale);
    if (!r.sent) return { message: "Your choices are saved." };
    return {
      message: `${r.requests} requests were sent for review.`,
      redirectTo: memberListDraftPath(locale, input.draftId),
    };
  },
});
