/**
 * At most `limit` tasks at once; the others wait their turn, first come first served. Used where many callers may
 * each start a long run of heavy work (whole-registry downloads read the database batch by batch): the work is
 * what is limited, not the callers, so a caller that stops reading holds nothing while it waits.
 */
export class Semaphore {
  private running = 0;
  private highest = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly limit: number) {
    if (!Number.isInteger(limit) || limit < 1)
      throw new RangeError(`A semaphore lets at least one task run, not ${limit}.`);
  }

  /** Tasks running now. */
  get active(): number {
    return this.running;
  }

  /** Tasks waiting for their turn now. */
  get queued(): number {
    return this.waiting.length;
  }

  /** The most tasks that ever ran at once: never above `limit`. */
  get peak(): number {
    return this.highest;
  }

  /** Runs `task` when its turn comes; its turn ends when it settles, whether it resolved or threw. */
  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running < this.limit) this.running += 1;
    // The task that ends hands its turn over directly (the count stays), so no newcomer can slip in between.
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.highest = Math.max(this.highest, this.running);
    try {
      return await task();
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running -= 1;
    }
  }
}
