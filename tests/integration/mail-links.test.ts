// Links that set a password (invitations, resets) reach their owner only: never stored with the link (outbox,
// audit, any table), never logged except on the console of a portal that listens on loopback only, an
// invitation that cannot be mailed shown to the admin who sent it and to nobody else.
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import type { ActionContext } from "@/lib/actions/action";
import { startSmtpSink } from "../../scripts/lib/smtp-sink.mjs";
import { passwordLinkIn, waitForMail } from "../support/mailbox";
import { consoleDuring, loadApp, restoreAppEnv } from "../support/app-env";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";

useWriteDatabase();

const prisma = testPrisma();
let admin: Actor;
let otherAdmin: Actor;
const unique = () => randomBytes(4).toString("hex");
const tokenOf = (link: string) => link.split("/password/")[1]!;

/** Every table whose rows hold `secret` anywhere (a row cast to text contains every column). */
async function tablesHolding(secret: string): Promise<string[]> {
  const tables = await prisma.$queryRawUnsafe<{ table_name: string }[]>(
    `SELECT table_name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const holding: string[] = [];
  for (const { table_name } of tables) {
    const [row] = await prisma.$queryRawUnsafe<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM "${table_name}" x WHERE strpos(x::text, $1) > 0`,
      secret,
    );
    if (row && row.n > 0) holding.push(table_name);
  }
  return holding;
}

/** An enabled staff account with a password, for resets. */
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

const inviteInput = (email: string) => ({
  email,
  name: "Invited Person",
  role: "STAFF" as const,
  institutionSlug: "chinese-university-of-hong-kong",
});
const now: ActionContext["later"] = (task) => task();
const at = (clientAddress: string): ActionContext => ({ clientAddress, later: now });

beforeAll(async () => {
  admin = await loadActor(prisma, "admin@atlas.test");
  const email = `second-admin-${unique()}@example.org`;
  await prisma.user.create({ data: { email, name: "Second Admin", role: "ADMIN" } });
  otherAdmin = await loadActor(prisma, email);
});
afterEach(restoreAppEnv);
afterAll(() => prisma.$disconnect());

