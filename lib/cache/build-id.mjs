// Which build of the portal is running: Next's BUILD_ID in a build folder. Plain JavaScript because Next loads
// the cache handler (handler.mjs) by itself, outside the app's bundle; the app's code reads it through the types
// beside it. Read once per folder: a new build is a new process.
import { readFileSync } from "node:fs";
import path from "node:path";

const ids = new Map();

/** The id in `<buildDir>/BUILD_ID`; "dev" where there is none (next dev, the integration tests). */
export function buildIdOf(buildDir) {
  const file = path.resolve(buildDir, "BUILD_ID");
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
