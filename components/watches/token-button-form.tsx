"use client";

import type { Locale } from "@/i18n/routing";
import type { FormAction } from "@/lib/actions/state";
import { ActionForm } from "@/components/account/action-form";

/** One button acting with a mailed link's token (confirm, unsubscribe, stop watching one record). */
export function TokenButtonForm({
  action,
  token,
  locale,
  label,
  hidden = {},
  tone = "primary",
}: {
  action: FormAction;
  token: string;
  locale: Locale;
  label: string;
  hidden?: Record<string, string>;
  tone?: "primary" | "danger" | "plain";
}) {
  return <ActionForm action={action} hidden={{ token, ...hidden }} submitLabel={label} locale={locale} tone={tone} />;
}
