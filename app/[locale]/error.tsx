"use client";

import { useLocale, useMessages } from "next-intl";
import { UnavailableNotice, type UnavailableTexts } from "@/components/layout/unavailable-notice";

// A page under /en or /zh failed to render (e.g. the database is down): the header, footer and language
// stay, and the page says the registry is temporarily unavailable.
export default function LocaleError({ error, retry }: { error: unknown; retry: () => void }) {
  const locale = useLocale();
  const { unavailable } = useMessages() as { unavailable: UnavailableTexts };
  return <UnavailableNotice texts={unavailable} homeHref={`/${locale}`} error={error} retry={retry} />;
}
