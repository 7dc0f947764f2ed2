"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { updateUserAccessAction } from "@/lib/actions/accounts";
import { userRoles, type UserRoleValue } from "@/lib/shared/vocabulary";
import { ActionForm, FieldError } from "@/components/account/action-form";

/** Role, institution and access of one account; saving ends the person's open sessions. */
export function UserAccessForm({
  user,
  institutions,
  locale,
}: {
  user: {
    id: string;
    email: string;
    role: UserRoleValue;
    disabledAt: string | null;
    institution: { slug: string } | null;
  };
  institutions: { slug: string; name: string }[];
  locale: Locale;
}) {
  const t = useTranslations("account");
  const roleLabel = useTranslations(userRoles.namespace);
  const id = (f: string) => `${f}-${user.id}`;
  const select = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm";
  return (
    <ActionForm
      action={updateUserAccessAction}
      hidden={{ userId: user.id }}
      submitLabel={t("save")}
      tone="plain"
      locale={locale}
    >
      <div className="flex flex-wrap items-end gap-3 text-sm">
        <div>
          <label htmlFor={id("role")} className="block">
            {t("role")}
          </label>
          <select id={id("role")} name="role" defaultValue={user.role} className={select}>
            {userRoles.values.map((r) => (
              <option key={r} value={r}>
                {roleLabel(userRoles.labels[r])}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={id("institutionSlug")} className="block">
            {t("institution")}
          </label>
          <select
            id={id("institutionSlug")}
            name="institutionSlug"
            defaultValue={user.institution?.slug ?? ""}
            className={`${select} max-w-64`}
          >
            <option value="">—</option>
            {institutions.map((i) => (
              <option key={i.slug} value={i.slug}>
                {i.name}
              </option>
            ))}
          </select>
          <FieldError name="institutionSlug" id={id("institutionSlug-error")} />
        </div>
        <div className="flex items-center gap-2 pb-1">
          <input id={id("disabled")} name="disabled" type="checkbox" defaultChecked={Boolean(user.disabledAt)} />
          <label htmlFor={id("disabled")}>{t("disabled")}</label>
        </div>
      </div>
    </ActionForm>
  );
}
