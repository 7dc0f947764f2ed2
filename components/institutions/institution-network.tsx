import type { Locale } from "@/i18n/routing";
import { getTranslations } from "next-intl/server";
import { NetworkLoader } from "@/components/charts/network-loader";

/**
 * The universities sharing most organizations with this one, as a graph and a list, drawn by the browser from
 * /api/network/… (lib/charts/network-for-page.ts lays it out and words it; network-view.tsx draws it).
 */
export async function InstitutionNetwork({ slug, locale }: { slug: string; locale: Locale }) {
  const chartText = await getTranslations({ locale, namespace: "charts" });
  return (
    <section aria-labelledby="network" className="mt-10">
      <h2 id="network" className="text-xl font-semibold">
        {chartText("networkTitle")}
      </h2>
      <p className="mb-4 mt-1 text-sm text-slate-700">{chartText("networkLead")}</p>
      <NetworkLoader
        slug={slug}
        locale={locale}
        words={{ loading: chartText("networkLoading"), failed: chartText("networkFailed") }}
      />
      <noscript>
        <p className="text-sm text-muted">{chartText("networkNeedsScript")}</p>
      </noscript>
    </section>
  );
}
