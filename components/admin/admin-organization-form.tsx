"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { adminCreateOrganizationAction, adminUpdateOrganizationAction } from "@/lib/actions/admin-records";
import type { AdminOrganizationValues } from "@/lib/validation/organizations";
import { ActionForm, FieldError } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";
import { OrganizationProfileFields, SourceFields } from "@/components/account/organization-profile-fields";

/** Admins edit an organization's profile (and its Wikidata item); published at once. */
export function AdminOrganizationForm({
  locale,
  slug,
  version,
  values,
}: {
  locale: Locale;
  slug: string;
  version: number;
  values: AdminOrganizationValues;
}) {
  const t = useTranslations("account");
  return (
    <ActionForm
      action={adminUpdateOrganizationAction}
      hidden={{ organizationSlug: slug, baseVersion: String(version) }}
      submitLabel={t("saveAndPublish")}
      locale={locale}
    >
      <div className="grid gap-4 sm:grid-cols-2">
        <OrganizationProfileFields values={values} />
        <TextField
          name="values.wikidataId"
          label={t("wikidataId")}
          defaultValue={values.wikidataId ?? ""}
          maxLength={80}
        />
      </div>
    </ActionForm>
  );
}

/** Admins add an organization, citing where its facts come from; its members are proposed by their institutions. */
export function AdminCreateOrganizationForm({ locale }: { locale: Locale }) {
  const t = useTranslations("account");
  return (
    <ActionForm action={adminCreateOrganizationAction} hidden={{}} submitLabel={t("addOrganization")} locale={locale}>
      <div className="grid gap-4 sm:grid-cols-2">
        <OrganizationProfileFields />
        <SourceFields />
        <FieldError name="_form" />
      </div>
    </ActionForm>
  );
}
