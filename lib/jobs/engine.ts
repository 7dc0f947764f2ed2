import "server-only";
// The job engine: pg-boss, a queue kept in the portal's own PostgreSQL (schema "pgboss", which pg-boss creates and
// migrates itself; Prisma's migrations never see it). Every instance runs one: they share the queue, a job is
// fetched by one of them only (SKIP LOCKED), a cron schedule fires once per minute across all of them, and a
// queue's policy can keep one job per key running at a time. Jobs are declared in lib/jobs/jobs.ts.
import PgBoss from "pg-boss";

export const JOBS_SCHEMA = "pgboss";

/** A kind of job: its queue and how it is run. `cron` makes it scheduled (once per tick across instances). */
export type JobDefinition<T extends object = object> = {
  queue: string;
  /** "stately": per singletonKey, at most one job waiting and one running (pg-boss's queue policies). */
  policy: "standard" | "stately" | "singleton";
  retryLimit: number;
  /** Seconds before the first retry; doubled each time (with jitter) when retryBackoff is set. */
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
  cron?: string;
  run: (data: T, jobs: JobQueue) => Promise<void>;
};

/** What a running job (or the app) may do with the queue: queue another job. */
export type JobQueue = {
  send: (queue: string, data: object, options?: { singletonKey?: string; startAfter?: Date }) => Promise<string | null>;
};

export type JobEngine = JobQueue & { boss: PgBoss; stop: () => Promise<void> };

export async function startJobEngine(
  databaseUrl: string,
  definitions: JobDefinition<never>[],
  { pollingIntervalSeconds = 2 }: { pollingIntervalSeconds?: number } = {},
): Promise<JobEngine> {
  const boss = new PgBoss({
    connectionString: databaseUrl,
    schema: JOBS_SCHEMA,
    application_name: "atlas-jobs",
    max: 4,
  });
  // One line, no stack: the queue's database going away (a restart, a shutdown) is told, not dumped.
  boss.on("error", (error) => console.error(`[jobs] ${error instanceof Error ? error.message : String(error)}`));
  await boss.start();
  const queue: JobQueue = { send: (name, data, options = {}) => boss.send(name, data, options) };
  for (const d of definitions) {
    await ensureQueue(boss, d);
    if (d.cron) await boss.schedule(d.queue, d.cron);
    // A failed run throws: pg-boss marks the job for retry (with its backoff) or, past its limit, failed.
    await boss.work<object>(d.queue, { pollingIntervalSeconds, batchSize: 1 }, async ([job]) => {
      if (job) await d.run(job.data as never, queue);
    });
  }
  let stopping: Promise<void> | undefined;
  return {
    ...queue,
    boss,
    // Graceful: no new jobs are fetched, the running ones finish (up to 15 s), then the pool closes.
    stop: () => {
      stopping ??= new Promise<void>((resolve) => {
        boss.once("stopped", () => resolve());
        boss.stop({ graceful: true, timeout: 15_000 }).catch((error) => {
          console.error(`[jobs] stopping: ${error instanceof Error ? error.message : String(error)}`);
          resolve();
        });
      });
      return stopping;
    },
  };
}

/**
 * Create a job's queue unless it exists. Instances starting together each try: PostgreSQL may answer one of two
 * concurrent creations with a deadlock, after which the other's queue is there.
 */
async function ensureQueue(boss: PgBoss, d: JobDefinition<never>) {
  for (let attempt = 1; ; attempt++) {
    if (await boss.getQueue(d.queue)) return;
    try {
      await boss.createQueue(d.queue, {
        name: d.queue,
        policy: d.policy,
        retryLimit: d.retryLimit,
        retryDelay: d.retryDelay,
        retryBackoff: d.retryBackoff,
        expireInSeconds: d.expireInSeconds,
      });
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}
