import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";
import { FormTexts } from "./form-texts";

/** Signed-in pages' client components need more texts than public pages; only they receive them. */
export async function PrivateIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { nav, locales, account, roles, statuses, kinds, institutionKinds, tools, suggest, webhooks } =
    await getMessages({
      locale,
    });
  return (
    <NextIntlClientProvider
      messages={{ nav, locales, account, roles, statuses, kinds, institutionKinds, tools, suggest, webhooks }}
    >
      <FormTexts texts={{ errorSummary: account.errorSummary }}>{children}</FormTexts>
    </NextIntlClientProvider>
  );
}
