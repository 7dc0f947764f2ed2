"use client";

import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { checkPartialDate, formatPartialDate, type PartialDate } from "@/lib/shared/dates";
import { FieldError, useFormState } from "./action-form";

/** A labelled date of an ActionForm (as TextField is for text), with its hint, its preview and its errors. */
export function DateField({
  name,
  label,
  defaultValue,
}: {
  name: string;
  label: string;
  defaultValue?: PartialDate | null;
}) {
  const t = useTranslations("account");
  const state = useFormState();
  const invalid = Boolean(state.fieldErrors[name]);
  return (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      <p id={`${name}-hint`} className="text-xs text-muted">
        {t("dateHint")}
      </p>
      <DateInput
        name={name}
        defaultValue={defaultValue ?? null}
        invalid={invalid}
        describedBy={[invalid ? `${name}-error` : null, `${name}-hint`].filter(Boolean).join(" ")}
        className="mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2"
      />
      <FieldError name={name} />
    </div>
  );
}

/**
 * A date typed as the source writes it ("May 2018", "Nov 11, 2019", "2018年5月"), with how the server will store
 * it shown beside it while typing: the same reading (lib/shared/dates.ts checkPartialDate) the server applies.
 */
export function DateInput({
  name,
  defaultValue,
  className,
  describedBy,
  invalid,
}: {
  name: string;
  defaultValue: PartialDate | null;
  className: string;
  describedBy?: string;
  invalid?: boolean;
}) {
  const locale = useLocale();
  const [text, setText] = useState(() => formatPartialDate(defaultValue, locale) ?? "");
  const previewId = `${name}-preview`;
  return (
    <>
      <input
        id={name}
        name={name}
        value={text}
        onChange={(e) => setText(e.target.value)}
        maxLength={40}
        className={className}
        aria-invalid={invalid}
        aria-describedby={[describedBy, previewId].filter(Boolean).join(" ")}
      />
      <DatePreview id={previewId} text={text} />
    </>
  );
}

function DatePreview({ id, text }: { id: string; text: string }) {
  const t = useTranslations("account.dateEntry");
  const locale = useLocale();
  const checked = checkPartialDate(text);
  let message: string | null = null;
  let refused = false;
  if (checked.ok && checked.date)
    message = t("storedAs", {
      date: formatPartialDate(checked.date, locale) ?? checked.date.iso,
      precision: t(`precision${checked.date.precision}`),
    });
  else if (!checked.ok) {
    refused = true;
    message =
      checked.issue.dateIssue === "future"
        ? t("inFuture", { date: formatPartialDate(checked.issue.date, locale) ?? checked.issue.date.iso })
        : t("cannotRead");
  }
  return (
    <p
      id={id}
      aria-live="polite"
      data-testid={id}
      data-state={refused ? "refused" : message ? "read" : "blank"}
      className={`mt-1 text-xs ${refused ? "text-red-800" : "text-muted"}`}
    >
      {message}
    </p>
  );
}
