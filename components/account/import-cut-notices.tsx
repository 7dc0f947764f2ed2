import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";

/**
 * What the importer left out of a draft: passages cut to the longest quote a source keeps, and names beyond the
 * most one preview looks up. Said on the review page, before anything is sent.
 */
export async function ImportCutNotices({
  locale,
  cutRows,
  cuts,
}: {
  locale: Locale;
  cutRows: string[];
  cuts: { quoteMax: number; namesFound: number; namesConsidered: number };
}) {
  const t = await getTranslations({ locale, namespace: "tools.importCuts" });
  const list = new Intl.ListFormat(locale === "zh" ? "zh-CN" : "en-US", { type: "conjunction" });
  const notices = [
    cutRows.length ? t("passagesCut", { rows: list.format(cutRows), max: cuts.quoteMax.toLocaleString(locale) }) : null,
    cuts.namesFound > cuts.namesConsidered
      ? t("candidatesCut", {
          found: cuts.namesFound.toLocaleString(locale),
          max: cuts.namesConsidered.toLocaleString(locale),
        })
      : null,
  ].filter((n): n is string => n !== null);
  if (!notices.length) return null;
  return (
    <ul data-testid="import-cuts" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
      {notices.map((n) => (
        <li key={n}>{n}</li>
      ))}
    </ul>
  );
}
