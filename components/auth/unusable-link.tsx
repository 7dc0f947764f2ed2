import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import type { LinkPurpose } from "@/lib/shared/types/accounts";

type Unusable = { state: "used" | "expired"; purpose: LinkPurpose } | { state: "unknown" };

const button = "inline-block rounded-md bg-accent px-4 py-2 text-sm font-medium text-white hover:bg-accent-strong";

/** A password link that can no longer set a password: what happened, and what to do instead. */
export async function UnusableLink({ link, locale }: { link: Unusable; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "account" });
  const key =
    link.state === "unknown" ? "linkUnknown" : `link${link.state === "used" ? "Used" : "Expired"}${link.purpose}`;
  // A used invitation or sign-up link means a password exists: signing in is the way on. An expired sign-up is
  // purged at the next sign-up (signup.ts), so signing up again is; otherwise a new link is.
  const signIn = link.state === "used" && link.purpose !== "PASSWORD_RESET";
  const signUpAgain = link.state === "expired" && link.purpose === "SIGNUP";
  return (
    <div className="space-y-3 rounded-md border border-amber-300 bg-amber-50 p-4">
      <h1 className="text-2xl font-semibold">{t(`${key}Title` as "linkUnknownTitle")}</h1>
      <p className="text-sm text-slate-800">{t(`${key}Text` as "linkUnknownText")}</p>
      <p className="flex flex-wrap gap-3">
        {signIn ? (
          <Link href="/login" className={button} locale={locale}>
            {t("linkSignIn")}
          </Link>
        ) : null}
        {signUpAgain ? (
          <Link href="/signup" className={button} locale={locale}>
            {t("linkSignUpAgain")}
          </Link>
        ) : (
          <Link href="/login/reset" className={signIn ? "text-sm underline" : button} locale={locale}>
            {t("linkRequestReset")}
          </Link>
        )}
      </p>
    </div>
  );
}
