import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { networkPicture } from "@/lib/charts/network-picture";
import { NetworkView } from "./network-view";
import type { InstitutionNetwork } from "@/lib/shared/types/charts";

/**
 * The institutions sharing organizations with this one, laid out and worded on the server
 * (lib/charts/network-picture.ts); network-view.tsx draws it. Presentation lives in app/globals.css (.net-*).
 * Each node is a link, reachable by keyboard with a visible focus ring; the list below is the same network in words.
 */
export async function NetworkGraph({ network, locale }: { network: InstitutionNetwork; locale: Locale }) {
  const t = await getTranslations({ locale, namespace: "charts" });
  if (!network.nodes.length) return <p className="text-sm text-muted">{t("noNetwork")}</p>;
  const picture = networkPicture(network, locale, {
    label: (name, count) => t("networkLabel", { name, count }),
    node: (name, country, count) => t("networkNode", { name, country, count }),
    shares: (count) => t("networkShares", { count }),
    shown: (shown, total) => t("networkShown", { shown, total }),
    listHeading: t("networkList"),
  });
  return <NetworkView picture={picture} />;
}
