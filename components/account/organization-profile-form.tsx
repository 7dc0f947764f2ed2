"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { InstitutionPicker } from "@/components/admin/institution-picker";
import type { FormAction } from "@/lib/actions/state";
import {
  COUNT_QUALIFIERS,
  COUNT_SUBJECTS,
  FOUNDER_ROLES,
  NAME_LOCALES,
  type OrganizationSideProfile,
} from "@/lib/validation/organization-profile";
import { ActionForm } from "./action-form";
import { DateField } from "./date-input";
import { LabelledField, useFieldState } from "./labelled-field";
import { NewSourceFields } from "./source-fields";
import { TextField } from "./text-field";

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
/** Blank rows after the current ones: a row is added by filling one in, without JavaScript. */
const SPARE_ROWS = 2;

type Founder = { slug: string; name: string; role: string };

export type OptionLabels = {
  languages: Record<(typeof NAME_LOCALES)[number], string>;
  roles: Record<(typeof FOUNDER_ROLES)[number], string>;
  subjects: Record<(typeof COUNT_SUBJECTS)[number], string>;
  qualifiers: Record<(typeof COUNT_QUALIFIERS)[number], string>;
};

/** The current rows, then blank ones, each with its number and a key React keeps it by. */
const rowsOf = <T,>(list: T[]) =>
  [...list, ...Array<null>(SPARE_ROWS).fill(null)].map((value, i) => ({ value, i, key: `row-${i}` }));

function Select({
  name,
  label,
  options,
  defaultValue,
  blank,
}: {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  defaultValue: string;
  blank?: string;
}) {
  const { described } = useFieldState();
  return (
    <LabelledField name={name} label={label}>
      <select id={name} name={name} defaultValue={defaultValue} className={INPUT} aria-describedby={described(name)}>
        {blank !== undefined ? <option value="">{blank}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </LabelledField>
  );
}

/** One list of the profile: its heading and hint, and a fieldset per row. */
function ListFields({ id, legend, hint, children }: { id: string; legend: string; hint: string; children: ReactNode }) {
  return (
    <fieldset className="space-y-3 rounded-md border border-line bg-white p-3 sm:col-span-2" aria-describedby={id}>
      <legend className="px-1 font-medium">{legend}</legend>
      <p id={id} className="text-xs text-muted">
        {hint}
      </p>
      {children}
    </fieldset>
  );
}

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <fieldset className="grid gap-3 border-t border-line pt-2 sm:grid-cols-3">
      <legend className="text-xs text-muted">{label}</legend>
      {children}
    </fieldset>
  );
}

type Lists = { values: OrganizationSideProfile; founders: Founder[]; labels: OptionLabels; locale: Locale };

function FormerNameFields({ values, labels }: Lists) {
  const t = useTranslations("account");
  const languages = NAME_LOCALES.map((l) => ({ value: l, label: labels.languages[l] }));
  return (
    <ListFields id="former-names-hint" legend={t("formerNames")} hint={t("formerNamesHint")}>
      {rowsOf(values.formerNames).map(({ value: n, i, key }) => (
        <Row key={key} label={t("rowNumber", { number: i + 1 })}>
          <TextField
            name={`values.formerNames.${i}.name`}
            label={t("formerName")}
            defaultValue={n?.name ?? ""}
            maxLength={300}
          />
          <Select
            name={`values.formerNames.${i}.locale`}
            label={t("nameLanguage")}
            options={languages}
            defaultValue={n?.locale ?? "en"}
          />
          <DateField name={`values.formerNames.${i}.validUntil`} label={t("validUntil")} defaultValue={n?.validUntil} />
        </Row>
      ))}
    </ListFields>
  );
}

function FounderFields({ founders, labels, locale }: Lists) {
  const t = useTranslations("account");
  return (
    <ListFields id="founders-hint" legend={t("founders")} hint={t("foundersHint")}>
      {rowsOf(founders).map(({ value: f, i, key }) => (
        <Row key={key} label={t("rowNumber", { number: i + 1 })}>
          <div className="sm:col-span-2">
            <InstitutionPicker
              id={`values.founders.${i}.institution`}
              name={`values.founders.${i}.institution`}
              recordName={`values.founders.${i}.institutionSlug`}
              locale={locale}
              chosen={f ? { slug: f.slug, name: f.name } : null}
            />
          </div>
          <Select
            name={`values.founders.${i}.role`}
            label={t("founderRole")}
            options={FOUNDER_ROLES.map((r) => ({ value: r, label: labels.roles[r] }))}
            defaultValue={f?.role ?? ""}
            blank={t("chooseOne")}
          />
        </Row>
      ))}
    </ListFields>
  );
}

