import type { Locale } from "@/i18n/routing";
import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";

/** An admin's start page: the review queue's length and the admin screens. */
export async function AdminDashboard({
  pending,
  corrections,
  header,
  notifications,
  locale,
}: {
  pending: number;
  /** The link to the suggested corrections' queue, with its count. */
  corrections: ReactNode;
  header: ReactNode;
  notifications: ReactNode;
  locale: Locale;
}) {
  const [t, h, tools, signup] = await Promise.all([
    getTranslations({ locale, namespace: "account" }),
    getTranslations({ locale, namespace: "history" }),
    getTranslations({ locale, namespace: "tools" }),
    getTranslations({ locale, namespace: "signup" }),
  ]);
  return (
    <div className="space-y-6">
      {header}
      <p>
        <Link href="/admin/reviews" className="font-medium text-accent underline">
          {t("reviewQueue")}
        </Link>{" "}
        — {t("pendingCount", { count: pending })}
      </p>
      {corrections}
      <p>
        <Link href="/admin/users" className="text-accent underline">
          {t("manageUsers")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/claims" className="text-accent underline">
          {signup("adminLink")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/outbox" className="text-accent underline">
          {t("outbox")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/history" className="text-accent underline">
          {h("adminTitle")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/institutions" className="text-accent underline">
          {t("institutions")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/organizations" className="text-accent underline">
          {t("organizations")}
        </Link>{" "}
        ·{" "}
        <Link href="/admin/discrepancies" className="text-accent underline">
          {tools("discrepancies")}
        </Link>
      </p>
      {notifications}
    </div>
  );
}
