import "server-only";
import { createHash } from "node:crypto";
import { unstable_cache } from "next/cache";
import { env } from "./env";

/**
 * Cache tags. Public reads are cached under these and revalidated when an approved change touches them
 * (revalidateTag in the write path).
 */
export const tags = {
  organizations: "organizations",
  organization: (slug: string) => `organization:${slug}`,
  institutions: "institutions",
  institution: (slug: string) => `institution:${slug}`,
  registry: "registry",
} as const;

// Cache entries outlive a process (.next/cache); key them by database so two databases never share them.
let namespace: string | undefined;
function databaseNamespace() {
  namespace ??= createHash("sha256").update(env().DATABASE_URL).digest("hex").slice(0, 12);
  return namespace;
}

/** A public read served from Next's data cache, tagged for revalidation on approval. */
export function cached<Args extends unknown[], R>(name: string, fn: (...args: Args) => Promise<R>, tagsFor: (...args: Args) => string[]) {
  return (...args: Args): Promise<R> =>
    unstable_cache(() => fn(...args), [name, databaseNamespace(), JSON.stringify(args)], { tags: tagsFor(...args), revalidate: 3600 })();
}
