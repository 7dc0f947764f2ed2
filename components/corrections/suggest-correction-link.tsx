import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import NextLink from "next/link";
import { correctionFormPath } from "@/lib/shared/paths";

/**
 * The end of every public organization's and institution's page: a plain link to the correction form, which is a
 * page of its own (the public page stays cached and loads no form scripts).
 */
export async function SuggestCorrectionLink({
  record,
  locale,
}: {
  record: { kind: "organization" | "institution"; slug: string };
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  return (
    <aside aria-labelledby="suggest-correction" className="mt-10 border-t border-slate-200 pt-4 text-sm">
      <h2 id="suggest-correction" className="font-semibold">
        <NextLink href={correctionFormPath(locale, record)} className="text-accent underline">
          {t("suggestLink")}
        </NextLink>
      </h2>
      <p className="mt-1 text-slate-700">{t("suggestLead")}</p>
    </aside>
  );
}
