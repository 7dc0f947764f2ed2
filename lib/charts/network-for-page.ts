import "server-only";
import { getTranslations } from "next-intl/server";
import type { Locale } from "@/i18n/routing";
import { getInstitutionNetwork } from "../data/organizations/charts";
import type { NetworkAnswer } from "../shared/types/charts";
import { networkPicture } from "./network-picture";

/**
 * The institution's network laid out and worded in `locale`, or null when the registry holds no such institution.
 * The page does not render it: the browser asks for it (components/charts/network-loader.tsx), so a crawler's first
 * visit to each of 120,000 institution pages neither reads nor lays out a network, and the page is 30 KB smaller.
 */
export async function institutionNetworkAnswer(slug: string, locale: Locale): Promise<NetworkAnswer | null> {
  const [network, t] = await Promise.all([
    getInstitutionNetwork(slug, locale),
    getTranslations({ locale, namespace: "charts" }),
  ]);
  if (!network) return null;
  if (!network.nodes.length) return { picture: null, none: t("noNetwork") };
  const picture = networkPicture(network, locale, {
    label: (name, count) => t("networkLabel", { name, count }),
    node: (name, country, count) => t("networkNode", { name, country, count }),
    shares: (count) => t("networkShares", { count }),
    shown: (shown, total) => t("networkShown", { shown, total }),
    listHeading: t("networkList"),
  });
  return { picture };
}
