import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/ui/as-written";
import { Badge } from "@/components/ui/badge";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The profile's title: kind and fields, the name in the reader's language and the original one. */
export async function OrganizationHeader({
  organization: o,
  locale,
}: {
  organization: OrganizationProfile;
  locale: Locale;
}) {
  const [kinds, fields] = await Promise.all([
    getTranslations({ locale, namespace: "kinds" }),
    getTranslations({ locale, namespace: "fields" }),
  ]);
  return (
    <header className="border-b border-line pb-6">
      <div className="flex flex-wrap gap-2">
        <Badge tone="accent">{kinds(o.kind)}</Badge>
        {o.fields.map((f) => (
          <Badge key={f}>{fields(f)}</Badge>
        ))}
      </div>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">
        <AsWritten text={o.name} locale={locale} />
        {o.acronym ? <span className="ml-2 text-xl font-normal text-muted">({o.acronym})</span> : null}
      </h1>
      {o.originalName ? (
        <p className="mt-1 text-lg text-muted" lang="en">
          {o.originalName}
        </p>
      ) : null}
    </header>
  );
}
