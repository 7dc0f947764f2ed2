import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listUsers } from "@/lib/data/accounts/user-admin";
import { InstitutionPicker } from "@/components/admin/institution-picker";
import { inviteUserAction } from "@/lib/actions/accounts";
import { ActionForm } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";
import { UserAccessForm } from "@/components/admin/user-access-form";
import { HandOverLink } from "@/components/account/hand-over-link";
import { Badge } from "@/components/ui/badge";
import { staffRoles, userRoles } from "@/lib/shared/vocabulary";
import { addressDay } from "@/lib/shared/address-reverification";
import { notFound } from "next/navigation";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

export default async function UsersPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/users`);
  const [users, t] = await Promise.all([listUsers(actor, locale), getTranslations({ locale, namespace: "account" })]);
  const select = "mt-1 w-full rounded-md border border-slate-300 bg-white px-3 py-2";
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-semibold">{t("users")}</h1>
      <section aria-labelledby="invite" className="max-w-2xl rounded-md border border-line bg-white p-4">
        <h2 id="invite" className="mb-3 text-lg font-semibold">
          {t("invite")}
        </h2>
        <ActionForm action={inviteUserAction} hidden={{}} submitLabel={t("sendInvite")} locale={locale}>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField name="email" label={t("email")} type="email" />
            <TextField name="name" label={t("name")} maxLength={200} />
            <div>
              <label htmlFor="invite-role" className="block text-sm font-medium">
                {t("role")}
              </label>
              <select id="invite-role" name="role" defaultValue="STAFF" className={select}>
                {userRoles.values.map((role) => (
                  <option key={role} value={role}>
                    {t(userRoles.labels[role])}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="invite-staff-role" className="block text-sm font-medium">
                {t("staffRole")}
              </label>
              <select id="invite-staff-role" name="staffRole" defaultValue="MANAGER" className={select}>
                {staffRoles.values.map((r) => (
                  <option key={r} value={r}>
                    {t(staffRoles.labels[r])}
                  </option>
                ))}
              </select>
            </div>
            <InstitutionPicker id="invite-institution" locale={locale} />
          </div>
          <HandOverLink />
        </ActionForm>
      </section>
      <section aria-labelledby="accounts">
        <h2 id="accounts" className="text-lg font-semibold">
          {t("accounts")}
        </h2>
        <ul className="mt-3 divide-y divide-line rounded-md border border-line bg-white">
          {users.map((u) => (
            <li key={u.id} className="space-y-2 p-3">
              <p className="text-sm">
                <span className="font-medium">{u.name}</span> · {u.email} · {t(userRoles.labels[u.role])}
                {u.staffRole ? ` (${t(staffRoles.labels[u.staffRole])})` : ""}
                {u.institution ? ` · ${u.institution.name}` : ""}
                {u.organization ? ` · ${t("secretariatOf", { organization: u.organization.name })}` : ""}{" "}
                {u.invited ? <Badge tone="warm">{t("invited")}</Badge> : null}{" "}
                {u.disabledAt ? <Badge>{t("disabled")}</Badge> : null}{" "}
                {u.addressOverdue ? <Badge tone="warm">{t("addressOverdue")}</Badge> : null}
              </p>
              {u.addressConfirmedAt ? (
                <p className="text-xs text-slate-600">
                  {t("addressConfirmedOn", { date: addressDay(u.addressConfirmedAt, locale) })}
                </p>
              ) : null}
              <UserAccessForm user={u} locale={locale} />
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
