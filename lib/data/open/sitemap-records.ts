import "server-only";
import { db } from "../db";
import { listedInstitution } from "../institutions/listed";
import { cached, tags } from "../../cache/read-cache";
import { SITEMAP_URLS, type SitemapEntry } from "../../seo/sitemap";

/** How many organizations and institutions the sitemap lists (they decide its number of files). */
export const sitemapCounts = cached(
  "sitemapCounts",
  async () => {
    const [organizations, institutions] = await Promise.all([
      db().organization.count(),
      db().institution.count({ where: listedInstitution }),
    ]);
    return { organizations, institutions };
  },
  () => [tags.organizations, tags.institutions],
);

/** One sitemap file's worth of organization or institution pages, by slug, with their last change. */
export const sitemapRecords = cached(
  "sitemapRecords",
  async (kind: "organizations" | "institutions", page: number): Promise<SitemapEntry[]> => {
    const query = {
      select: { slug: true, updatedAt: true },
      orderBy: { slug: "asc" },
      skip: page * SITEMAP_URLS,
      take: SITEMAP_URLS,
    } as const;
    const rows =
      kind === "organizations"
        ? await db().organization.findMany(query)
        : await db().institution.findMany({ ...query, where: listedInstitution });
    return rows.map((r) => ({ path: `/${kind}/${r.slug}`, lastModified: r.updatedAt.toISOString() }));
  },
  (kind) => [tags[kind]],
);
