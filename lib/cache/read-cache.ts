import "server-only";
import { createHash } from "node:crypto";
import { revalidateTag, unstable_cache, updateTag } from "next/cache";
import { cache } from "react";
import { env } from "../env";

/**
 * Cache tags. Public reads are cached under these and revalidated when an approved change touches them
 * (lib/actions/action.ts). "organizations" and "institutions" are the lists, searches, counts and sitemap;
 * "organization:<slug>" and "institution:<slug>" one record's page and downloads.
 */
export const tags = {
  organizations: "organizations",
  organization: (slug: string) => `organization:${slug}`,
  institutions: "institutions",
  institution: (slug: string) => `institution:${slug}`,
  registry: "registry",
  /**
   * Every organization and institution page. Pages name other records (members, founders, networks), so any
   * approval may change a little of any page: this tag is revalidated in the background (stale while a
   * fresh copy renders on the next visit), never expired, while the pages an approval is about expire at
   * once (see lib/actions/action.ts). One approval never turns the world's cached pages into blocking renders.
   */
  pages: "pages",
} as const;

// Cache entries outlive a process (.next/cache); key them by database so two databases never share them.
let namespace: string | undefined;
function databaseNamespace() {
  namespace ??= createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 12);
  return namespace;
}

/**
 * The reads one request has started, by name and arguments. A record's page and its metadata (generateMetadata)
 * read the same record at the same moment: both missed the data cache on a first visit and each loaded it, a
 * third of an institution page's 68 statements twice. React's cache() gives each server render its own map;
 * outside a render (route handlers, scripts, tests) it is a fresh map each call, so nothing is shared there.
 */
const startedThisRequest = cache(() => new Map<string, Promise<unknown>>());

/** A public read served from Next's data cache, tagged for revalidation on approval, and once per request. */
export function cached<Args extends unknown[], R>(
  name: string,
  fn: (...args: Args) => Promise<R>,
  tagsFor: (...args: Args) => string[],
) {
  return (...args: Args): Promise<R> => {
    const key = JSON.stringify([name, args]);
    const started = startedThisRequest();
    const running = started.get(key) as Promise<R> | undefined;
    if (running) return running;
    const read = unstable_cache(() => fn(...args), [name, databaseNamespace(), JSON.stringify(args)], {
      tags: tagsFor(...args),
      revalidate: 3600,
    })();
    started.set(key, read);
    return read;
  };
}

/**
 * Expire what a committed change touched (server actions only: updateTag needs one). The pages and lists it is
 * about expire now, so the next visitor waits for a fresh render; every other page (tags.pages) is refreshed
 * in the background on its next visit.
 */
export function expireTags(list: readonly string[]) {
  for (const tag of list) {
    if (tag === tags.pages) revalidateTag(tag, "max");
    else updateTag(tag);
  }
}
