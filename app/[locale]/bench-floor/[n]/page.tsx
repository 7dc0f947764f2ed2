import { notFound } from "next/navigation";
import { setRequestLocale } from "next-intl/server";
import { isLocale } from "@/i18n/routing";
import { env } from "@/lib/env";

// The framework's floor that `npm run bench` measures record pages against (scripts/bench/cold.mjs): a page with
// the site's layout and nothing of its own, rendered on its first visit and kept exactly as a record page is (the
// same revalidate, no address known at build time). Only a server started with BENCH_FLOOR_PAGE=1 (the bench's)
// serves it; everywhere else this address is the site's 404, like any other unknown one.
type Props = { params: Promise<{ locale: string; n: string }> };

export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export default async function BenchFloorPage({ params }: Props) {
  const { locale, n } = await params;
  if (env().BENCH_FLOOR_PAGE !== "1" || !isLocale(locale) || !/^[\w-]{1,80}$/.test(n)) notFound();
  setRequestLocale(locale);
  return <p>{n}</p>;
}
