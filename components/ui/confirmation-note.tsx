import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import type { Confirmation } from "@/lib/shared/types/memberships";
import { Badge } from "./badge";
import { SourceNote } from "./source-note";

/** A membership both sides state: the badge, and the organization's own source beside the institution's. */
export async function ConfirmationNote({ confirmation, locale }: { confirmation: Confirmation; locale: Locale }) {
  if (!confirmation.organizationSource) return null;
  const t = await getTranslations({ locale, namespace: "tools" });
  return (
    <span className="mt-1 block">
      {confirmation.corroborated ? (
        <span title={t("corroboratedTitle")}>
          <Badge tone="accent">✓ {t("corroborated")}</Badge>
        </span>
      ) : null}
      <span className="mt-1 block text-xs text-muted">{t("organizationSays")}:</span>
      <SourceNote source={confirmation.organizationSource} locale={locale} compact />
    </span>
  );
}
