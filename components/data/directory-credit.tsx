import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { DIRECTORY_CREDIT } from "@/lib/open-data/credits";

/** The credit the directory's MIT licence asks to travel with its data (names, countries, websites, domains). */
export async function DirectoryCredit({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "data" });
  return (
    <p className="mt-2 text-sm">
      {t.rich("directoryCredit", {
        list: (chunks) => (
          <a href={DIRECTORY_CREDIT.url} className="text-accent underline" rel="noopener noreferrer">
            {chunks}
          </a>
        ),
        license: (chunks) => (
          <a href={DIRECTORY_CREDIT.licenseUrl} className="text-accent underline" rel="noopener noreferrer">
            {chunks}
          </a>
        ),
        copyright: DIRECTORY_CREDIT.copyright,
      })}
    </p>
  );
}
