import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { NetworkGraph } from "@/components/charts/network-graph";
import type { InstitutionNetwork as Network } from "@/lib/shared/types/charts";

/** The universities sharing most organizations with this one, as a graph. */
export async function InstitutionNetwork({ network, locale }: { network: Network; locale: Locale }) {
  const chartText = await getTranslations({ locale, namespace: "charts" });
  return (
    <section aria-labelledby="network" className="mt-10">
      <h2 id="network" className="text-xl font-semibold">
        {chartText("networkTitle")}
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-700">{chartText("networkLead")}</p>
      <NetworkGraph network={network} locale={locale} />
    </section>
  );
}
