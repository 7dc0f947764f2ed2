"use client";

import type { Locale } from "@/i18n/routing";
import { useTranslations } from "next-intl";
import { removeColleagueAction, setColleagueRoleAction } from "@/lib/actions/colleagues";
import type { StaffRoleValue } from "@/lib/shared/vocabulary";
import { ActionForm } from "./action-form";

/** A manager's two forms for one colleague: the other role, and removal from the institution. */
export function ColleagueActions({
  userId,
  staffRole,
  locale,
}: {
  userId: string;
  staffRole: StaffRoleValue | null;
  locale: Locale;
}) {
  const t = useTranslations("account");
  const other: StaffRoleValue = staffRole === "MANAGER" ? "EDITOR" : "MANAGER";
  return (
    <div className="flex flex-wrap items-start gap-3">
      <ActionForm
        action={setColleagueRoleAction}
        hidden={{ userId, staffRole: other }}
        submitLabel={other === "MANAGER" ? t("makeManager") : t("makeEditor")}
        tone="plain"
        locale={locale}
      />
      <ActionForm
        action={removeColleagueAction}
        hidden={{ userId }}
        submitLabel={t("removeColleague")}
        tone="danger"
        locale={locale}
      />
    </div>
  );
}
