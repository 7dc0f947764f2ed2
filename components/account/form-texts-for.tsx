import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { FormTexts } from "./form-texts";

/** The texts forms show in `locale`, for the forms inside (see FormTexts). */
export async function FormTextsFor({ locale, children }: { locale: Locale; children: ReactNode }) {
  const t = await getTranslations({ locale, namespace: "account" });
  return <FormTexts texts={{ errorSummary: t("errorSummary") }}>{children}</FormTexts>;
}
