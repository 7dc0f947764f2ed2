import { env } from "../env";
import { NotFoundError } from "../shared/errors";
import { isSlug } from "../shared/slug";
import type { PublicChange } from "../shared/types/changes";
import { atomFeedXml, type AtomFeed } from "./atom";
import type { ApiBody } from "./http";

/** Entries a feed lists: the newest changes; older ones are in /api/v1/changes. */
export const FEED_ENTRIES = 50;

// An empty feed still needs an <updated>: a fixed moment keeps its ETag stable from one request to the next.
const EMPTY_FEED_UPDATED = new Date("2026-01-01T00:00:00Z");

/** The slug in a feed's file name ("<slug>.atom"); anything else is not a feed of this site. */
export function feedSlug(file: string): string {
  const slug = file.endsWith(".atom") ? file.slice(0, -".atom".length) : "";
  if (!isSlug(slug)) throw new NotFoundError(`No feed is called "${file}": feeds are named <slug>.atom.`);
  return slug;
}

export function atomBody(feed: AtomFeed, changes: PublicChange[]): ApiBody {
  return {
    text: atomFeedXml(env().SITE_URL, feed, changes, EMPTY_FEED_UPDATED),
    contentType: "application/atom+xml; charset=utf-8",
  };
}
