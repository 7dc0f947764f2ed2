// Password reset requests: limited per client address and per account (in PostgreSQL), refused over a limit
// with a clear message and nothing sent, and answered before any account is looked up, so the answer and
// the work before it are the same whether or not the account exists.
import { randomBytes } from "node:crypto";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { ActionContext } from "@/lib/actions/action";
import { consoleDuring, loadApp, restoreAppEnv } from "../support/app-env";
import { testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
const unique = () => randomBytes(4).toString("hex");

/** An enabled staff account with a password. */
async function account(prefix: string) {
  const email = `${prefix}-${unique()}@example.org`;
  const institution = await prisma.institution.findUniqueOrThrow({ where: { slug: "nanjing-medical-university" } });
  await prisma.user.create({
    data: {
      email,
      name: prefix,
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId: institution.id,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    },
  });
  return email;
}

const now: ActionContext["later"] = (task) => task();
const at = (clientAddress: string): ActionContext => ({ clientAddress, later: now });

afterEach(restoreAppEnv);
afterAll(() => prisma.$disconnect());

describe("password reset limits", () => {
  it(`per account: over the limit the request is refused with a clear message, \
and nothing is counted or sent`, async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const { perAccount } = app.reset.RESET_LIMITS;
    const email = await account("limited");
    const user = await prisma.user.findUniqueOrThrow({ where: { email } });
    // From a new address each time: only the account's own limit is at work.
    for (let i = 0; i < perAccount; i++) {
      const { result } = await consoleDuring(() =>
        app.runDefinition(
          app.actions.requestPasswordReset!,
          null,
          { email: i % 2 ? email.toUpperCase() : email },
          "en",
          at(`10.33.0.${i}`),
        ),
      );
      expect(result.state.ok).toBe(true);
    }
    expect(await prisma.userToken.count({ where: { userId: user.id } })).toBe(perAccount);
    const limits = await prisma.rateLimit.findMany({ orderBy: { key: "asc" } });
    const tasks: (() => Promise<void>)[] = [];
    const { result } = await consoleDuring(() =>
      app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", {
        clientAddress: "10.33.1.1",
        later: (t) => void tasks.push(t),
      }),
    );
    expect(result.state).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^Too many password reset requests\. Nothing was sent; please try again in \d+ min\.$/,
      ),
    });
    expect(tasks).toEqual([]);
    expect(await prisma.userToken.count({ where: { userId: user.id } })).toBe(perAccount);
    expect(await prisma.outboxMail.count({ where: { to: email } })).toBe(perAccount);
    // Refused: not counted, for the account or for the new address.
    expect(await prisma.rateLimit.findMany({ orderBy: { key: "asc" } })).toEqual(limits);
  });

  it("per client address: one address cannot ask about many accounts", async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const { perAddress } = app.reset.RESET_LIMITS;
    const address = "10.34.0.1";
    for (let i = 0; i < perAddress; i++) {
      const { result } = await consoleDuring(() =>
        app.runDefinition(
          app.actions.requestPasswordReset!,
          null,
          { email: `nobody-${i}-${unique()}@example.org` },
          "en",
          at(address),
        ),
      );
      expect(result.state.ok).toBe(true);
    }
    const email = await account("from-busy-address");
    const { result } = await consoleDuring(() =>
      app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at(address)),
    );
    expect(result.state).toMatchObject({
      ok: false,
      message: expect.stringMatching(/Too many password reset requests/),
    });
    expect(await prisma.userToken.count({ where: { user: { email } } })).toBe(0);
    // Another address is not affected.
    const other = await consoleDuring(() =>
      app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at("10.34.0.2")),
    );
    expect(other.result.state.ok).toBe(true);
  });

  it("expired counters are purged", async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    await prisma.rateLimit.create({
      data: { key: `test:expired:${unique()}`, count: 7, windowEnds: new Date(Date.now() - 1000) },
    });
    expect(await prisma.rateLimit.count({ where: { windowEnds: { lte: new Date() } } })).toBeGreaterThan(0);
    await app.rateLimit.consumeRateLimits(
      [{ key: `test:fresh:${unique()}`, limit: 5, windowSeconds: 60 }],
      "Too many ({minutes}).",
    );
    expect(await prisma.rateLimit.count({ where: { windowEnds: { lte: new Date() } } })).toBe(0);
  });
});

describe("the answer to a reset request", () => {
  it(`is produced before any account is looked up: the same for a known and an unknown address, \
the lookup, link and mail after it`, async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const known = await account("timing");
    const unknown = `nobody-${unique()}@example.org`;
    // Watch the data layer's client: which models are touched while the answer is made.
    const holder = globalThis as unknown as { prisma: object };
    const real = holder.prisma;
    const touched: string[] = [];
    holder.prisma = new Proxy(real, {
      get(target, property) {
        if (typeof property === "string" && !property.startsWith("$") && !property.startsWith("_"))
          touched.push(property);
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
    const tasks: (() => Promise<void>)[] = [];
    const context = (address: string): ActionContext => ({
      clientAddress: address,
      later: (task) => void tasks.push(task),
    });
    let answers: Awaited<ReturnType<typeof app.runDefinition>>["state"][];
    try {
      answers = [
        await app.runDefinition(app.actions.requestPasswordReset!, null, { email: known }, "en", context("10.35.0.1")),
        await app.runDefinition(
          app.actions.requestPasswordReset!,
          null,
          { email: unknown },
          "en",
          context("10.35.0.2"),
        ),
      ].map((r) => r.state);
    } finally {
      holder.prisma = real;
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]).toMatchObject({
      ok: true,
      message: "If an account uses this address, a link to reset its password is on its way.",
    });
    // Only the rate limits' raw SQL ran: no model (User, UserToken, OutboxMail) was touched before the answer.
    expect(touched).toEqual([]);
    expect(tasks).toHaveLength(2);
    expect(await prisma.userToken.count({ where: { user: { email: known } } })).toBe(0);

    await consoleDuring(async () => {
      for (const task of tasks) await task();
    });
    expect(await prisma.userToken.count({ where: { user: { email: known } } })).toBe(1);
    expect(await prisma.outboxMail.count({ where: { to: { in: [known, unknown] } } })).toBe(1);
  });
});
