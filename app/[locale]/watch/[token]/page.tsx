import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getWatcherPage } from "@/lib/data/watches/manage";
import { setDigestFrequencyAction, stopWatchingAction } from "@/lib/actions/watches";
import { watchUnsubscribePath } from "@/lib/shared/paths";
import { TokenButtonForm } from "@/components/watches/token-button-form";
import { FrequencyForm } from "@/components/watches/frequency-form";
import { Link } from "@/components/ui/link";
import { FormTextsFor } from "@/components/account/form-texts-for";
import { isLocale } from "@/i18n/routing";

// A subscriber's page, opened by the token of a mailed link (every digest carries one): rendered for each request,
// kept out of search engines, its address not sent on as a referrer. An unknown token is the site's plain 404.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = {
  params: Promise<{ locale: string; token: string }>;
  searchParams: Promise<{ confirmed?: string }>;
};

export default async function WatcherPage({ params, searchParams }: Props) {
  const [{ locale, token }, { confirmed }] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, page] = await Promise.all([getTranslations({ locale, namespace: "watch" }), getWatcherPage(token, locale)]);
  if (!page) notFound();
  return (
    <FormTextsFor locale={locale}>
      <article className="max-w-2xl space-y-6">
        <h1 className="text-2xl font-semibold">{t("pageTitle")}</h1>
        {confirmed ? (
          <p role="status" className="rounded-md border border-green-700 bg-green-50 p-3">
            {t("confirmed")}
          </p>
        ) : null}
        <p>{t("pageLead", { email: page.email })}</p>
        <FrequencyForm
          action={setDigestFrequencyAction}
          token={token}
          locale={locale}
          current={page.frequency}
          texts={{
            frequency: t("frequency"),
            frequencies: { DAILY: t("DAILY"), WEEKLY: t("WEEKLY") },
            save: t("save"),
          }}
        />
        <section aria-labelledby="watching" className="space-y-3">
          <h2 id="watching" className="text-lg font-semibold">
            {t("watching")}
          </h2>
          {page.watches.length ? (
            <ul className="space-y-3">
              {page.watches.map((w) => (
                <li
                  key={w.id}
                  className="flex flex-wrap items-center justify-between gap-3 border-b border-slate-200 pb-2"
                >
                  <Link
                    href={`/${w.kind === "organization" ? "organizations" : "institutions"}/${w.slug}`}
                    className="text-accent underline"
                  >
                    {w.name}
                  </Link>
                  <TokenButtonForm
                    action={stopWatchingAction}
                    token={token}
                    hidden={{ watchId: w.id }}
                    locale={locale}
                    label={t("stopNamed", { name: w.name })}
                    tone="plain"
                  />
                </li>
              ))}
            </ul>
          ) : (
            <p>{t("nothing")}</p>
          )}
        </section>
        <p>
          <NextLink href={watchUnsubscribePath(locale, token)} className="text-accent underline">
            {t("unsubscribeAll")}
          </NextLink>
        </p>
      </article>
    </FormTextsFor>
  );
}
