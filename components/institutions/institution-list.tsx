import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import { countryName } from "@/lib/shared/countries";
import type { InstitutionSummary } from "@/lib/shared/types/institutions";

/** One page of institutions: name, original name, kind, country and how many organizations they take part in. */
export async function InstitutionList({ items, locale }: { items: InstitutionSummary[]; locale: Locale }) {
  const [t, kinds] = await Promise.all([
    getTranslations({ locale, namespace: "institutions" }),
    getTranslations({ locale, namespace: "institutionKinds" }),
  ]);
  return (
    <ul className="mt-4 divide-y divide-line rounded-md border border-line bg-white">
      {items.map((i) => (
        <li key={i.slug} className="flex flex-wrap items-baseline justify-between gap-2 p-3">
          {/* The directory's names hold long words: they wrap rather than widen a phone's page. */}
          <div className="min-w-0 [overflow-wrap:anywhere]">
            <Link locale={locale} href={`/institutions/${i.slug}`} className="font-medium text-accent hover:underline">
              {i.name}
            </Link>
            {i.originalName ? (
              <span className="block text-sm text-muted" lang="en">
                {i.originalName}
              </span>
            ) : null}
          </div>
          <div className="flex flex-wrap items-center gap-2 text-sm text-slate-700">
            <Badge>{kinds(i.kind)}</Badge>
            <span>{countryName(i.country, locale)}</span>
            <span className="text-muted">· {t("memberships", { count: i.membershipCount })}</span>
          </div>
        </li>
      ))}
    </ul>
  );
}
