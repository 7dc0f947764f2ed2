"use client";

import { useLocale, useTranslations } from "next-intl";
import { formatPartialDate } from "@/lib/shared/dates";
import { LabelledField, useFieldState } from "./labelled-field";
import { DateInput } from "./date-input";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

/** What the values shown now rest on, read-only: a changed fact must cite something else. */
export function CurrentSource({
  source,
}: {
  source: {
    sourceUrl: string | null;
    sourceTitle: string | null;
    sourceQuote: string | null;
    sourceSeenOn?: string | null;
  };
}) {
  // The account pages' client texts are the "account" namespace's (private-intl.tsx), not the public "source".
  const t = useTranslations("account");
  const locale = useLocale();
  const seen = source.sourceSeenOn
    ? formatPartialDate(
        {
          iso: source.sourceSeenOn,
          precision: source.sourceSeenOn.length === 4 ? "YEAR" : source.sourceSeenOn.length === 7 ? "MONTH" : "DAY",
        },
        locale,
      )
    : null;
  return (
    <section
      aria-labelledby="current-source"
      className="rounded-md border border-line bg-white p-3 text-sm sm:col-span-2"
    >
      <h2 id="current-source" className="font-medium">
        {t("currentSource")}
      </h2>
      <p className="text-xs text-muted">{t("currentSourceLead")}</p>
      <p className="mt-2">
        {source.sourceUrl ? (
          <a href={source.sourceUrl} className="text-accent underline" rel="noopener noreferrer">
            {source.sourceTitle ?? source.sourceUrl}
          </a>
        ) : (
          <cite className="not-italic">{source.sourceTitle}</cite>
        )}
        {seen ? <span className="text-muted"> · {t("currentSourceSeen", { date: seen })}</span> : null}
      </p>
      <blockquote className="mt-1 border-l-2 border-line pl-2 italic text-slate-700">
        {source.sourceQuote ? `“${source.sourceQuote}”` : <span className="not-italic text-muted">{t("noQuote")}</span>}
      </blockquote>
    </section>
  );
}

/**
 * The source of the new value: address, title, the quoted passage and the day it was read (today unless
 * changed). Always empty: a change never silently keeps the old passage beside a new value.
 */
export function NewSourceFields({
  prefix,
  legend,
  hint,
  today,
}: {
  /** "values." or "source.": where the action's schema expects the citation. */
  prefix: string;
  legend: string;
  hint: string;
  today: string;
}) {
  const t = useTranslations("account");
  const state = useFieldState();
  const name = (field: string) => `${prefix}${field}`;
  const described = (field: string, hinted = false) => state.described(name(field), hinted, "new-source-hint");
  const invalid = (field: string) => state.invalid(name(field));
  return (
    <fieldset className="grid gap-4 rounded-md border border-line p-3 sm:col-span-2 sm:grid-cols-2">
      <legend className="px-1 text-sm font-semibold">{legend}</legend>
      <p id="new-source-hint" className="text-xs text-muted sm:col-span-2">
        {hint}
      </p>
      <LabelledField name={name("sourceUrl")} label={t("sourceUrl")}>
        <input
          id={name("sourceUrl")}
          name={name("sourceUrl")}
          type="url"
          maxLength={500}
          className={INPUT}
          aria-invalid={invalid("sourceUrl")}
          aria-describedby={described("sourceUrl")}
        />
      </LabelledField>
      <LabelledField name={name("sourceTitle")} label={t("sourceTitle")}>
        <input
          id={name("sourceTitle")}
          name={name("sourceTitle")}
          maxLength={300}
          className={INPUT}
          aria-invalid={invalid("sourceTitle")}
          aria-describedby={described("sourceTitle")}
        />
      </LabelledField>
      <div className="sm:col-span-2">
        <LabelledField name={name("sourceQuote")} label={t("sourceQuote")}>
          <textarea
            id={name("sourceQuote")}
            name={name("sourceQuote")}
            maxLength={2000}
            rows={2}
            className={INPUT}
            aria-invalid={invalid("sourceQuote")}
            aria-describedby={described("sourceQuote")}
          />
        </LabelledField>
      </div>
      <LabelledField name={name("sourceSeenOn")} label={t("sourceSeenOn")} hint={t("sourceSeenOnHint")}>
        <DateInput
          name={name("sourceSeenOn")}
          defaultValue={{ iso: today, precision: "DAY" }}
          className={INPUT}
          invalid={invalid("sourceSeenOn")}
          describedBy={described("sourceSeenOn", true)}
        />
      </LabelledField>
    </fieldset>
  );
}
