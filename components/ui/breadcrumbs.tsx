import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

export async function Breadcrumbs({ locale, items }: { locale: Locale; items: { href?: string; label: string }[] }) {
  const t = await getTranslations({ locale, namespace: "nav" });
  return (
    <nav aria-label={t("breadcrumb")} className="mb-4 text-sm text-muted">
      <ol className="flex flex-wrap gap-1">
        <li>
          <Link locale={locale} href="/" className="inline-flex min-h-6 items-center hover:text-accent">
            {t("home")}
          </Link>
        </li>
        {items.map((item) => (
          <li key={item.label} className="before:mr-1 before:content-['/']">
            {item.href ? (
              <Link locale={locale} href={item.href} className="inline-flex min-h-6 items-center hover:text-accent">
                {item.label}
              </Link>
            ) : (
              <span aria-current="page">{item.label}</span>
            )}
          </li>
        ))}
      </ol>
    </nav>
  );
}
