import type { Locale } from "@/i18n/routing";
import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm, FieldError } from "@/components/account/action-form";

type Action = ComponentProps<typeof ActionForm>["action"];
const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** An admin's two answers to a pending request: approve (with an optional comment) or reject (with a reason). */
export async function DecisionForms({
  changeRequestId,
  approveAction,
  rejectAction,
  locale,
}: {
  changeRequestId: string;
  approveAction: Action;
  rejectAction: Action;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <section aria-labelledby="decide" className="grid gap-6 rounded-md border border-line bg-white p-4 md:grid-cols-2">
      <h2 id="decide" className="sr-only">
        {t("decide")}
      </h2>
      <ActionForm
        action={approveAction}
        hidden={{ changeRequestId: changeRequestId }}
        submitLabel={t("approve")}
        locale={locale}
      >
        <div>
          <label htmlFor="approve-comment" className="block text-sm font-medium">
            {t("approveComment")}
          </label>
          <textarea id="approve-comment" name="comment" rows={2} maxLength={2000} className={input} />
          <FieldError name="comment" id="approve-comment-error" />
        </div>
      </ActionForm>
      <ActionForm
        action={rejectAction}
        hidden={{ changeRequestId: changeRequestId }}
        submitLabel={t("reject")}
        tone="danger"
        locale={locale}
      >
        <div>
          <label htmlFor="reject-comment" className="block text-sm font-medium">
            {t("rejectReason")}
          </label>
          <textarea
            id="reject-comment"
            name="comment"
            rows={2}
            maxLength={2000}
            aria-required="true"
            className={input}
            aria-describedby="reject-comment-error"
          />
          <FieldError name="comment" id="reject-comment-error" />
        </div>
      </ActionForm>
    </section>
  );
}
