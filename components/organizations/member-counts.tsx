import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { DeclaredCount } from "@/components/organizations/declared-count";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** How many members are listed here beside the counts the organization's own sources declare. */
export async function MemberCounts({ organization: o, locale }: { organization: OrganizationProfile; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "organization" });
  return (
    <section aria-labelledby="members-count">
      <h2 id="members-count" className="text-xl font-semibold">
        {t("memberCounts")}
      </h2>
      <div className="mt-3 grid gap-3 sm:grid-cols-2">
        <div className="rounded-md border border-accent/30 bg-accent-soft p-3">
          <p className="font-medium">{t("listedHere")}</p>
          <p className="text-lg font-semibold tabular-nums">{t("listedCount", { count: o.memberCount })}</p>
        </div>
        {o.declaredCounts.map((c) => (
          <DeclaredCount key={`${c.subject}-${c.asOf?.iso ?? ""}-${c.value}`} count={c} locale={locale} />
        ))}
      </div>
    </section>
  );
}
