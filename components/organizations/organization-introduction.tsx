import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/ui/as-written";
import { ReadMore } from "@/components/ui/read-more";
import { SourceNote } from "@/components/ui/source-note";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

export async function OrganizationIntroduction({
  organization: o,
  locale,
}: {
  organization: OrganizationProfile;
  locale: Locale;
}) {
  if (!o.introduction) return null;
  const t = await getTranslations({ locale, namespace: "organization" });
  return (
    <section aria-labelledby="introduction">
      <h2 id="introduction" className="text-xl font-semibold">
        {t("introduction")}
      </h2>
      <div className="mt-3 leading-relaxed text-slate-800">
        <AsWritten text={o.introduction} lang={o.introductionLocale} locale={locale} long block>
          <ReadMore source={o.introduction} locale={locale} lang={o.introductionLocale ?? undefined} max={400} />
        </AsWritten>
      </div>
      <div className="mt-2">
        <SourceNote source={o.introductionSource} locale={locale} />
      </div>
    </section>
  );
}
