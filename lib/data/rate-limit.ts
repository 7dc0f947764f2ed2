import "server-only";
import { db } from "./db";
import { TooManyRequestsError } from "../shared/errors";

/** At most `limit` requests per `windowSeconds` under `key` (e.g. "reset:address:203.0.113.7"). */
export type RateRule = { key: string; limit: number; windowSeconds: number };

class OverLimit extends Error {
  constructor(readonly retryAt: Date) {
    super("over the limit");
  }
}

/**
 * Count one request against every rule, all or nothing: when any rule is over its limit, none is counted
 * (the transaction rolls back) and TooManyRequestsError says when to try again. Counted in PostgreSQL in
 * fixed windows, so the limits hold across instances; concurrent requests queue on the rows' locks.
 * `refusal` is the message, with `{minutes}` for the wait in whole minutes: only the number goes in, so the message
 * translates (validation.answers, "… in {minutes} min.") in a Chinese form too.
 */
export async function consumeRateLimits(rules: RateRule[], refusal: string): Promise<void> {
  try {
    await db().$transaction(async (tx) => {
      for (const rule of rules) {
        const [row] = await tx.$queryRaw<{ count: number; windowEnds: Date }[]>`
          INSERT INTO "RateLimit" (key, count, "windowEnds")
          VALUES (${rule.key}, 1, now() + make_interval(secs => ${rule.windowSeconds}))
          ON CONFLICT (key) DO UPDATE SET
            count = CASE WHEN "RateLimit"."windowEnds" <= now() THEN 1 ELSE "RateLimit".count + 1 END,
            "windowEnds" = CASE WHEN "RateLimit"."windowEnds" <= now() THEN EXCLUDED."windowEnds"
                                ELSE "RateLimit"."windowEnds" END
          RETURNING count, "windowEnds"`;
        if (row && row.count > rule.limit) throw new OverLimit(row.windowEnds);
      }
    });
  } catch (error) {
    if (!(error instanceof OverLimit)) throw error;
    const minutes = Math.max(1, Math.ceil((error.retryAt.getTime() - Date.now()) / 60_000));
    throw new TooManyRequestsError(refusal.replace("{minutes}", String(minutes)));
  }
  await purgeExpiredRateLimits();
}

/** Rows whose window has ended count nothing any more; a few go with each counted request. */
export async function purgeExpiredRateLimits(batch = 100): Promise<number> {
  return db().$executeRaw`
    DELETE FROM "RateLimit" WHERE key IN
      (SELECT key FROM "RateLimit" WHERE "windowEnds" <= now() ORDER BY "windowEnds" LIMIT ${batch})`;
}
