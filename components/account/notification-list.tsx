import type { Locale } from "@/i18n/routing";
import type { ComponentProps } from "react";
import { getTranslations } from "next-intl/server";
import { ActionForm } from "@/components/account/action-form";
import { Badge } from "@/components/ui/badge";
import { Link } from "@/components/ui/link";
import type { NotificationItem } from "@/lib/shared/types/accounts";

/** The latest notifications, unread ones first in weight, with "mark as read" while any is unread. */
export async function NotificationList({
  notifications,
  markReadAction,
  locale,
}: {
  notifications: NotificationItem[];
  markReadAction: ComponentProps<typeof ActionForm>["action"];
  locale: Locale;
}) {
  if (!notifications.length) return null;
  const t = await getTranslations({ locale, namespace: "account" });
  const unread = notifications.filter((n) => !n.readAt);
  return (
    <section aria-labelledby="notifications" className="rounded-md border border-line bg-white p-4">
      <h2 id="notifications" className="text-lg font-semibold">
        {t("notifications")} {unread.length ? <Badge tone="warm">{unread.length}</Badge> : null}
      </h2>
      <ul className="mt-2 space-y-1 text-sm">
        {notifications.map((n) => (
          <li key={n.id} className={n.readAt ? "text-muted" : "font-medium"}>
            {n.changeRequestId ? (
              <Link href={`/account/requests/${n.changeRequestId}`} className="hover:underline">
                {n.message}
              </Link>
            ) : (
              n.message
            )}
          </li>
        ))}
      </ul>
      {unread.length ? (
        <div className="mt-3">
          <ActionForm action={markReadAction} hidden={{}} submitLabel={t("markRead")} tone="plain" locale={locale} />
        </div>
      ) : null}
    </section>
  );
}
