import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { ChangeKind, ChangeStatus } from "@/lib/shared/enums";
import type { ReviewFilterValues } from "@/lib/validation/review-filters";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";

/** The review queue's filters, sent in the address (GET) so a filtered queue can be linked. */
export async function ReviewFiltersForm({ filters, locale }: { filters: ReviewFilterValues; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return (
    <form method="get" className="flex flex-wrap items-end gap-3 text-sm">
      <label className="flex flex-col">
        {t("filterStatus")}
        <select name="status" defaultValue={filters.status ?? "PENDING"} className={input}>
          {Object.values(ChangeStatus).map((s) => (
            <option key={s} value={s}>
              {t(`statuses.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col">
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
      <label className="flex flex-col">
        {t("filterInstitution")}
        <input
          name="institution"
          defaultValue={filters.institution}
          className={input}
          placeholder="nanjing-medical-university"
        />
      </label>
      <label className="flex flex-col">
        {t("filterOrganization")}
        <input name="organization" defaultValue={filters.organization} className={input} />
      </label>
      <label className="flex flex-col">
        {t("filterAge")}
        <input name="olderThanDays" type="number" min={1} defaultValue={filters.olderThanDays} className={input} />
      </label>
      <button type="submit" className="rounded-md bg-accent px-3 py-1.5 font-medium text-white">
        {t("filter")}
      </button>
    </form>
  );
}
