"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { updateUserAccessAction } from "@/lib/actions/accounts";
import { staffRoles, userRoles, type StaffRoleValue, type UserRoleValue } from "@/lib/shared/vocabulary";
import { ActionForm } from "@/components/account/action-form";
import { InstitutionPicker } from "./institution-picker";

/** Role, institution and access of one account; saving ends the person's open sessions. */
export function UserAccessForm({
  user,
  locale,
}: {
  user: {
    id: string;
    email: string;
    role: UserRoleValue;
    staffRole: StaffRoleValue | null;
    disabledAt: string | null;
    institution: { slug: string; name: string } | null;
    /** A secretariat's account keeps its organization: no institution is chosen for it. */
    organization: { slug: string; name: string } | null;
  };
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
          <label htmlFor={id("staffRole")} className="block">
            {t("staffRole")}
          </label>
          <select id={id("staffRole")} name="staffRole" defaultValue={user.staffRole ?? "MANAGER"} className={select}>
            {staffRoles.values.map((r) => (
              <option key={r} value={r}>
                {t(staffRoles.labels[r])}
              </option>
            ))}
          </select>
        </div>
        {user.organization ? (
          <p className="pb-1">{t("secretariatOf", { organization: user.organization.name })}</p>
        ) : (
          <InstitutionPicker id={id("institution")} locale={locale} chosen={user.institution} compact />
        )}
        <div className="flex items-center gap-2 pb-1">
          <input id={id("disabled")} name="disabled" type="checkbox" defaultChecked={Boolean(user.disabledAt)} />
          <label htmlFor={id("disabled")}>{t("disabled")}</label>
        </div>
      </div>
    </ActionForm>
  );
}
