import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { AsWritten } from "@/components/ui/as-written";
import { Badge } from "@/components/ui/badge";
import { countryName } from "@/lib/shared/countries";
import { PlaceName } from "@/components/ui/place-name";
import type { InstitutionProfile } from "@/lib/shared/types/institutions";

/** The profile's title: kind, country and city, the name in the reader's language and the original one. */
export async function InstitutionHeader({
  institution: i,
  locale,
}: {
  institution: InstitutionProfile;
  locale: Locale;
}) {
  const kinds = await getTranslations({ locale, namespace: "institutionKinds" });
  return (
    <header className="border-b border-line pb-6">
      <div className="flex flex-wrap gap-2">
        <Badge tone="accent">{kinds(i.kind)}</Badge>
        <Badge>
          {countryName(i.country, locale)}
          {i.city ? (
            <>
              {" · "}
              <PlaceName name={i.city} />
            </>
          ) : null}
        </Badge>
      </div>
      <h1 className="mt-3 text-3xl font-semibold tracking-tight">
        <AsWritten text={i.name} locale={locale} />
      </h1>
      {i.originalName ? (
        <p className="mt-1 text-lg text-muted" lang="en">
          {i.originalName}
        </p>
      ) : null}
    </header>
  );
}
