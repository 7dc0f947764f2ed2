import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { DELIVERY_LOG_SIZE, listWebhooks } from "@/lib/data/webhooks/manage";
import { CreateWebhookForm, WebhookActions } from "@/components/account/webhook-forms";
import { Breadcrumbs } from "@/components/ui/breadcrumbs";
import { Badge } from "@/components/ui/badge";
import { isLocale } from "@/i18n/routing";
import { translateWritten } from "@/lib/validation/issue-messages";

export const metadata: Metadata = { robots: { index: false } };

export default async function WebhooksPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/account/webhooks`);
  const [t, account, webhooks] = await Promise.all([
    getTranslations({ locale, namespace: "webhooks" }),
    getTranslations({ locale, namespace: "account" }),
    listWebhooks(actor),
  ]);
  const title = actor.role === "ADMIN" ? account("adminTitle") : account("staffTitle");
  return (
    <div className="max-w-3xl">
      <Breadcrumbs locale={locale} items={[{ href: "/account", label: title }, { label: t("title") }]} />
      <h1 className="text-2xl font-semibold">{t("title")}</h1>
      <p className="mt-2 text-sm text-slate-700">{t("lead")}</p>
      <p className="mt-1 text-sm text-slate-700">{t("policy")}</p>
      <ul className="mt-6 space-y-4" aria-label={t("yours")}>
        {webhooks.map((w) => (
          <li key={w.id} className="space-y-3 rounded-md border border-line bg-white p-3" data-webhook={w.url}>
            <p className="break-all text-sm">
              <span className="font-mono">{w.url}</span> <Badge>{w.enabled ? t("enabled") : t("disabled")}</Badge>
            </p>
            <p className="text-sm text-slate-700">
              {w.organizations.length || w.institutions.length
                ? t("receivesChosen", { list: [...w.organizations, ...w.institutions].join(", ") })
                : t("receivesAll")}
            </p>
            {w.disabledReason ? <p className="text-sm text-red-800">{t("autoDisabled")}</p> : null}
            <WebhookActions webhookId={w.id} enabled={w.enabled} locale={locale} />
            <table className="w-full text-left text-sm">
              <caption className="text-left font-medium">{t("log", { n: DELIVERY_LOG_SIZE })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("logWhen")}</th>
                  <th scope="col">{t("logStatus")}</th>
                  <th scope="col">{t("logTime")}</th>
                  <th scope="col">{t("logChanges")}</th>
                  <th scope="col">{t("logError")}</th>
                </tr>
              </thead>
              <tbody>
                {w.deliveries.length ? (
                  w.deliveries.map((d) => (
                    <tr key={d.id} className={d.ok ? "" : "text-red-800"}>
                      <td>{d.at.slice(0, 19).replace("T", " ")} UTC</td>
                      <td>{d.statusCode ?? "—"}</td>
                      <td>{t("ms", { n: d.durationMs })}</td>
                      <td>{d.eventCount}</td>
                      <td className="break-all">{d.error ? translateWritten(d.error, locale) : ""}</td>
                    </tr>
                  ))
                ) : (
                  <tr>
                    <td colSpan={5}>{t("logEmpty")}</td>
                  </tr>
                )}
              </tbody>
            </table>
          </li>
        ))}
      </ul>
      <section aria-labelledby="new-webhook" className="mt-8 rounded-md border border-line bg-white p-4">
        <h2 id="new-webhook" className="text-lg font-semibold">
          {t("new")}
        </h2>
        <CreateWebhookForm locale={locale} />
      </section>
    </div>
  );
}
