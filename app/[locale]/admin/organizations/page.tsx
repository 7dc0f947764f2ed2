import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { listOrganizations } from "@/lib/data/organizations/list";
import { parseOrganizationSearch } from "@/lib/validation/search";
import { AdminCreateOrganizationForm } from "@/components/admin/admin-organization-form";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Admins: find an organization to edit, or add one. */
export default async function AdminOrganizationsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/organizations`);
  if (actor.role !== "ADMIN") notFound();
  const { search } = parseOrganizationSearch(await searchParams);
  const [result, t, s] = await Promise.all([
    listOrganizations(search, locale),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "search" }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("organizations")}</h1>
      <form method="get" className="flex max-w-xl gap-2">
        <label htmlFor="admin-organization-q" className="sr-only">
          {s("label")}
        </label>
        <input
          id="admin-organization-q"
          name="q"
          defaultValue={search.q}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white">
          {s("submit")}
        </button>
      </form>
      <ul className="divide-y divide-line rounded-md border border-line bg-white text-sm">
        {result.items.map((o) => (
          <li key={o.slug} className="p-3">
            <Link href={`/admin/organizations/${o.slug}`} className="text-accent underline">
              {o.name}
            </Link>{" "}
            <span className="text-muted">({o.slug})</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-organization" className="max-w-3xl rounded-md border border-line bg-white p-4">
        <h2 id="add-organization" className="mb-3 text-lg font-semibold">
          {t("addOrganization")}
        </h2>
        <AdminCreateOrganizationForm locale={locale} />
      </section>
    </div>
  );
}
