import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { getCurrentUser } from "@/lib/auth/session";
import { requestSecretariatSignupAction } from "@/lib/actions/secretariats";
import { getSecretariatSignupTarget } from "@/lib/data/secretariats/signup";
import { ActionForm } from "@/components/account/action-form";
import { TextField } from "@/components/account/text-field";
import { Link } from "@/components/ui/link";
import { NotFoundError } from "@/lib/shared/errors";
import { isSlug } from "@/lib/shared/slug";
import { isLocale } from "@/i18n/routing";

export const metadata: Metadata = { robots: { index: false } };

/** People of an organization's secretariat sign up with their work address (lib/data/secretariats/signup.ts). */
export default async function SecretariatSignupPage({ params }: { params: Promise<{ locale: string; slug: string }> }) {
  const { locale, slug } = await params;
  if (!isLocale(locale) || !isSlug(slug)) notFound();
  setRequestLocale(locale);
  if (await getCurrentUser()) redirect(`/${locale}/account`);
  const organization = await getSecretariatSignupTarget(slug, locale).catch((e: unknown) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const t = await getTranslations({ locale, namespace: "signup" });
  return (
    <div className="mx-auto max-w-sm py-8">
      <h1 className="text-2xl font-semibold">{t("secretariatTitle", { organization: organization.name })}</h1>
      <p className="mb-6 mt-2 text-sm text-slate-700">{t("secretariatLead")}</p>
      <ActionForm
        action={requestSecretariatSignupAction}
        hidden={{ organizationSlug: organization.slug }}
        submitLabel={t("submit")}
        locale={locale}
      >
        <TextField name="name" label={t("name")} autoComplete="name" maxLength={200} />
        <TextField name="email" label={t("email")} type="email" autoComplete="email" />
      </ActionForm>
      <p className="mt-4 text-sm">
        <Link href="/login" className="text-accent underline">
          {t("haveAccount")}
        </Link>
      </p>
      <p className="mt-2 text-sm">
        <Link href="/signup" className="text-accent underline">
          {t("secretariatForUniversities")}
        </Link>
      </p>
    </div>
  );
}
