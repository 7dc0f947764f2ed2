"use client";
import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { proposeOrganizationMemberEndAction } from "@/lib/actions/organization-members";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { DateField } from "@/components/account/date-input";
import { NewSourceFields } from "@/components/account/source-fields";
import { TextField } from "@/components/account/text-field";

/** A secretariat states that a member's membership ended: the date, the organization's source, and why. */
export function MemberEndForm({
  locale,
  membershipId,
  baseVersion,
  today,
}: {
  locale: Locale;
  membershipId: string;
  baseVersion: number;
  today: string;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm
      action={proposeOrganizationMemberEndAction}
      hidden={{ membershipId, baseVersion: String(baseVersion) }}
      submitLabel={t("submitForReview")}
      locale={locale}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <DateField name="ended" label={t("ended")} />
        <NewSourceFields prefix="" legend={t("newSource")} hint={t("newMembershipSourceHint")} today={today} />
        <div className="sm:col-span-2">
          <TextField name="reason" label={t("reason")} maxLength={2000} />
        </div>
        <FieldError name="_form" />
      </div>
    </ActionForm>
  );
}
