import type { Metadata } from "next";
import { isLocale } from "@/i18n/routing";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { actorOrLogin } from "@/lib/auth/page";
import { listOutbox } from "@/lib/data/outbox";

export const metadata: Metadata = { robots: { index: false } };

/** Every mail the portal sent or tried to send, with its status; links that set a password are withheld. */
export default async function OutboxPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/outbox`);
  const [mails, t] = await Promise.all([listOutbox(actor), getTranslations({ locale, namespace: "account" })]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("outbox")}</h1>
      <p className="text-sm text-slate-700">{t("outboxLead")}</p>
      {mails.length ? (
        <ul className="space-y-3">
          {mails.map((m) => (
            <li key={m.id} className="rounded-md border border-line bg-white p-3 text-sm">
              <p className="font-medium">{m.subject}</p>
              <p className="text-xs text-muted">
                → {m.to} · {m.createdAt.slice(0, 16).replace("T", " ")} ·{" "}
                {m.sentAt ? t("sent") : m.error ? `${t("failed")}: ${m.error}` : t("notSent")}
              </p>
              {m.note ? <p className="text-xs text-muted">{m.note}</p> : null}
              <pre className="mt-2 whitespace-pre-wrap break-all font-sans">{m.text}</pre>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-muted">{t("outboxEmpty")}</p>
      )}
    </div>
  );
}
