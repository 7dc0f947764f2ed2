import type { MetadataRoute } from "next";
import { routing } from "@/i18n/routing";
import { env } from "@/lib/env";
import { listInstitutionSlugs } from "@/lib/data/institutions";
import { listOrganizationSlugs } from "@/lib/data/organizations";

// Read at request time (the data is cached by tag in lib/data): SITE_URL is the running server's.
export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const site = env().SITE_URL;
  const [organizations, institutions] = await Promise.all([listOrganizationSlugs(), listInstitutionSlugs()]);
  const entry = (path: string, lastModified?: string) => ({
    url: `${site}/en${path}`,
    lastModified,
    alternates: { languages: Object.fromEntries(routing.locales.map((l) => [l, `${site}/${l}${path}`])) },
  });
  return [
    entry(""),
    entry("/organizations"),
    entry("/institutions"),
    ...organizations.map((o) => entry(`/organizations/${o.slug}`, o.updatedAt)),
    ...institutions.map((i) => entry(`/institutions/${i.slug}`, i.updatedAt)),
  ];
}
