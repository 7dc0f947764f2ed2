import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { SourceNote } from "@/components/ui/source-note";
import { formatPartialDate } from "@/lib/shared/dates";
import type { OrganizationProfile } from "@/lib/shared/types/organizations";

/** The organization's other names (translations, abbreviations) and its former names with their end dates. */
export async function OrganizationNames({
  organization: o,
  locale,
}: {
  organization: OrganizationProfile;
  locale: Locale;
}) {
  const otherNames = o.names.filter((n) => n.kind !== "FORMER" && n.name !== o.name && n.name !== o.originalName);
  const formerNames = o.names.filter((n) => n.kind === "FORMER");
  if (!otherNames.length && !formerNames.length) return null;
  const [t, nameKinds, locales] = await Promise.all([
    getTranslations({ locale, namespace: "organization" }),
    getTranslations({ locale, namespace: "nameKinds" }),
    getTranslations({ locale, namespace: "locales" }),
  ]);
  return (
    <section aria-labelledby="names">
      <h2 id="names" className="text-lg font-semibold">
        {t("names")}
      </h2>
      <ul className="mt-3 space-y-2 text-sm">
        {otherNames.map((n) => (
          <li key={`${n.locale}-${n.name}`} lang={n.locale}>
            {n.name}{" "}
            <span className="text-muted">
              · {nameKinds(n.kind)} · {locales.has(n.locale) ? locales(n.locale) : n.locale}
            </span>
          </li>
        ))}
      </ul>
      {formerNames.length ? (
        <>
          <h3 className="mt-4 text-sm font-semibold">{t("formerNames")}</h3>
          <ul className="mt-2 space-y-2 text-sm">
            {formerNames.map((n) => (
              <li key={n.name} lang={n.locale}>
                {n.validUntil
                  ? t("formerName", { name: n.name, until: formatPartialDate(n.validUntil, locale) ?? "" })
                  : n.name}
                <SourceNote source={n.source} locale={locale} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
