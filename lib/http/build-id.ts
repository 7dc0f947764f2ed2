import { readFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";

// Which build of the portal is running: Next's BUILD_ID in the build folder (NEXT_DIST_DIR, else .next), "dev" where
// there is none (next dev, the integration tests). Read once per folder: a new build is a new process.
const ids = new Map<string, string>();

export function buildId(distDir = env().NEXT_DIST_DIR): string {
  const file = path.join(process.cwd(), distDir, "BUILD_ID");
  let id = ids.get(file);
  if (id === undefined) {
    try {
      id = readFileSync(file, "utf8").trim() || "dev";
    } catch {
      id = "dev";
    }
    ids.set(file, id);
  }
  return id;
}
