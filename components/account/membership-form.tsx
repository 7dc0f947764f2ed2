"use client";
import type { Locale } from "@/i18n/routing";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions/state";
import type { MembershipSnapshot } from "@/lib/shared/types/change-requests";
import { membershipRoles, membershipStatuses } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "./action-form";
import { DateInput } from "./date-input";
import { SuggestCombobox } from "@/components/ui/suggest-combobox";
import { LabelledField, useFieldState } from "./labelled-field";
import { formerPeriodsAsText } from "@/lib/validation/membership-periods";
import { CurrentSource, NewSourceFields } from "./source-fields";
import { InstitutionPicker } from "@/components/admin/institution-picker";

/** Propose new values for a membership (or a new one): validated on the server, errors beside each field. */
export function MembershipForm({
  action,
  locale,
  values,
  hidden,
  organization,
  institution = false,
  periods = false,
  today,
}: {
  action: FormAction;
  locale: Locale;
  values: MembershipSnapshot | null;
  hidden: Record<string, string>;
  /** A new membership: the organization is chosen in the form (`chosen` when a link named one). */
  organization?: { chosen: OrganizationChoice | null };
  /** A member an organization's secretariat states: the institution is chosen from the directory. */
  institution?: boolean;
  /** The "read on" field's default (the server's today, so the page renders the same on both sides). */
  today: string;
  /** The university's own entry: its earlier periods too (an organization's statement leaves them as they are). */
  periods?: boolean;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={t("submitForReview")} locale={locale}>
      {institution ? <InstitutionPicker id="institution" locale={locale} /> : null}
      <Fields values={values} organization={organization} today={today} locale={locale} periods={periods} />
    </ActionForm>
  );
}

type OrganizationChoice = { slug: string; name: string };

const INPUT = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";

function Fields({
  values,
  organization,
  today,
  locale,
  periods,
}: {
  values: MembershipSnapshot | null;
  organization?: { chosen: OrganizationChoice | null };
  today: string;
  locale: Locale;
  periods: boolean;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {organization ? <OrganizationField chosen={organization.chosen} locale={locale} /> : null}
      <RoleAndStatusFields values={values} />
      <DateFields values={values} />
      {periods ? <FormerPeriodsField values={values} /> : null}
      <NotesField values={values} />
      <SourceFields values={values} today={today} />
      <div className="sm:col-span-2">
        <ReasonField />
      </div>
      <FieldError name="_form" />
    </div>
  );
}

/** The organization, from the one type-ahead: its slug travels in a hidden field; without JavaScript the
 * server resolves the typed name (lib/data/search/suggest.ts, resolveOrganizationChoice). */
function OrganizationField({ chosen, locale }: { chosen: OrganizationChoice | null; locale: Locale }) {
  const t = useTranslations("account");
  const hint = useTranslations("suggest");
  const { described, invalid } = useFieldState();
  return (
    <div className="sm:col-span-2">
      <LabelledField name="organization" label={t("organization")} hint={hint("recordHint")}>
        <SuggestCombobox
          id="organization"
          name="organization"
          recordName="organizationSlug"
          mode="record"
          types={["organization"]}
          locale={locale}
          defaultText={chosen?.name}
          defaultRecord={chosen?.slug}
          className={INPUT}
          invalid={invalid("organization")}
          describedBy={described("organization", true)}
        />
      </LabelledField>
    </div>
  );
}

function RoleAndStatusFields({ values }: { values: MembershipSnapshot | null }) {
  const t = useTranslations("account");
  const roleLabel = useTranslations(membershipRoles.namespace);
  const statusLabel = useTranslations(membershipStatuses.namespace);
  const { described } = useFieldState();
  return (
    <>
      <LabelledField name="values.role" label={t("role")}>
        <select
          id="values.role"
          name="values.role"
          defaultValue={values?.role ?? "MEMBER"}
          className={INPUT}
          aria-describedby={described("values.role")}
        >
          {membershipRoles.values.map((r) => (
            <option key={r} value={r}>
              {roleLabel(membershipRoles.labels[r])}
            </option>
          ))}
        </select>
      </LabelledField>
      <LabelledField name="values.status" label={t("status")}>
        <select
          id="values.status"
          name="values.status"
          defaultValue={values?.status ?? "ACTIVE"}
          className={INPUT}
          aria-describedby={described("values.status")}
        >
          {membershipStatuses.values.map((s) => (
            <option key={s} value={s}>
              {statusLabel(membershipStatuses.labels[s])}
            </option>
          ))}
        </select>
      </LabelledField>
    </>
  );
}

function DateFields({ values }: { values: MembershipSnapshot | null }) {
  const t = useTranslations("account");
  const { described, invalid } = useFieldState();
  return (
    <>
      {(["joined", "ended"] as const).map((which) => {
        const name = `values.${which}`;
        return (
          <LabelledField key={which} name={name} label={t(which)} hint={t("dateHint")}>
            <DateInput
              name={name}
              defaultValue={values?.[which] ?? null}
              className={INPUT}
              invalid={invalid(name)}
              describedBy={described(name, true)}
            />
          </LabelledField>
        );
      })}
    </>
  );
}

/** Earlier periods, one a line; a rejoining member's ended period is kept by the server (keepEndedPeriod). */
function FormerPeriodsField({ values }: { values: MembershipSnapshot | null }) {
  const t = useTranslations("account");
  const { described, invalid } = useFieldState();
  return (
    <div className="sm:col-span-2">
      <LabelledField name="values.formerPeriods" label={t("formerPeriods")} hint={t("formerPeriodsHint")}>
        <textarea
          id="values.formerPeriods"
          name="values.formerPeriods"
          defaultValue={formerPeriodsAsText(values?.formerPeriods)}
          maxLength={2000}
          rows={2}
          placeholder="2005 – 2012"
          className={INPUT}
          aria-invalid={invalid("values.formerPeriods") || undefined}
          aria-describedby={described("values.formerPeriods")}
        />
      </LabelledField>
    </div>
  );
}

function NotesField({ values }: { values: MembershipSnapshot | null }) {
  const t = useTranslations("account");
  const { described } = useFieldState();
  return (
    <div className="sm:col-span-2">
      <LabelledField name="values.notes" label={t("notes")}>
        <textarea
          id="values.notes"
          name="values.notes"
          defaultValue={values?.notes ?? ""}
          maxLength={2000}
          rows={3}
          className={INPUT}
          aria-describedby={described("values.notes")}
        />
      </LabelledField>
    </div>
  );
}

/** An edit shows the current source read-only and asks for the new value's own; a new entry asks for its source. */
function SourceFields({ values, today }: { values: MembershipSnapshot | null; today: string }) {
  const t = useTranslations("account");
  return (
    <>
      {values ? <CurrentSource source={values} /> : null}
      <NewSourceFields
        prefix="values."
        legend={t("newSource")}
        hint={values ? t("newSourceHint") : t("newMembershipSourceHint")}
        today={today}
      />
    </>
  );
}

function ReasonField() {
  const t = useTranslations("account");
  const { described } = useFieldState();
  return (
    <LabelledField name="reason" label={t("reason")}>
      <textarea
        id="reason"
        name="reason"
        maxLength={2000}
        rows={2}
        className={INPUT}
        aria-describedby={described("reason")}
      />
    </LabelledField>
  );
}
