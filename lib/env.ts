import { z } from "zod";
import { isLoopbackHost } from "./http/loopback.mjs";

// Every environment variable the app reads, parsed once. Nothing else reads process.env.
const schema = z.object({
  DATABASE_URL: z
    .string({ error: "DATABASE_URL is not set: start the portal with `npm start`, which provides one." })
    .regex(/^postgres(ql)?:\/\//, "DATABASE_URL must be a postgresql:// URL"),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  SITE_URL: z.url().default("http://localhost:3000"),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** Signs session cookies; npm start generates one per installation when unset. */
  NEXTAUTH_SECRET: z.string().min(32, "NEXTAUTH_SECRET must be at least 32 characters.").optional(),
  /**
   * Where the server listens; scripts/serve.mjs (every start) sets it to what it binds, 127.0.0.1 unless told.
   * Unset means the app was started some other way (`next start` listens on every interface), so not loopback.
   */
  HOST: z.string().trim().min(1).optional(),
  /**
   * SMTP for outgoing mail (smtp://user:pass@host:587). Unset: mail is kept in the outbox and printed by the
   * server, and links that set a password never go there (lib/mail/transport.ts).
   */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "SMTP_URL must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().default("Alliance Atlas <no-reply@localhost>"),
  /**
   * Sign-in throttling: failures allowed within the window per account (from clients without its device
   * cookie), per client address and per device cookie; each lock lasts a window, the next twice as long.
   */
  LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(1000).default(5),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(1440).default(15),
  /** How long a browser's device cookie (proof that it signed in to an account before) stays valid. */
  LOGIN_DEVICE_DAYS: z.coerce.number().int().min(1).max(400).default(180),
  /** Behind a proxy that sets X-Forwarded-For: trust it for the client address. */
  TRUST_PROXY: z.enum(["0", "1"]).default("0"),
  /** Where `npm run data:release` writes dated open-data releases and /data lists them from. */
  RELEASES_DIR: z.string().min(1).default(".data/releases"),
  // Next's build folder (next.config.ts reads it too): the bench and the tests build beside the portal's .next.
  NEXT_DIST_DIR: z.string().min(1).default(".next"),
  /** Several instances: Next's page and data cache in this Redis (lib/cache/handler.mjs, which reads it itself). */
  REDIS_URL: z
    .string()
    .regex(/^rediss?:\/\//, "REDIS_URL must be a redis:// or rediss:// URL")
    .optional(),
  /** Key prefix in that Redis, so deployments (or test runs) sharing one Redis never see each other's entries. */
  CACHE_PREFIX: z
    .string()
    .regex(/^[\w:.-]{1,100}$/, "CACHE_PREFIX may only contain letters, digits, _ : . -")
    .optional(),
  /** "production" refuses what only a test may do (and, in scripts/serve.mjs, demo passwords). */
  ATLAS_ENV: z.string().optional(),
  /**
   * Tests only: webhooks may go to plain http on 127.0.0.1 or ::1 (the tests' receiver). Ignored in production
   * (ATLAS_ENV=production), where webhooks go to public https addresses only.
   */
  WEBHOOKS_ALLOW_LOOPBACK: z.enum(["0", "1"]).default("0"),
  /**
   * `npm run bench` only: serve /<locale>/bench-floor/<n>, an empty page under the site's layout rendered on its
   * first visit (the framework's floor the bench compares record pages with). Unset: that address is a 404.
   */
  BENCH_FLOOR_PAGE: z.enum(["0", "1"]).default("0"),
  /** Jobs (webhook deliveries) run in every instance, sharing one queue in PostgreSQL; "0" runs none here. */
  JOBS: z.enum(["0", "1"]).default("1"),
});

export type Env = z.infer<typeof schema>;

let parsed: Env | undefined;

export function env(): Env {
  if (!parsed) {
    const result = schema.safeParse(process.env);
    if (!result.success)
      throw new Error(
        `Invalid environment: ${result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
      );
    parsed = result.data;
  }
  return parsed;
}

/** Does the portal listen on this machine's loopback only, so that nobody else can reach it or read its console? */
export function listensOnLoopbackOnly(): boolean {
  const { HOST } = env();
  return HOST !== undefined && isLoopbackHost(HOST);
}
