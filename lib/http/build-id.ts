import { buildIdOf } from "../cache/build-id.mjs";
import { env } from "../env";

/** The running build's id, from the build folder (NEXT_DIST_DIR, else .next); "dev" where there is none. */
export function buildId(distDir = env().NEXT_DIST_DIR): string {
  return buildIdOf(distDir);
}
