import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

/** The dashboards' link to the suggested corrections' queue, with how many are open. */
export async function CorrectionsLink({
  count,
  href,
  locale,
}: {
  count: number;
  href: "/account/corrections" | "/admin/corrections";
  locale: Locale;
}) {
  const t = await getTranslations({ locale, namespace: "corrections" });
  return (
    <p>
      <Link locale={locale} href={href} className="font-medium text-accent underline">
        {t("triageLink")}
      </Link>{" "}
      — {t("triageCount", { count })}
    </p>
  );
}
