import { getApiOrganization } from "@/lib/data/open/api";
import { listRecentPublicChanges } from "@/lib/data/open/changes";
import { atomBody, FEED_ENTRIES, feedSlug } from "@/lib/open-data/feed-response";
import { apiGet, OPTIONS_HANDLER } from "@/lib/open-data/http";

/** One organization's changes, its members' included, newest first (an Atom 1.0 feed); 404 for an unknown slug. */
export const GET = apiGet(async (_request, { params }: { params: Promise<{ file: string }> }) => {
  const slug = feedSlug((await params).file);
  const organization = await getApiOrganization(slug);
  return atomBody(
    {
      path: `/feeds/organizations/${slug}.atom`,
      key: `organizations/${slug}`,
      title: `Alliance Atlas: changes to ${organization.name.en}`,
      pageUrl: organization.url,
    },
    await listRecentPublicChanges({ organization: slug, limit: FEED_ENTRIES }),
  );
});
export const OPTIONS = OPTIONS_HANDLER;
