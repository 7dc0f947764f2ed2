import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export async function SiteFooter({ locale }: { locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "footer" });
  const nav = await getTranslations({ locale, namespace: "nav" });
  return (
    <footer className="mt-16 border-t border-line bg-white">
      <div className="mx-auto max-w-6xl space-y-1 px-4 py-6 text-sm text-muted">
        <p>{t("about")}</p>
        <p>{t("data")}</p>
        <p>
          <Link locale={locale} href="/data" className="text-accent underline">
            {nav("data")}
          </Link>{" "}
          · CC0
        </p>
      </div>
    </footer>
  );
}