function CountFields({ values, labels }: Lists) {
  const t = useTranslations("account");
  return (
    <ListFields id="counts-hint" legend={t("declaredCounts")} hint={t("declaredCountsHint")}>
      {rowsOf(values.declaredCounts).map(({ value: c, i, key }) => (
        <Row key={key} label={t("rowNumber", { number: i + 1 })}>
          <Select
            name={`values.declaredCounts.${i}.countSubject`}
            label={t("countSubject")}
            options={COUNT_SUBJECTS.map((s) => ({ value: s, label: labels.subjects[s] }))}
            defaultValue={c?.subject ?? ""}
            blank={t("chooseOne")}
          />
          <Select
            name={`values.declaredCounts.${i}.qualifier`}
            label={t("countQualifier")}
            options={COUNT_QUALIFIERS.map((q) => ({ value: q, label: labels.qualifiers[q] }))}
            defaultValue={c?.qualifier ?? "EXACTLY"}
          />
          <TextField
            name={`values.declaredCounts.${i}.value`}
            label={t("countValue")}
            defaultValue={c ? String(c.value) : ""}
            maxLength={12}
          />
          <DateField name={`values.declaredCounts.${i}.asOf`} label={t("countAsOf")} defaultValue={c?.asOf} />
        </Row>
      ))}
    </ListFields>
  );
}

function IntroductionField({ introduction }: { introduction: string | null }) {
  const t = useTranslations("account");
  const { described } = useFieldState();
  return (
    <div className="sm:col-span-2">
      <LabelledField name="values.introduction" label={t("introduction")}>
        <textarea
          id="values.introduction"
          name="values.introduction"
          defaultValue={introduction ?? ""}
          maxLength={5000}
          rows={6}
          className={INPUT}
          aria-describedby={described("values.introduction")}
        />
      </LabelledField>
    </div>
  );
}

/**
 * An organization's profile as its secretariat proposes it: official names, former names, founders chosen from the
 * registry, declared counts, introduction and website, and the source of what changed. Works without JavaScript.
 */
export function OrganizationProfileForm({
  action,
  locale,
  values,
  founders,
  hidden,
  today,
  labels,
}: {
  action: FormAction;
  locale: Locale;
  values: OrganizationSideProfile;
  /** The current founders as the picker shows them (name in the page's language, slug). */
  founders: Founder[];
  hidden: Record<string, string>;
  today: string;
  /** The lists' option labels, from namespaces the account pages do not send to the browser (private-intl.tsx). */
  labels: OptionLabels;
}) {
  const t = useTranslations("account");
  const lists: Lists = { values, founders, labels, locale };
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={t("submitForReview")} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="values.nameEn" label={t("nameEn")} defaultValue={values.nameEn} maxLength={300} />
        <TextField name="values.nameZh" label={t("nameZh")} defaultValue={values.nameZh ?? ""} maxLength={300} />
        <TextField name="values.acronym" label={t("acronym")} defaultValue={values.acronym ?? ""} maxLength={30} />
        <TextField
          name="values.website"
          label={t("website")}
          type="url"
          defaultValue={values.website ?? ""}
          maxLength={500}
        />
        <FormerNameFields {...lists} />
        <FounderFields {...lists} />
        <CountFields {...lists} />
        <IntroductionField introduction={values.introduction} />
        <Select
          name="values.introductionLocale"
          label={t("introductionLanguage")}
          options={NAME_LOCALES.map((l) => ({ value: l, label: labels.languages[l] }))}
          defaultValue={values.introductionLocale}
        />
        <NewSourceFields
          prefix="source."
          legend={t("profileSource")}
          hint={t("organizationProfileSourceHint")}
          today={today}
        />
        <div className="sm:col-span-2">
          <TextField name="reason" label={t("reason")} maxLength={2000} />
        </div>
      </div>
    </ActionForm>
  );
}
