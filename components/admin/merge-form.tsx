import type { Locale } from "@/i18n/routing";
import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm, FieldError } from "@/components/account/action-form";
import type { SimilarOrganization } from "@/lib/shared/types/similar-organizations";

type Action = ComponentProps<typeof ActionForm>["action"];
const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/**
 * "Record as a membership of an existing organization instead": the similar organizations as choices, the
 * likeliest first and chosen, or any other organization by its address.
 */
export async function MergeForm({
  changeRequestId,
  similar,
  institution,
  mergeAction,
  locale,
}: {
  changeRequestId: string;
  similar: SimilarOrganization[];
  institution: string;
  mergeAction: Action;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "account.duplicates" });
  return (
    <div className="border-t border-amber-300 pt-3">
      <h3 className="font-semibold">{t("mergeTitle")}</h3>
      <p className="mb-2 text-slate-800">{t("mergeLead", { institution })}</p>
      <ActionForm
        action={mergeAction}
        hidden={{ changeRequestId }}
        submitLabel={t("submit")}
        tone="plain"
        locale={locale}
      >
        <fieldset>
          <legend className="text-sm font-medium">{t("target")}</legend>
          {similar.map((s, i) => (
            <div key={s.slug} className="mt-1 flex items-center gap-2">
              <input type="radio" id={`target-${s.slug}`} name="target" value={s.slug} defaultChecked={i === 0} />
              <label htmlFor={`target-${s.slug}`}>
                {s.name} <span className="text-slate-700">({s.slug})</span>
              </label>
            </div>
          ))}
          <div className="mt-1 flex items-center gap-2">
            <input type="radio" id="target-other" name="target" value="other" defaultChecked={!similar.length} />
            <label htmlFor="target-other">{t("other")}</label>
          </div>
        </fieldset>
        <div>
          <label htmlFor="otherSlug" className="block text-sm font-medium">
            {t("otherSlug")}
          </label>
          <input
            id="otherSlug"
            name="otherSlug"
            maxLength={300}
            className={input}
            aria-describedby="otherSlug-hint otherSlug-error"
          />
          <p id="otherSlug-hint" className="text-slate-700">
            {t("otherSlugHint")}
          </p>
          <FieldError name="otherSlug" />
        </div>
        <div>
          <label htmlFor="merge-comment" className="block text-sm font-medium">
            {t("comment")}
          </label>
          <textarea id="merge-comment" name="comment" rows={2} maxLength={2000} className={input} />
          <FieldError name="comment" id="merge-comment-error" />
        </div>
      </ActionForm>
    </div>
  );
}
