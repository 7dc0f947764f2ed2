import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { actorOrLogin } from "@/lib/auth/page";
import { getOrganizationProfile, listOrganizationMembersForAdmin } from "@/lib/data/admin/records";
import { OrganizationConfirmationForm } from "@/components/admin/organization-confirmation-form";
import { NotFoundError } from "@/lib/shared/errors";
import { isSlug } from "@/lib/shared/slug";
import { AdminOrganizationForm } from "@/components/admin/admin-organization-form";
import { OrganizationEmailDomainsForm } from "@/components/admin/organization-email-domains-form";
import { listOrganizationEmailDomains } from "@/lib/data/secretariats/email-domains";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** Admins edit an organization's profile directly; published and audited at once. */
export default async function AdminOrganizationPage({
  params,
  searchParams,
}: {
  params: Promise<{ locale: string; slug: string }>;
  searchParams: Promise<{ membership?: string | string[] }>;
}) {
  const [{ locale, slug }, { membership }] = await Promise.all([params, searchParams]);
  if (!isLocale(locale)) notFound();
  setRequestLocale(locale);
  if (!isSlug(slug)) notFound();
  const actor = await actorOrLogin(locale, `/${locale}/admin/organizations/${slug}`);
  const profile = await getOrganizationProfile(actor, slug).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, tools, members, domains] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "tools" }),
    listOrganizationMembersForAdmin(actor, profile.slug),
    listOrganizationEmailDomains(actor, profile.slug, locale),
  ]);
  return (
    <div className="max-w-3xl">
      <h1 className="text-2xl font-semibold">{t("editInstitution", { name: profile.values.nameEn })}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">
        {t("adminEditLead")}{" "}
        <Link href={`/organizations/${profile.slug}`} className="text-accent underline">
          /organizations/{profile.slug}
        </Link>
      </p>
      <AdminOrganizationForm locale={locale} slug={profile.slug} version={profile.version} values={profile.values} />
      <section aria-labelledby="organization-email-domains" className="mt-8 rounded-md border border-line bg-white p-4">
        <h2 id="organization-email-domains" className="text-lg font-semibold">
          {tools("emailDomainsTitle")}
        </h2>
        <p className="mb-3 mt-1 text-sm text-slate-700">{tools("emailDomainsLead")}</p>
        <OrganizationEmailDomainsForm locale={locale} slug={profile.slug} domains={domains} />
      </section>
      {members.length ? (
        <section
          aria-labelledby="organization-confirmation"
          className="mt-8 rounded-md border border-line bg-white p-4"
        >
          <h2 id="organization-confirmation" className="text-lg font-semibold">
            {tools("recordConfirmation")}
          </h2>
          <p className="mb-3 mt-1 text-sm text-slate-700">{tools("recordConfirmationLead")}</p>
          <OrganizationConfirmationForm
            locale={locale}
            selected={typeof membership === "string" ? membership : undefined}
            members={members.map((m) => ({ id: m.id, name: m.confirmedByOrganization ? `${m.name} ✓` : m.name }))}
          />
        </section>
      ) : null}
    </div>
  );
}
