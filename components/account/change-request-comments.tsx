import type { Locale } from "@/i18n/routing";
import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { Markdown } from "@/components/ui/markdown";
import type { ChangeRequestDetail } from "@/lib/shared/types/change-requests";

type Action = ComponentProps<typeof ActionForm>["action"];
const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** The conversation between the proposer and the reviewers, and a form to add to it. */
export async function ChangeRequestComments({
  request,
  commentAction,
  locale,
}: {
  request: ChangeRequestDetail;
  commentAction: Action;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <section aria-labelledby="comments">
      <h2 id="comments" className="text-lg font-semibold">
        {t("comments")}
      </h2>
      <ul className="mt-2 space-y-2">
        {request.comments.map((c) => (
          <li key={c.id} className="rounded-md border border-line bg-white p-3 text-sm">
            <p className="text-xs text-muted">
              {c.author} · {c.authorRole === "ADMIN" ? t("admin") : t("staff")} ·{" "}
              {c.createdAt.slice(0, 16).replace("T", " ")}
            </p>
            <Markdown source={c.body} className="mt-1" />
          </li>
        ))}
      </ul>
      <div className="mt-3">
        <ActionForm
          action={commentAction}
          hidden={{ changeRequestId: request.id }}
          submitLabel={t("addComment")}
          tone="plain"
          locale={locale}
        >
          <div>
            <label htmlFor="comment-body" className="block text-sm font-medium">
              {t("comment")}
            </label>
            <textarea id="comment-body" name="body" rows={3} maxLength={2000} className={input} />
            <FieldError name="body" />
          </div>
        </ActionForm>
      </div>
    </section>
  );
}
