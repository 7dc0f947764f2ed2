"use client";

import { useTranslations } from "next-intl";
import type { FormAction } from "@/lib/actions/state";
import type { MembershipSnapshot } from "@/lib/shared/types/change-requests";
import { membershipRoles, membershipStatuses } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError, useFormState } from "./action-form";

/** Propose new values for a membership (or a new one): validated on the server, errors beside each field. */
export function MembershipForm({
  action,
  locale,
  values,
  hidden,
  organizations,
}: {
  action: FormAction;
  locale: string;
  values: MembershipSnapshot | null;
  hidden: Record<string, string>;
  organizations?: { slug: string; name: string; acronym: string | null }[];
}) {
  const t = useTranslations("account");
  return (
    <ActionForm action={action} hidden={hidden} submitLabel={t("submitForReview")} locale={locale}>
      <Fields values={values} organizations={organizations} />
    </ActionForm>
  );
}

function Fields({
  values,
  organizations,
}: {
  values: MembershipSnapshot | null;
  organizations?: { slug: string; name: string; acronym: string | null }[];
}) {
  const t = useTranslations("account");
  const roleLabel = useTranslations(membershipRoles.namespace);
  const statusLabel = useTranslations(membershipStatuses.namespace);
  const state = useFormState();
  const input = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  const field = (name: string, label: string, control: React.ReactNode, hint?: string) => (
    <div>
      <label htmlFor={name} className="block text-sm font-medium">
        {label}
      </label>
      {hint ? (
        <p id={`${name}-hint`} className="text-xs text-muted">
          {hint}
        </p>
      ) : null}
      {control}
      <FieldError name={name} />
    </div>
  );
  const described = (name: string, hint?: boolean) =>
    [state.fieldErrors[name] ? `${name}-error` : null, hint ? `${name}-hint` : null].filter(Boolean).join(" ") ||
    undefined;
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      {organizations ? (
        <div className="sm:col-span-2">
          {field(
            "organizationSlug",
            t("organization"),
            <select
              id="organizationSlug"
              name="organizationSlug"
              className={input}
              defaultValue=""
              aria-invalid={Boolean(state.fieldErrors.organizationSlug)}
              aria-describedby={described("organizationSlug")}
            >
              <option value="" disabled>
                {t("chooseOrganization")}
              </option>
              {organizations.map((o) => (
                <option key={o.slug} value={o.slug}>
                  {o.name}
                  {o.acronym ? ` (${o.acronym})` : ""}
                </option>
              ))}
            </select>,
          )}
        </div>
      ) : null}
      {field(
        "values.role",
        t("role"),
        <select
          id="values.role"
          name="values.role"
          defaultValue={values?.role ?? "MEMBER"}
          className={input}
          aria-describedby={described("values.role")}
        >
          {membershipRoles.values.map((r) => (
            <option key={r} value={r}>
              {roleLabel(membershipRoles.labels[r])}
            </option>
          ))}
        </select>,
      )}
      {field(
        "values.status",
        t("status"),
        <select
          id="values.status"
          name="values.status"
          defaultValue={values?.status ?? "ACTIVE"}
          className={input}
          aria-describedby={described("values.status")}
        >
          {membershipStatuses.values.map((s) => (
            <option key={s} value={s}>
              {statusLabel(membershipStatuses.labels[s])}
            </option>
          ))}
        </select>,
      )}
      {field(
        "values.joined",
        t("joined"),
        <input
          id="values.joined"
          name="values.joined"
          defaultValue={values?.joined?.iso ?? ""}
          maxLength={40}
          className={input}
          aria-invalid={Boolean(state.fieldErrors["values.joined"])}
          aria-describedby={described("values.joined", true)}
        />,
        t("dateHint"),
      )}
      {field(
        "values.ended",
        t("ended"),
        <input
          id="values.ended"
          name="values.ended"
          defaultValue={values?.ended?.iso ?? ""}
          maxLength={40}
          className={input}
          aria-invalid={Boolean(state.fieldErrors["values.ended"])}
          aria-describedby={described("values.ended", true)}
        />,
        t("dateHint"),
      )}
      <div className="sm:col-span-2">
        {field(
          "values.notes",
          t("notes"),
          <textarea
            id="values.notes"
            name="values.notes"
            defaultValue={values?.notes ?? ""}
            maxLength={2000}
            rows={3}
            className={input}
            aria-describedby={described("values.notes")}
          />,
        )}
      </div>
      {field(
        "values.sourceUrl",
        t("sourceUrl"),
        <input
          id="values.sourceUrl"
          name="values.sourceUrl"
          type="url"
          defaultValue={values?.sourceUrl ?? ""}
          maxLength={500}
          className={input}
          aria-invalid={Boolean(state.fieldErrors["values.sourceUrl"])}
          aria-describedby={described("values.sourceUrl")}
        />,
      )}
      {field(
        "values.sourceTitle",
        t("sourceTitle"),
        <input
          id="values.sourceTitle"
          name="values.sourceTitle"
          defaultValue={values?.sourceTitle ?? ""}
          maxLength={300}
          className={input}
          aria-describedby={described("values.sourceTitle")}
        />,
      )}
      <div className="sm:col-span-2">
        {field(
          "values.sourceQuote",
          t("sourceQuote"),
          <textarea
            id="values.sourceQuote"
            name="values.sourceQuote"
            defaultValue={values?.sourceQuote ?? ""}
            maxLength={2000}
            rows={2}
            className={input}
            aria-describedby={described("values.sourceQuote")}
          />,
        )}
      </div>
      <div className="sm:col-span-2">
        {field(
          "reason",
          t("reason"),
          <textarea
            id="reason"
            name="reason"
            maxLength={2000}
            rows={2}
            className={input}
            aria-describedby={described("reason")}
          />,
        )}
      </div>
      <FieldError name="_form" />
    </div>
  );
}
