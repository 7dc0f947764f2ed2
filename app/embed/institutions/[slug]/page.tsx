import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getInstitutionBySlug } from "@/lib/data/institutions/profile";
import { env } from "@/lib/env";
import { isSlug } from "@/lib/shared/slug";
import { embedOptionsSchema } from "@/lib/validation/api";
import { MembershipWidget } from "@/components/embed/membership-widget";

// The embeddable widget: outside [locale] (no site chrome), its own <html> since the language comes from
// ?lang=. The only pages other sites may frame (next.config.ts headers). Data from the cached, tagged read
// that the institution page uses, so an approval updates both.

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

async function load({ params, searchParams }: Props) {
  const { slug } = await params;
  const query = await searchParams;
  const parsed = embedOptionsSchema.safeParse({
    lang: first(query.lang),
    mode: first(query.mode),
    theme: first(query.theme),
  });
  if (!isSlug(slug)) notFound();
  const options = parsed.success ? parsed.data : null;
  const institution = await getInstitutionBySlug(slug, options?.lang ?? "en");
  if (!institution) notFound();
  return { institution, options, errors: parsed.success ? [] : parsed.error.issues.map((i) => i.message) };
}

export async function generateMetadata(props: Props): Promise<Metadata> {
  const { institution } = await load(props);
  return { title: `${institution.name} · Alliance Atlas`, robots: { index: false, follow: true } };
}

export default async function EmbedInstitutionPage(props: Props) {
  const { institution, options, errors } = await load(props);
  const lang = options?.lang ?? "en";
  return (
    <html lang={lang === "zh" ? "zh-CN" : "en"}>
      {/* The theme's colour under the widget, which is only as tall as its content (membership-widget.tsx). */}
      <body className={`font-sans antialiased ${options?.theme === "dark" ? "bg-slate-900" : "bg-white"}`}>
        {options ? (
          <MembershipWidget institution={institution} options={options} siteUrl={env().SITE_URL} />
        ) : (
          // A mistyped option is the embedding site's bug: say so in the frame rather than guess.
          <main className="p-3 text-sm">
            <h1 className="font-semibold">Alliance Atlas widget: invalid options</h1>
            <ul className="mt-1 list-disc pl-5">
              {errors.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            <p className="mt-1">Valid: lang=en|zh, mode=compact|full, theme=light|dark.</p>
          </main>
        )}
      </body>
    </html>
  );
}
