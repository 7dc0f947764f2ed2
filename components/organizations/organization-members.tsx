import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { MemberTable } from "@/components/organizations/member-table";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The first page of members, with a link to the rest when there are more. */
export async function OrganizationMembers({
  organization: o,
  locale,
}: {
  organization: OrganizationProfile;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "organization" });
  return (
    <section aria-labelledby="members">
      <h2 id="members" className="mb-3 text-xl font-semibold">
        {t("members")}
      </h2>
      <MemberTable members={o.members} locale={locale} caption={t("members")} />
      {o.memberCount > o.members.length ? (
        <p className="mt-3 text-sm">
          <span className="text-muted">{t("membersShown", { shown: o.members.length, count: o.memberCount })} </span>
          <Link locale={locale} href={`/organizations/${o.slug}/members`} className="font-medium text-accent underline">
            {t("allMembers", { count: o.memberCount })}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