describe("invitations", () => {
  it("without SMTP: the link is handed to the inviting admin only, and stored and logged nowhere", async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const email = `invitee-${unique()}@example.org`;
    const { result, output } = await consoleDuring(() =>
      app.runDefinition(app.actions.inviteUser!, admin, inviteInput(email), "en", at("10.30.0.1")),
    );
    expect(result.state.ok).toBe(true);
    const link = result.state.handOver!;
    expect(link).toMatch(/\/en\/password\/[\w-]{40,}$/);
    expect(result.state.message).toMatch(/not mailed .*Give them this link yourself/);

    const token = tokenOf(link);
    expect(await tablesHolding(token)).toEqual([]);
    expect(output).not.toContain(token);
    // Another admin reads the outbox, the accounts and the history: the mail is there, its link is not.
    const outbox = await app.userAdmin.listOutbox(otherAdmin);
    const mail = outbox.find((m) => m.to === email)!;
    expect(mail.text).toContain("[link withheld");
    expect(mail.note).toMatch(/shown once to the admin who sent it/);
    expect(JSON.stringify(outbox)).not.toContain(token);
    expect(JSON.stringify(await app.userAdmin.listUsers(otherAdmin, "en"))).not.toContain(token);

    // The link works, once.
    await app.userAdmin.setPasswordWithToken(token, "a fresh invited passphrase");
    expect(await app.users.authenticate(email, "a fresh invited passphrase", "10.30.0.2")).toMatchObject({ email });
  });

  it("with SMTP: the link is mailed to the invitee only; the admin's answer and the outbox carry no link", async () => {
    const dir = path.join(import.meta.dirname, "../../test-results/mail-integration", unique());
    const sink = await startSmtpSink({ dir });
    try {
      const app = await loadApp({ HOST: "127.0.0.1", SMTP_URL: sink.url });
      const email = `mailed-${unique()}@example.org`;
      const { result, output } = await consoleDuring(() =>
        app.runDefinition(app.actions.inviteUser!, admin, inviteInput(email), "en", at("10.30.0.3")),
      );
      expect(result.state).toMatchObject({ ok: true, message: `Invitation sent to ${email}.` });
      expect(result.state.handOver).toBeUndefined();

      const mail = await waitForMail(email, { dir, subject: /invited/ });
      expect(mail.to).toEqual([email]);
      const token = tokenOf(passwordLinkIn(mail.text));
      expect(await tablesHolding(token)).toEqual([]);
      expect(output).not.toContain(token);
      const row = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
      expect(row.sentAt).not.toBeNull();
      expect(row.text).toContain("[link withheld");
      await app.userAdmin.setPasswordWithToken(token, "a mailed invitation passphrase");
    } finally {
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it(`with SMTP that refuses the mail: the inviting admin gets the link and the reason, \
the outbox the failure`, async () => {
    const app = await loadApp({ HOST: "0.0.0.0", SMTP_URL: "smtp://127.0.0.1:1" });
    const email = `unmailed-${unique()}@example.org`;
    const { result, output } = await consoleDuring(() =>
      app.runDefinition(app.actions.inviteUser!, admin, inviteInput(email), "en", at("10.30.0.4")),
    );
    expect(result.state.ok).toBe(true);
    expect(result.state.message).toMatch(/the mail server refused it/);
    const token = tokenOf(result.state.handOver!);
    expect(output).not.toContain(token);
    expect(await tablesHolding(token)).toEqual([]);
    const row = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(row.sentAt).toBeNull();
    expect(row.error).toMatch(/refused/);
  });
});

describe("password reset links", () => {
  it(`without SMTP, on a portal that listens on loopback only: printed on its console, \
withheld from the outbox`, async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const email = await account("console-reset");
    const { result, output } = await consoleDuring(() =>
      app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at("10.31.0.1")),
    );
    expect(result.state.ok).toBe(true);
    const token = tokenOf(passwordLinkIn(output));
    expect(await tablesHolding(token)).toEqual([]);
    const row = await prisma.outboxMail.findFirstOrThrow({ where: { to: email } });
    expect(row.text).toContain("[link withheld");
    expect(row.note).toMatch(/printed on the console/);
  });

  it(`without SMTP, on a portal others can reach: refused with a message, nothing sent or stored, \
and the log says SMTP is needed`, async () => {
    const app = await loadApp({ HOST: "0.0.0.0" });
    const email = await account("public-reset");
    const before = await Promise.all([prisma.userToken.count(), prisma.outboxMail.count(), prisma.rateLimit.count()]);
    const { result, output } = await consoleDuring(() =>
      app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at("10.31.0.2")),
    );
    expect(result.state).toMatchObject({ ok: false, message: expect.stringMatching(/cannot send mail/) });
    expect(output).toMatch(/SMTP_URL is not set/);
    expect(output).not.toMatch(/\/password\//);
    expect(await Promise.all([prisma.userToken.count(), prisma.outboxMail.count(), prisma.rateLimit.count()])).toEqual(
      before,
    );
  });

  it("with SMTP: mailed to the account's owner only, not printed even on loopback", async () => {
    const dir = path.join(import.meta.dirname, "../../test-results/mail-integration", unique());
    const sink = await startSmtpSink({ dir });
    try {
      const app = await loadApp({ HOST: "127.0.0.1", SMTP_URL: sink.url });
      const email = await account("mailed-reset");
      const { output } = await consoleDuring(() =>
        app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at("10.31.0.3")),
      );
      const mail = await waitForMail(email, { dir, subject: /Reset/ });
      const token = tokenOf(passwordLinkIn(mail.text));
      expect(output).not.toContain(token);
      expect(await tablesHolding(token)).toEqual([]);
    } finally {
      await sink.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a new request leaves the earlier link working; setting a password voids every link still out", async () => {
    const app = await loadApp({ HOST: "127.0.0.1" });
    const email = await account("two-links");
    const links: string[] = [];
    for (const address of ["10.32.0.1", "10.32.0.2"]) {
      const { output } = await consoleDuring(() =>
        app.runDefinition(app.actions.requestPasswordReset!, null, { email }, "en", at(address)),
      );
      links.push(passwordLinkIn(output));
    }
    await app.userAdmin.setPasswordWithToken(tokenOf(links[0]!), "the first link still works");
    await expect(app.userAdmin.setPasswordWithToken(tokenOf(links[1]!), "the second one is void now")).rejects.toThrow(
      /expired or was already used/,
    );
  });
});
