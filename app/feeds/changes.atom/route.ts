import { env } from "@/lib/env";
import { listRecentPublicChanges } from "@/lib/data/open/changes";
import { atomBody, FEED_ENTRIES } from "@/lib/open-data/feed-response";
import { apiGet, OPTIONS_HANDLER } from "@/lib/open-data/http";

/** Every approved change to the public data, newest first (an Atom 1.0 feed). */
export const GET = apiGet(async () =>
  atomBody(
    {
      path: "/feeds/changes.atom",
      key: "changes",
      title: "Alliance Atlas: every change",
      pageUrl: `${env().SITE_URL.replace(/\/$/, "")}/en/data`,
    },
    await listRecentPublicChanges({ limit: FEED_ENTRIES }),
  ),
);
export const OPTIONS = OPTIONS_HANDLER;
