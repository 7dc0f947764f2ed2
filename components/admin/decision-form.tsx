"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import { ActionForm, FieldError } from "@/components/account/action-form";
import type { FormAction } from "@/lib/actions/state";

const button = "rounded-md px-4 py-2 text-sm font-medium disabled:opacity-60";

/**
 * An admin's one decision on a pending request: a comment, then Approve (the comment is optional) or Reject
 * (the comment is the reason, required). The button pressed is the decision, sent as `decision`.
 */
export function DecisionForm({
  changeRequestId,
  decideAction,
  locale,
}: {
  changeRequestId: string;
  decideAction: FormAction;
  locale: Locale;
}) {
  const t = useTranslations("account");
  return (
    <section aria-labelledby="decide" className="rounded-md border border-line bg-white p-4">
      <h2 id="decide" className="mb-2 text-lg font-semibold">
        {t("decide")}
      </h2>
      <ActionForm
        action={decideAction}
        hidden={{ changeRequestId }}
        submitLabel={t("approve")}
        locale={locale}
        buttons={(pending) => (
          <>
            <button
              type="submit"
              name="decision"
              value="approve"
              disabled={pending}
              className={`${button} bg-accent text-white hover:bg-accent-strong`}
            >
              {t("approve")}
            </button>
            <button
              type="submit"
              name="decision"
              value="reject"
              disabled={pending}
              className={`${button} bg-red-800 text-white hover:bg-red-900`}
            >
              {t("reject")}
            </button>
          </>
        )}
      >
        <div>
          <label htmlFor="decision-comment" className="block text-sm font-medium">
            {t("decisionComment")}
          </label>
          <p id="decision-comment-hint" className="text-xs text-muted">
            {t("decisionCommentHint")}
          </p>
          <textarea
            id="decision-comment"
            name="comment"
            rows={3}
            maxLength={2000}
            aria-describedby="decision-comment-hint decision-comment-error"
            className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
          />
          <FieldError name="comment" id="decision-comment-error" />
        </div>
      </ActionForm>
    </section>
  );
}
