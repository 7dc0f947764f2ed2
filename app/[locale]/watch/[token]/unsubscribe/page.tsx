import type { Metadata } from "next";
import NextLink from "next/link";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getWatcherPage } from "@/lib/data/watches/manage";
import { unsubscribeWatcherAction } from "@/lib/actions/watches";
import { watcherPagePath } from "@/lib/shared/paths";
import { TokenButtonForm } from "@/components/watches/token-button-form";
import { FormTextsFor } from "@/components/account/form-texts-for";
import { isLocale } from "@/i18n/routing";

// The unsubscribe page for people (a digest's link, and where a mail client's GET of the one-click address lands):
// the visit changes nothing, the button unsubscribes. Mail clients POST to /api/watch/unsubscribe (RFC 8058).
export const dynamic = "force-dynamic";
export const metadata: Metadata = { robots: { index: false, follow: false }, referrer: "no-referrer" };

type Props = { params: Promise<{ locale: string; token: string }>; searchParams: Promise<{ done?: string }> };

export default async function UnsubscribePage({ params, searchParams }: Props) {
  const [{ locale, token }, { done }] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const [t, page] = await Promise.all([getTranslations({ locale, namespace: "watch" }), getWatcherPage(token, locale)]);
  // After the button: the token opens nothing any more (the address is gone), which is what this says.
  if (!page && done)
    return (
      <article className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("unsubscribeTitle")}</h1>
        <p role="status">{t("unsubscribed")}</p>
      </article>
    );
  if (!page) notFound();
  return (
    <FormTextsFor locale={locale}>
      <article className="max-w-xl space-y-4">
        <h1 className="text-2xl font-semibold">{t("unsubscribeTitle")}</h1>
        <p>{t("unsubscribeLead", { email: page.email })}</p>
        <TokenButtonForm
          action={unsubscribeWatcherAction}
          token={token}
          locale={locale}
          label={t("unsubscribeButton")}
          tone="danger"
        />
        <p>
          <NextLink href={watcherPagePath(locale, token)} className="text-accent underline">
            {t("manageLink")}
          </NextLink>
        </p>
      </article>
    </FormTextsFor>
  );
}
