import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { notFound } from "next/navigation";
import { listInstitutions } from "@/lib/data/institutions/list";
import { parseInstitutionSearch } from "@/lib/validation/search";
import { AdminCreateInstitutionForm } from "@/components/admin/admin-create-institution-form";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Admins: find an institution to edit. */
export default async function AdminInstitutionsPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { locale } = await params;
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  const actor = await actorOrLogin(locale, `/${locale}/admin/institutions`);
  if (actor.role !== "ADMIN") notFound();
  const { search } = parseInstitutionSearch(await searchParams);
  const [result, t, s] = await Promise.all([
    listInstitutions(search, locale),
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "search" }),
  ]);
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">{t("institutions")}</h1>
      <form method="get" className="flex max-w-xl gap-2">
        <label htmlFor="admin-institution-q" className="sr-only">
          {s("label")}
        </label>
        <input
          id="admin-institution-q"
          name="q"
          defaultValue={search.q}
          className="min-w-0 flex-1 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm"
        />
        <button type="submit" className="rounded-md bg-accent px-3 py-1.5 text-sm font-medium text-white">
          {s("submit")}
        </button>
      </form>
      <ul className="divide-y divide-line rounded-md border border-line bg-white text-sm">
        {result.items.map((i) => (
          <li key={i.slug} className="p-3">
            <Link href={`/admin/institutions/${i.slug}`} className="text-accent underline">
              {i.name}
            </Link>{" "}
            <span className="text-muted">({i.slug})</span>
          </li>
        ))}
      </ul>
      <section aria-labelledby="add-institution" className="max-w-2xl rounded-md border border-line bg-white p-4">
        <h2 id="add-institution" className="mb-3 text-lg font-semibold">
          {t("addInstitution")}
        </h2>
        <AdminCreateInstitutionForm locale={locale} />
      </section>
    </div>
  );
}
