// `npm run data:release [-- --date YYYY-MM-DD]`: write a dated snapshot of the approved open data (CSV,
// JSON, JSON-LD, QuickStatements and a manifest with counts and SHA-256 sums) into RELEASES_DIR
// (default .data/releases), where the /data page lists it. Uses DATABASE_URL, else npm start's embedded
// PostgreSQL (started here if it is not running).
import path from "node:path";

const args = process.argv.slice(2);
const dateArg = args.includes("--date") ? args[args.indexOf("--date") + 1] : undefined;
const date = dateArg ?? new Date().toISOString().slice(0, 10);
if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) {
  console.error(`--date must be a day as YYYY-MM-DD, not "${date}".`);
  process.exit(1);
}

const { stop } = await (await import("./lib/database.mjs")).usePortalDatabase();

try {
  const { loadOpenDatasetSummary, openDatasetBatches } = await import("../lib/data/open/dataset-batches");
  const { writeRelease, releasesDir } = await import("../lib/open-data/releases");
  const { env } = await import("../lib/env");
  const { db } = await import("../lib/data/db");
  // The files are written a batch at a time, as the downloads stream them: the dataset is never held whole.
  const dataset = openDatasetBatches(await loadOpenDatasetSummary());
  const manifest = await writeRelease(dataset, env().SITE_URL.replace(/\/$/, ""), date);
  await db().$disconnect();
  const c = manifest.counts;
  console.log(
    `Release ${date}: ${c.organizations} organizations, ${c.institutions} institutions, ${c.memberships} memberships ` +
      `→ ${path.join(releasesDir(), date)}`,
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await stop();
}
