import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { NextIntlClientProvider } from "next-intl";
import { getMessages } from "next-intl/server";

/**
 * The one text the watch forms' client code reads itself (the error summary's title, FormStatus): the public record
 * pages send no other messages to the browser, so this is all they carry for the form.
 */
export async function WatchIntl({ locale, children }: { locale: Locale; children: ReactNode }) {
  const { account } = await getMessages({ locale });
  return (
    <NextIntlClientProvider messages={{ account: { errorSummary: account.errorSummary } }}>
      {children}
    </NextIntlClientProvider>
  );
}
