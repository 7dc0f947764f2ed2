import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { OrganizationSummary } from "@/lib/shared/types/organizations";
import { formatPartialDate } from "@/lib/shared/dates";
import { Badge } from "@/components/ui/badge";

export async function OrganizationCard({
  organization: o,
  locale,
}: {
  organization: OrganizationSummary;
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "organizations" });
  const kinds = await getTranslations({ locale, namespace: "kinds" });
  return (
    <li className="rounded-md border border-line bg-white p-4 hover:border-accent/50">
      <h3 className="text-base font-semibold">
        <Link locale={locale} href={`/organizations/${o.slug}`} className="text-ink hover:text-accent hover:underline">
          {o.name}
          {o.acronym ? <span className="font-normal text-muted"> ({o.acronym})</span> : null}
        </Link>
      </h3>
      {o.originalName ? (
        <p className="text-sm text-muted" lang="en">
          {o.originalName}
        </p>
      ) : null}
      <p className="mt-2 flex flex-wrap items-center gap-2 text-sm text-slate-700">
        <Badge tone="accent">{kinds(o.kind)}</Badge>
        {o.founded ? <span>{t("founded", { date: formatPartialDate(o.founded, locale) ?? "" })}</span> : null}
        <span className="text-muted">· {t("membersListed", { count: o.memberCount })}</span>
      </p>
    </li>
  );
}
