import { getApiInstitution } from "@/lib/data/open/api";
import { listRecentPublicChanges } from "@/lib/data/open/changes";
import { atomBody, FEED_ENTRIES, feedSlug } from "@/lib/open-data/feed-response";
import { apiGet, OPTIONS_HANDLER } from "@/lib/open-data/http";

/** One institution's changes, its memberships included, newest first (an Atom 1.0 feed); 404 for an unknown slug. */
export const GET = apiGet(async (_request, { params }: { params: Promise<{ file: string }> }) => {
  const slug = feedSlug((await params).file);
  const institution = await getApiInstitution(slug);
  return atomBody(
    {
      path: `/feeds/institutions/${slug}.atom`,
      key: `institutions/${slug}`,
      title: `Alliance Atlas: changes to ${institution.name.en}`,
      pageUrl: institution.url,
    },
    await listRecentPublicChanges({ institution: slug, limit: FEED_ENTRIES }),
  );
});
export const OPTIONS = OPTIONS_HANDLER;
