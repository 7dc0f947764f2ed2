"use client";

import { useParams } from "next/navigation";
import { UnavailableNotice, useUnavailableTexts } from "@/components/layout/unavailable-notice";

// A page under /en or /zh failed to render (e.g. the database is down): the header, footer and language
// stay, and the page says the registry is temporarily unavailable.
export default function LocaleError({ error, retry }: { error: unknown; retry: () => void }) {
  const { locale } = useParams<{ locale: string }>();
  return <UnavailableNotice texts={useUnavailableTexts()} homeHref={`/${locale}`} error={error} retry={retry} />;
}
