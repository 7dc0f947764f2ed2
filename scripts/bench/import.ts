// Importer side of `npm run bench`: how long a 200 KB adversarial page takes to preview. For every shape of
// tests/support/adversarial-pages.ts, the reading as previewImport drives it (in steps, the event loop turning
// between them; every quoted name and heading "known", the costliest case): its time p50/p99/max over rounds,
// the longest step (the longest the event loop is held), and the work counted. Then whole previews through
// lib/data (reading, matching names in PostgreSQL, the draft) of the page of the issue, of the costliest
// shape to read and of the one with the most names to look up (2,000, the most a preview looks up), as a
// bench-only staff account (bench-import@bench.invalid; its drafts are deleted afterwards).
// Run by scripts/bench.mjs, or alone on any migrated database (the world's, or a seeded one):
//   DATABASE_URL=… npm run bench:import            prints a table, or with --json one JSON line
import { createPrismaClient } from "../../lib/data/prisma-client.ts";
import { WorkMeter, type Steps } from "../../lib/import/work-meter.ts";
import { pageRows, preparePage, type Matcher } from "../../lib/import/read-page.ts";
import { adversarialSelf, adversarialShapes, unclosedParagraphs } from "../../tests/support/adversarial-pages.ts";

const LENGTH = 200_000;
const READING_ROUNDS = Number(process.env.BENCH_IMPORT_ROUNDS ?? 20);
const PREVIEW_ROUNDS = Number(process.env.BENCH_IMPORT_PREVIEWS ?? 10);
const knowsAll: Matcher = (text) => ({ slug: text, name: text, score: 1 });

const round1 = (ms: number) => Math.round(ms * 10) / 10;
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return round1(s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!);
};
const summary = (ms: number[]) => ({ p50: percentile(ms, 50), p99: percentile(ms, 99), max: round1(Math.max(...ms)) });

/** Drives the steps as runStepsYielding does, timing each step: the longest is how long the loop was held. */
async function timedSteps<T>(steps: Steps<T>, longest: { ms: number }): Promise<T> {
  for (;;) {
    const started = performance.now();
    const next = steps.next();
    longest.ms = Math.max(longest.ms, performance.now() - started);
    if (next.done) return next.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

async function reading(text: string) {
  const meter = new WorkMeter();
  const longest = { ms: 0 };
  const started = performance.now();
  const page = await timedSteps(preparePage(text, meter), longest);
  await timedSteps(pageRows(page, knowsAll, adversarialSelf, meter), longest);
  return { ms: performance.now() - started, longestStepMs: longest.ms, work: meter.total, steps: meter.steps };
}

async function readingOf(name: string, text: string) {
  for (let i = 0; i < 2; i++) await reading(text); // warm up the code paths
  const rounds = [];
  for (let i = 0; i < READING_ROUNDS; i++) rounds.push(await reading(text));
  return {
    name,
    length: text.length,
    ...summary(rounds.map((r) => r.ms)),
    longestStepMs: round1(Math.max(...rounds.map((r) => r.longestStepMs))),
    workPerChar: Math.round(rounds[0]!.work / text.length),
    steps: rounds[0]!.steps,
  };
}

async function previews(pages: { name: string; text: string }[]) {
  const { previewImport } = await import("../../lib/data/import/drafts.ts");
  const prisma = createPrismaClient(process.env.DATABASE_URL!, 2);
  try {
    const institution = await prisma.institution.findFirstOrThrow({ orderBy: { slug: "asc" }, select: { id: true } });
    const staff = await prisma.user.upsert({
      where: { email: "bench-import@bench.invalid" },
      create: {
        email: "bench-import@bench.invalid",
        name: "Bench Import",
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: institution.id,
      },
      update: { institutionId: institution.id, disabledAt: null },
      select: { id: true, email: true, name: true, institutionId: true },
    });
    const actor = { ...staff, role: "STAFF" as const, staffRole: "MANAGER" as const };
    const results = [];
    for (const { name, text } of pages) {
      const once = async () => {
        const started = performance.now();
        // A page naming no organization ends in "No organizations were recognized": it was still read whole.
        const outcome = await previewImport(actor, {
          text,
          sourceUrl: "https://bench.invalid/page",
          sourceTitle: null,
        }).then(
          () => "draft",
          (e: Error) => e.message,
        );
        return { ms: performance.now() - started, outcome };
      };
      await once();
      const rounds = [];
      for (let i = 0; i < PREVIEW_ROUNDS; i++) rounds.push(await once());
      results.push({ name, length: text.length, ...summary(rounds.map((r) => r.ms)), outcome: rounds[0]!.outcome });
    }
    await prisma.importDraft.deleteMany({ where: { createdById: staff.id } });
    return results;
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  const read = [await readingOf('the page of the issue (<p>x</p> + 66,660 × "<p ")', unclosedParagraphs)];
  for (const [name, make] of Object.entries(adversarialShapes)) read.push(await readingOf(name, make(LENGTH)));
  const costliest = read.slice(1).reduce((a, b) => (b.p50 > a.p50 ? b : a)).name;
  const mostNames = "one sentence quoting thousands of names";
  const whole = await previews([
    { name: read[0]!.name, text: unclosedParagraphs },
    ...[...new Set([costliest, mostNames])].map((name) => ({ name, text: adversarialShapes[name]!(LENGTH) })),
  ]);
  const result = {
    length: LENGTH,
    readingRounds: READING_ROUNDS,
    previewRounds: PREVIEW_ROUNDS,
    reading: read,
    previews: whole,
  };
  if (process.argv.includes("--json")) console.log(JSON.stringify(result));
  else {
    const { formatImporter } = await import("./report.mjs");
    console.log(formatImporter(result));
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
