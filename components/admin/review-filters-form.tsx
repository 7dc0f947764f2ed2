import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ChangeKind, ChangeStatus } from "@/lib/shared/enums";
import type { ReviewFilterValues } from "@/lib/validation/review-filters";
import { SuggestCombobox } from "@/components/ui/suggest-combobox";

const input = "w-full rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
const field = "flex min-w-0 flex-col";

/**
 * The review queue's filters, sent in the address (GET) so a filtered queue can be linked. The name (q) is
 * completed by the portal's type-ahead.
 */
export async function ReviewFiltersForm({ filters, locale }: { filters: ReviewFilterValues; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <form method="get" className="grid grid-cols-2 items-end gap-3 text-sm sm:flex sm:flex-wrap">
      <div className={`${field} col-span-2 sm:w-64`}>
        <label htmlFor="queue-name">{t("filterName")}</label>
        {/* The portal's type-ahead in text mode: a suggestion completes the name; what is typed is what is sent.
            Rendered on the server as a plain text box, so the filter works without JavaScript. */}
        <SuggestCombobox
          id="queue-name"
          name="q"
          mode="text"
          types={["institution", "organization"]}
          locale={locale}
          defaultText={filters.q}
          describedBy="queue-name-hint"
          className={input}
        />
        <span id="queue-name-hint" className="text-xs text-muted">
          {t("filterNameHint")}
        </span>
      </div>
      <label className={field}>
        {t("filterStatus")}
        <select name="status" defaultValue={filters.status ?? "PENDING"} className={input}>
          {Object.values(ChangeStatus).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("filterKind")}
        <select name="kind" defaultValue={filters.kind ?? ""} className={input}>
          <option value="">{t("any")}</option>
          {Object.values(ChangeKind).map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label className={field}>
        {t("sort")}
        <select name="sort" defaultValue={filters.sort ?? "oldest"} className={input}>
          <option value="oldest">{t("sortOldest")}</option>
          <option value="newest">{t("sortNewest")}</option>
        </select>
      </label>
      <label className={field}>
        {t("filterAge")}
        <input name="olderThanDays" type="number" min={1} defaultValue={filters.olderThanDays} className={input} />
      </label>
      {/* Links made elsewhere (an institution's or organization's admin page) may narrow by slug: kept. */}
      {filters.institution ? <input type="hidden" name="institution" value={filters.institution} /> : null}
      {filters.organization ? <input type="hidden" name="organization" value={filters.organization} /> : null}
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-medium text-white">
        {t("filter")}
      </button>
    </form>
  );
}
