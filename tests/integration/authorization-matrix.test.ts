import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { seedPages } from "../support/seed-pages";
import { secretariatUser } from "../support/secretariats";

useWriteDatabase();

const prisma = testPrisma();
// Every action the portal exports: each must have a row below (the first test).
const { actions, runDefinition } = await loadActions();
// staffNmu and staffCuhk are their institutions' managers (the staff invited before roles existed); staffNmuEditor
// is an editor of NMU. The organizations' side (issue 16): secretariatX is a secretariat manager of organization X
// (UASR), secretariatEditorY a secretariat editor of organization Y (UABR); each target stands for one of them too
// (organizationSlugs), so an action on an organization's side has an own and an other case like the universities'.
type ActorKey =
  | "anonymous"
  | "staffNmu"
  | "staffNmuEditor"
  | "staffCuhk"
  | "secretariatX"
  | "secretariatEditorY"
  | "admin";
type Target = "nmu" | "cuhk";
const ACTORS: ActorKey[] = [
  "anonymous",
  "staffNmu",
  "staffNmuEditor",
  "staffCuhk",
  "secretariatX",
  "secretariatEditorY",
  "admin",
];
const TARGETS: Target[] = ["nmu", "cuhk"];

let actors: Record<ActorKey, Actor | null>;
const institutionIds: Record<Target, string> = { nmu: "", cuhk: "" };
const institutionSlugs: Record<Target, string> = {
  nmu: "nanjing-medical-university",
  cuhk: "chinese-university-of-hong-kong",
};
/** The organization a target stands for on the organizations' side: X for nmu, Y for cuhk. */
const organizationSlugs: Record<Target, string> = {
  nmu: "university-alliance-of-the-silk-road",
  cuhk: "university-alliance-of-belt-and-road",
};
const organizationIds: Record<Target, string> = { nmu: "", cuhk: "" };
/** Their own email domains (set in beforeAll), at which their secretariats' sign-ups verify them. */
const organizationDomains: Record<Target, string> = { nmu: "uasr.test", cuhk: "uabr.test" };

const values = (notes: string) => ({
  role: "MEMBER",
  status: "ACTIVE",
  joined: "2016",
  ended: "",
  notes,
  sourceUrl: "https://example.org/source",
  sourceTitle: "Source",
  // A changed fact quotes the passage of its new source, never the current one's.
  sourceQuote: `Matrix passage ${randomBytes(3).toString("hex")}`,
});

/** The source of a changed profile: required when a profile value changes. */
const profileSource = () => ({
  sourceUrl: "https://example.org/profile",
  sourceTitle: "",
  sourceQuote: `Matrix profile passage ${randomBytes(3).toString("hex")}`,
  sourceSeenOn: "",
});

/** A fresh pending request on one of `target`'s memberships, proposed by that institution's staff. */
async function pendingRequestFor(target: Target) {
  const m = await prisma.membership.findFirstOrThrow({
    where: { institutionId: institutionIds[target] },
    orderBy: { id: "asc" },
  });
  const proposer = await prisma.user.findFirstOrThrow({ where: { institutionId: institutionIds[target] } });
  await prisma.changeRequest.updateMany({
    where: { membershipId: m.id, status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
  return prisma.changeRequest.create({
    data: {
      kind: "MEMBERSHIP_UPDATE",
      institutionId: institutionIds[target],
      organizationId: m.organizationId,
      membershipId: m.id,
      baseVersion: m.version,
      before: {},
      proposed: {
        role: m.role,
        status: m.status,
        joined: null,
        ended: null,
        notes: "matrix",
        sourceUrl: null,
        sourceTitle: "t",
        sourceQuote: null,
      },
      proposedById: proposer.id,
    },
  });
}

let decisions = 0;

/** The raw (form-shaped) input an action gets for an entry of `target`. */
const inputs = {
  async proposeMembershipUpdate(target) {
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target], changeRequests: { none: { status: "PENDING" } } },
      orderBy: { id: "asc" },
    });
    return {
      membershipId: m.id,
      baseVersion: String(m.version),
      reason: "",
      values: values(`matrix ${Date.now()} ${Math.random()}`),
    };
  },
  async proposeMembershipCreate(target) {
    const org = await prisma.organization.findFirstOrThrow({
      where: {
        memberships: { none: { institutionId: institutionIds[target] } },
        changeRequests: { none: { institutionId: institutionIds[target], status: "PENDING" } },
      },
      orderBy: { slug: "asc" },
    });
    return { organizationSlug: org.slug, reason: "", values: values("new") };
  },
  async withdrawChangeRequest(target) {
    return { changeRequestId: (await pendingRequestFor(target)).id };
  },
  async commentOnChangeRequest(target) {
    return { changeRequestId: (await pendingRequestFor(target)).id, body: "A comment" };
  },
  async decideChangeRequest(target) {
    // Approvals and rejections alternate between the target's cases (the decision is one action).
    decisions += 1;
    return decisions % 2
      ? { changeRequestId: (await pendingRequestFor(target)).id, decision: "approve", comment: "" }
      : { changeRequestId: (await pendingRequestFor(target)).id, decision: "reject", comment: "Not in the source" };
  },
  async mergeOrganizationProposal(target) {
    // A fresh proposed organization of the target institution that is one it already belongs to, stated as its
    // entry says: recorded with nothing to change, so the institution keeps as many memberships as the seed's
    // (later files page through them).
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target] },
      include: { organization: true },
      orderBy: { id: "asc" },
    });
    const proposer = await prisma.user.findFirstOrThrow({ where: { institutionId: institutionIds[target] } });
    const proposal = await prisma.changeRequest.create({
      data: {
        kind: "ORGANIZATION_CREATE",
        institutionId: institutionIds[target],
        proposed: {
          nameEn: `Matrix Duplicate ${randomBytes(3).toString("hex")}`,
          nameZh: null,
          acronym: null,
          kind: "NETWORK",
          founded: null,
          website: null,
          introduction: null,
          role: m.role,
          joined: null,
          sourceUrl: "https://example.org/dup",
          sourceTitle: null,
          sourceQuote: null,
        },
        proposedById: proposer.id,
      },
    });
    return { changeRequestId: proposal.id, target: m.organization.slug, otherSlug: "", comment: "" };
  },
  async approveChangeRequests(target) {
    const first = await pendingRequestFor(target);
    const second = await pendingRequestFor(target === "nmu" ? "cuhk" : "nmu");
    return { ids: { "0": first.id, "1": second.id }, comment: "" };
  },
  async markNotificationsRead() {
    return {};
  },
  async setColleagueRole(target, actor) {
    // A secretariat acts on a colleague of the target's organization (organizationSlugs), a university on one of its.
    return { userId: (await freshColleague(target, actor)).id, staffRole: "MANAGER" };
  },
  async leaveAndDeleteAccount(target) {
    // Confirmed by an address that is no actor's own: the account in question is always the actor's, never the
    // target's, so no one leaves here (leave.test.ts has the owner's own).
    return { confirmEmail: `${target}-someone-else@example.org` };
  },
  async removeColleague(target, actor) {
    return { userId: (await freshColleague(target, actor)).id };
  },
  async submitCorrection(target) {
    // The matrix sends every case from one client address ("unknown"): its counters start afresh each time.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "correction:" } } });
    return {
      institutionSlug: institutionSlugs[target],
      what: `Matrix: the city is wrong ${randomBytes(3).toString("hex")}`,
      sourceUrl: "https://example.org/matrix",
      email: "",
      website: "",
    };
  },
  async closeCorrection(target) {
    const correction = await prisma.correction.create({
      data: {
        institutionId: institutionIds[target],
        what: "Matrix: a suggested correction",
        sourceUrl: "https://example.org/matrix",
        statusTokenHash: randomBytes(32).toString("hex"),
      },
    });
    return { correctionId: correction.id, reason: "Matrix: already right." };
  },
  async requestSignup(target) {
    // One client address ("unknown") sends every case, more than its hourly allowance: each starts afresh.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "signup:" } } });
    const domain = target === "nmu" ? "njmu.edu.cn" : "cuhk.edu.hk";
    return { email: `matrix-signup-${randomBytes(4).toString("hex")}@${domain}`, name: "Matrix Sign-up" };
  },
  async approveClaim(target, actor) {
    return { userId: (await verifiedSignup(target, actor)).id };
  },
  async rejectClaim(target, actor) {
    return { userId: (await verifiedSignup(target, actor)).id };
  },
  async requestSecretariatSignup(target) {
    // Every case from one client address: its hourly allowance starts afresh, as requestSignup's does.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "signup:" } } });
    return {
      organizationSlug: organizationSlugs[target],
      email: `matrix-secretariat-${randomBytes(4).toString("hex")}@${organizationDomains[target]}`,
      name: "Matrix Secretariat Sign-up",
    };
  },
  async setOrganizationEmailDomains(target) {
    // The organization's own domain (which the claims below rely on), and a fresh one, so that each case changes it.
    return {
      organizationSlug: organizationSlugs[target],
      domains: `${organizationDomains[target]}\nmatrix-${randomBytes(3).toString("hex")}.example.org`,
    };
  },
  async inviteUser(target) {
    return {
      email: `invited-${target}-${randomBytes(4).toString("hex")}@example.org`,
      name: "Invited Person",
      role: "STAFF",
      institutionSlug: institutionSlugs[target],
    };
  },
  async updateUserAccess(target) {
    const user = await matrixUser(target);
    return {
      userId: user.id,
      role: "STAFF",
      institutionSlug: institutionSlugs[target],
      disabled: user.disabledAt ? "" : "on",
    };
  },
  async proposeInstitutionUpdate(target) {
    await prisma.changeRequest.updateMany({
      where: { institutionId: institutionIds[target], kind: "INSTITUTION_UPDATE", status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const i = await prisma.institution.findUniqueOrThrow({ where: { id: institutionIds[target] } });
    return {
      baseVersion: String(i.version),
      reason: "",
      values: await profileValues(target, `City ${randomBytes(3).toString("hex")}`),
      source: profileSource(),
    };
  },
  async proposeOrganizationCreate() {
    return {
      reason: "",
      values: {
        nameEn: `Matrix Alliance ${randomBytes(3).toString("hex")}`,
        nameZh: "",
        acronym: "",
        kind: "ALLIANCE",
        founded: "2020",
        website: "",
        introduction: "",
        role: "MEMBER",
        joined: "2021",
        sourceUrl: "https://example.org/a",
        sourceTitle: "",
        sourceQuote: "",
      },
    };
  },
  async adminUpdateInstitution(target) {
    const i = await prisma.institution.findUniqueOrThrow({ where: { id: institutionIds[target] } });
    return {
      institutionSlug: institutionSlugs[target],
      baseVersion: String(i.version),
      values: await profileValues(target, `Admin city ${randomBytes(3).toString("hex")}`),
      source: profileSource(),
    };
  },
  async adminCreateInstitution(target) {
    return {
      kind: "UNIVERSITY",
      country: target === "nmu" ? "CN" : "HK",
      values: {
        nameEn: `Matrix University ${randomBytes(3).toString("hex")}`,
        nameZh: "",
        city: "",
        website: "",
        rorId: "",
        wikidataId: "",
      },
    };
  },
  async adminUpdateOrganization(target) {
    // An organization the target institution belongs to.
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target] },
      include: { organization: { include: { names: true } } },
      orderBy: { id: "asc" },
    });
    const o = m.organization;
    return {
      organizationSlug: o.slug,
      baseVersion: String(o.version),
      values: {
        nameEn: o.names.find((n) => n.locale === "en" && n.kind === "OFFICIAL" && !n.validUntil)!.name,
        nameZh: "",
        acronym: o.acronym ?? "",
        kind: o.kind,
        founded: "",
        website: `https://example.org/${randomBytes(3).toString("hex")}`,
        introduction: o.introduction ?? "",
      },
    };
  },
  async adminCreateOrganization(target) {
    return {
      values: {
        nameEn: `Matrix Network ${target} ${randomBytes(3).toString("hex")}`,
        nameZh: "",
        acronym: "",
        kind: "NETWORK",
        founded: "2019-05",
        website: "",
        introduction: "",
        sourceUrl: "https://example.org/network",
        sourceTitle: "",
        sourceQuote: "",
      },
    };
  },
  async confirmMembership(target) {
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target] },
      orderBy: { id: "asc" },
    });
    // With "I read its source again": the one action that moves a source's seen date.
    return { membershipId: m.id, sourceReadAgain: "on" };
  },
  async confirmMemberships(target) {
    const ms = await prisma.membership.findMany({
      where: { institutionId: institutionIds[target] },
      orderBy: { id: "asc" },
      take: 2,
    });
    return { membershipIds: Object.fromEntries(ms.map((m, i) => [String(i), m.id])) };
  },
  async recordOrganizationConfirmation(target) {
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target] },
      orderBy: { id: "asc" },
    });
    return {
      membershipId: m.id,
      sourceUrl: `https://example.org/members/${randomBytes(3).toString("hex")}`,
      sourceTitle: "",
      sourceQuote: "",
    };
  },
  // Facts that match no entry: the dismissal is stored and audited but hides nothing from later files.
  async dismissDiscrepancy(target) {
    const m = await prisma.membership.findFirstOrThrow({
      where: { institutionId: institutionIds[target] },
      orderBy: { id: "asc" },
    });
    return { check: "ONLY_INSTITUTION", subject: m.id, facts: "matrix-stale", reason: "Matrix: set aside." };
  },
  async restoreDiscrepancy(target) {
    const admin = await prisma.user.findUniqueOrThrow({ where: { email: "admin@atlas.test" } });
    const d = await prisma.discrepancyDismissal.create({
      data: {
        kind: "FOUNDER_NOT_MEMBER",
        subject: `matrix-${target}-${randomBytes(3).toString("hex")}`,
        facts: "matrix",
        reason: "Matrix: to restore.",
        dismissedById: admin.id,
      },
    });
    return { dismissalId: d.id };
  },
  async previewImport(target) {
    return {
      text: seedPages[target === "nmu" ? "nmu-international-organizations" : "cuhk-belt-and-road"],
      sourceUrl: "https://example.org/our-page",
      sourceTitle: "",
    };
  },
  async submitImport(target) {
    // A draft of the target institution proposing an organization it is not in and has nothing pending for.
    const institutionId = institutionIds[target];
    const org = await prisma.organization.findFirstOrThrow({
      where: {
        memberships: { none: { institutionId } },
        changeRequests: { none: { institutionId, status: "PENDING" } },
      },
      orderBy: { slug: "asc" },
    });
    const staff = await prisma.user.findFirstOrThrow({ where: { institutionId } });
    const row = {
      heading: org.slug,
      match: { slug: org.slug, name: org.slug, score: 1 },
      joined: { iso: "2020", precision: "YEAR" },
      role: "MEMBER",
      passage: "Joined in 2020",
      action: "CREATE",
      current: null,
    };
    const draft = await prisma.importDraft.create({
      data: { institutionId, createdById: staff.id, sourceUrl: "https://example.org/our-page", rows: [row] },
    });
    return { draftId: draft.id, rows: { "0": { include: "on", role: "MEMBER", joined: "2020" } } };
  },
  async previewMemberList(target) {
    return {
      text: "Xi'an Jiaotong University, China\n1. Chinese University of Hong Kong (Hong Kong, China)\nMatrix Nowhere U",
      sourceUrl: `https://example.org/members/${target}`,
      sourceTitle: "",
      defaultRole: "MEMBER",
      defaultJoined: "",
    };
  },
  async reviewMemberList(target) {
    // A draft of the target's organization whose one row names a directory institution nothing is pending about.
    const organization = await prisma.organization.findUniqueOrThrow({ where: { slug: organizationSlugs[target] } });
    const institution = await prisma.institution.findFirstOrThrow({
      where: {
        listed: false,
        changeRequests: { none: { organizationId: organization.id, side: "ORGANIZATION", status: "PENDING" } },
      },
      include: { names: true },
      orderBy: { slug: "asc" },
    });
    const creator = await prisma.user.findFirstOrThrow({ where: { organizationId: organization.id } });
    const name = institution.names[0]!.name;
    const row = {
      line: 1,
      text: name,
      name,
      country: null,
      countryCodes: [],
      joined: null,
      role: null,
      website: null,
      status: "MATCHED",
      candidates: [
        { id: institution.id, slug: institution.slug, country: institution.country, matchedName: name, score: 1 },
      ],
      choice: { pick: "institution", institutionId: institution.id },
    };
    const draft = await prisma.memberListDraft.create({
      data: {
        organizationId: organization.id,
        createdById: creator.id,
        sourceUrl: "https://example.org/members",
        rows: [row],
      },
    });
    return { draftId: draft.id, intent: "send", reason: "", rows: { "0": { pick: institution.id } } };
  },
  async requestPasswordReset(target) {
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "reset:" } } });
    // A fresh account of the institution each time: a few requests an hour are allowed per account.
    const email = `reset-${target}-${randomBytes(4).toString("hex")}@example.org`;
    await prisma.user.create({
      data: {
        email,
        name: `Reset ${target}`,
        role: "STAFF",
        staffRole: "MANAGER",
        institutionId: institutionIds[target],
      },
    });
    return { email };
  },
  async requestAddressConfirmation() {
    // The address is always the actor's own: the target only decides whose institution's rows are watched.
    return {};
  },
  async confirmAddress(target) {
    // A link mailed to a staff member of the target at a domain of the target's, who is none of the actors.
    const domain = target === "nmu" ? "njmu.edu.cn" : "cuhk.edu.hk";
    const user = await prisma.user.create({
      data: {
        email: `matrix-reverify-${randomBytes(4).toString("hex")}@${domain}`,
        name: "Matrix Reverify",
        role: "STAFF",
        staffRole: "EDITOR",
        institutionId: institutionIds[target],
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      },
    });
    const token = randomBytes(32).toString("base64url");
    await prisma.userToken.create({
      data: {
        userId: user.id,
        purpose: "REVERIFY",
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    return { token };
  },
  async setPassword(target) {
    const user = await matrixUser(target);
    const token = randomBytes(32).toString("base64url");
    await prisma.userToken.create({
      data: {
        userId: user.id,
        purpose: "PASSWORD_RESET",
        tokenHash: createHash("sha256").update(token).digest("hex"),
        expiresAt: new Date(Date.now() + 600_000),
      },
    });
    return { token, password: "a brand new passphrase", confirm: "a brand new passphrase" };
  },
  async proposeOrganizationUpdate(target) {
    // The target's organization's profile form as its secretariat opens it, with a new introduction.
    const slug = organizationSlugs[target];
    await prisma.changeRequest.updateMany({
      where: { organization: { slug }, kind: "ORGANIZATION_UPDATE", status: "PENDING" },
      data: { status: "WITHDRAWN" },
    });
    const o = await prisma.organization.findUniqueOrThrow({
      where: { slug },
      include: {
        names: true,
        founders: { include: { institution: { select: { slug: true } } }, orderBy: { position: "asc" } },
        declaredCounts: true,
      },
    });
    const official = (locale: string) =>
      o.names.find((n) => n.locale === locale && n.kind === "OFFICIAL" && !n.validUntil)?.name ?? "";
    const rows = <T>(list: T[], row: (x: T) => Record<string, string>) =>
      Object.fromEntries(list.map((x, i) => [String(i), row(x)]));
    return {
      baseVersion: String(o.version),
      reason: "",
      values: {
        nameEn: official("en"),
        nameZh: official("zh"),
        acronym: o.acronym ?? "",
        website: o.website ?? "",
        introduction: `Matrix introduction ${randomBytes(3).toString("hex")}`,
        introductionLocale: "en",
        formerNames: rows(
          o.names.filter((n) => n.kind === "FORMER"),
          (n) => ({ name: n.name, locale: n.locale, validUntil: n.validUntil?.toISOString().slice(0, 10) ?? "" }),
        ),
        founders: rows(o.founders, (f) => ({ institution: "", institutionSlug: f.institution.slug, role: f.role })),
        declaredCounts: rows(o.declaredCounts, (c) => ({
          countSubject: c.subject,
          qualifier: c.qualifier,
          value: String(c.value),
          asOf: c.asOf?.toISOString().slice(0, 10) ?? "",
        })),
      },
      source: profileSource(),
    };
  },
  // The organizations' side (issue 16): the target stands for its organization (organizationSlugs).
  async proposeOrganizationMember() {
    // Never one of the targets' institutions: a request about them would count as theirs.
    const institution = await prisma.institution.findFirstOrThrow({
      where: {
        slug: { notIn: Object.values(institutionSlugs) },
        changeRequests: { none: { side: "ORGANIZATION", status: "PENDING" } },
      },
      orderBy: { slug: "asc" },
    });
    return { institutionSlug: institution.slug, institution: "", reason: "", values: values("member") };
  },
  async proposeOrganizationMemberUpdate(target) {
    const m = await organizationMember(target);
    return { membershipId: m.id, baseVersion: String(m.version), reason: "", values: values("restated") };
  },
  async proposeOrganizationMemberEnd(target) {
    const m = await organizationMember(target);
    return {
      membershipId: m.id,
      baseVersion: String(m.version),
      reason: "",
      ended: "2026",
      sourceUrl: "https://example.org/former-members",
      sourceTitle: "",
      sourceQuote: `Matrix end ${randomBytes(3).toString("hex")}`,
      sourceSeenOn: "",
    };
  },
  // Webhooks (issue 18): the target stands for a webhook of its institution's manager (webhookOwners).
  async createWebhook() {
    // A public address given as an IP literal: checked without DNS, which the test machine may not have.
    return { url: `https://93.184.215.14/matrix-${randomBytes(3).toString("hex")}`, scope: "all" };
  },
  async rotateWebhookSecret(target) {
    return { webhookId: (await ownersWebhook(target)).id };
  },
  async setWebhookEnabled(target) {
    return { webhookId: (await ownersWebhook(target)).id, enabled: "off" };
  },
  async deleteWebhook(target) {
    return { webhookId: (await ownersWebhook(target)).id };
  },
  // Watching by email (issue 18 §2): the target stands for a watcher of its institution (watcherOf).
  async watchRecord(target) {
    // Every case comes from one client address ("unknown"): its counters start afresh each time.
    await prisma.rateLimit.deleteMany({ where: { key: { startsWith: "watch:" } } });
    return {
      institutionSlug: institutionSlugs[target],
      email: `matrix-watch-${randomBytes(4).toString("hex")}@example.org`,
      frequency: "DAILY",
      website: "",
    };
  },
  async confirmWatch(target) {
    const { confirmToken } = await watcherOf(target, false);
    return { token: confirmToken };
  },
  async setDigestFrequency(target) {
    return { token: (await watcherOf(target, true)).pageToken, frequency: "WEEKLY" };
  },
  async stopWatching(target) {
    const { pageToken, watchId } = await watcherOf(target, true);
    return { token: pageToken, watchId };
  },
  async unsubscribeWatcher(target) {
    return { token: (await watcherOf(target, true)).pageToken };
  },
} satisfies Record<string, (target: Target, actor: ActorKey) => Promise<Record<string, unknown>>>;

/** Whose webhooks a target stands for: its institution's manager's. */
const webhookOwners: Record<Target, string> = { nmu: "staff@njmu.test", cuhk: "staff@cuhk.test" };

/** A fresh, enabled webhook of the target's owner. */
async function ownersWebhook(target: Target) {
  const owner = await prisma.user.findUniqueOrThrow({ where: { email: webhookOwners[target] } });
  return prisma.webhook.create({
    data: {
      ownerId: owner.id,
      url: "https://93.184.215.14/matrix",
      organizationIds: [],
      institutionIds: [],
      secretEncrypted: "v1.placeholder",
      cursor: 0n,
    },
  });
}
/** A fresh watcher of the target's institution, with its mailed links' tokens (stored hashed, as the portal does). */
async function watcherOf(target: Target, confirmed: boolean) {
  const token = () => randomBytes(32).toString("base64url");
  const hash = (t: string) => createHash("sha256").update(t).digest("hex");
  const [pageToken, confirmToken] = [token(), token()];
  const watcher = await prisma.watcher.create({
    data: { email: `matrix-watcher-${randomBytes(4).toString("hex")}@example.org` },
  });
  const watch = await prisma.watch.create({
    data: {
      watcherId: watcher.id,
      institutionId: institutionIds[target],
      confirmedAt: confirmed ? new Date() : null,
      requestedFrequency: "DAILY",
      requestedLocale: "en",
    },
  });
  const expiresAt = new Date(Date.now() + 86_400_000);
  await prisma.watchToken.createMany({
    data: [
      { hash: hash(pageToken), watcherId: watcher.id, expiresAt },
      { hash: hash(confirmToken), watcherId: watcher.id, watchId: watch.id, expiresAt },
    ],
  });
  return { pageToken, confirmToken, watchId: watch.id };
}

/** The actor is the owner of the target's webhooks. */
const webhookOwner = (a: ActorKey, t: Target) =>
  (a === "staffNmu" && t === "nmu") || (a === "staffCuhk" && t === "cuhk");

async function organizationIdOf(target: Target) {
  return (await prisma.organization.findUniqueOrThrow({ where: { slug: organizationSlugs[target] } })).id;
}

/**
 * A member of the target's organization whose end the organization has not stated, with no statement of the
 * organization's side waiting for review (an earlier case's is withdrawn, as pendingRequestFor does).
 */
async function organizationMember(target: Target) {
  const m = await prisma.membership.findFirstOrThrow({
    where: {
      organizationId: await organizationIdOf(target),
      OR: [{ organizationStatus: null }, { organizationStatus: { not: "WITHDRAWN" } }],
    },
    orderBy: { id: "asc" },
  });
  await prisma.changeRequest.updateMany({
    where: { membershipId: m.id, side: "ORGANIZATION", status: "PENDING" },
    data: { status: "WITHDRAWN" },
  });
  return m;
}
type ActionName = keyof typeof inputs;

const profileValues = async (target: Target, city: string) => {
  const names = await prisma.institutionName.findMany({
    where: { institutionId: institutionIds[target], kind: "OFFICIAL" },
  });
  return {
    nameEn: names.find((n) => n.locale === "en")!.name,
    nameZh: names.find((n) => n.locale === "zh")?.name ?? "",
    city,
    website: "",
    rorId: "",
    wikidataId: "",
  };
};

/** A staff account of `target` that the matrix may disable and re-enable without locking out the demo users. */
/**
 * A new colleague at `target` (an editor), for the actions that change or remove one: of its institution, or for a
 * secretariat actor of its organization (organizationSlugs), so that each side's managers meet their own kind.
 */
async function freshColleague(target: Target, actor: ActorKey) {
  const email = `colleague-${target}-${randomBytes(4).toString("hex")}@example.org`;
  if (actor.startsWith("secretariat"))
    return secretariatUser(prisma, { email, organizationSlug: organizationSlugs[target], staffRole: "EDITOR" });
  return prisma.user.create({
    data: {
      email,
      name: "Matrix Colleague",
      role: "STAFF",
      staffRole: "EDITOR",
      institutionId: institutionIds[target],
    },
  });
}

/**
 * A person of `target` who signed up and chose a password: pending, waiting for a decision (claims.ts). For a
 * secretariat actor, a person of the target's organization at its own domain (which its managers may approve).
 */
async function verifiedSignup(target: Target, actor: ActorKey) {
  if (actor.startsWith("secretariat"))
    return prisma.user.create({
      data: {
        email: `claim-${target}-${randomBytes(4).toString("hex")}@${organizationDomains[target]}`,
        name: "Matrix Secretariat Claim",
        role: "STAFF",
        staffRole: null,
        organizationId: organizationIds[target],
        passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
      },
    });
  return prisma.user.create({
    data: {
      email: `claim-${target}-${randomBytes(4).toString("hex")}@example.org`,
      name: "Matrix Claim",
      role: "STAFF",
      staffRole: null,
      institutionId: institutionIds[target],
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$placeholder",
    },
  });
}

async function matrixUser(target: Target) {
  const email = `matrix-${target}@example.org`;
  return prisma.user.upsert({
    where: { email },
    create: {
      email,
      name: `Matrix ${target}`,
      role: "STAFF",
      staffRole: "MANAGER",
      institutionId: institutionIds[target],
    },
    update: {},
  });
}

const own = (a: ActorKey, t: Target) =>
  ((a === "staffNmu" || a === "staffNmuEditor") && t === "nmu") || (a === "staffCuhk" && t === "cuhk");
/** The target institution's manager. */
const managerOf = (a: ActorKey, t: Target) => (a === "staffNmu" && t === "nmu") || (a === "staffCuhk" && t === "cuhk");
/** A secretariat of the target's organization (organizationSlugs): X of nmu's, Y of cuhk's. */
const ownOrganization = (a: ActorKey, t: Target) =>
  (a === "secretariatX" && t === "nmu") || (a === "secretariatEditorY" && t === "cuhk");
/** The manager of the target organization's secretariat (Y's secretariat actor is an editor). */
const secretariatManagerOf = (a: ActorKey, t: Target) => a === "secretariatX" && t === "nmu";

/** The secretariat of the organization the target stands for (organizationSlugs). */
const secretariatOf = (a: ActorKey, t: Target) =>
  (a === "secretariatX" && t === "nmu") || (a === "secretariatEditorY" && t === "cuhk");

type Outcome = "allowed" | "denied" | "untouched";
const rule = (ok: boolean): Outcome => (ok ? "allowed" : "denied");

/**
 * What happens to an entry of `target`: allowed; denied (an error and nothing changes); or untouched — the
 * action succeeds for the actor's own institution (which comes from the account, never from the input) and
 * the target's data does not change.
 */
const expectations: Record<ActionName, (actor: ActorKey, target: Target) => Outcome> = {
  proposeMembershipUpdate: (a, t) => rule(own(a, t)),
  proposeMembershipCreate: (a, t) => (own(a, t) ? "allowed" : a.startsWith("staff") ? "untouched" : "denied"),
  withdrawChangeRequest: (a, t) => rule(own(a, t)),
  commentOnChangeRequest: (a, t) => rule(a === "admin" || own(a, t)),
  mergeOrganizationProposal: (a) => rule(a === "admin"),
  decideChangeRequest: (a) => rule(a === "admin"),
  approveChangeRequests: (a) => rule(a === "admin"),
  markNotificationsRead: (a) => rule(a !== "anonymous"),
  inviteUser: (a) => rule(a === "admin"),
  // A manager of the colleague's own institution only: not its editors, not the other university's manager, not an
  // admin through this form (admins change roles on the accounts page: updateUserAccess).
  // The secretariat's manager likewise for a colleague of its own organization; never across sides (each actor meets
  // a colleague of its own kind: a university's of the target institution, a secretariat's of the target organization).
  setColleagueRole: (a, t) => rule(managerOf(a, t) || secretariatManagerOf(a, t)),
  removeColleague: (a, t) => rule(managerOf(a, t) || secretariatManagerOf(a, t)),
  leaveAndDeleteAccount: () => "denied",
  // The institution comes from the account: the other university's staff can only ever change their own.
  proposeInstitutionUpdate: (a, t) => (own(a, t) ? "allowed" : a.startsWith("staff") ? "untouched" : "denied"),
  // Proposed for the account's own institution; the other university's staff leave the target untouched.
  proposeOrganizationCreate: (a, t) => (own(a, t) ? "allowed" : a.startsWith("staff") ? "untouched" : "denied"),
  adminUpdateInstitution: (a) => rule(a === "admin"),
  adminCreateInstitution: (a) => rule(a === "admin"),
  adminUpdateOrganization: (a) => rule(a === "admin"),
  adminCreateOrganization: (a) => rule(a === "admin"),
  confirmMembership: (a, t) => rule(own(a, t)),
  confirmMemberships: (a, t) => rule(own(a, t)),
  recordOrganizationConfirmation: (a) => rule(a === "admin"),
  dismissDiscrepancy: (a) => rule(a === "admin"),
  restoreDiscrepancy: (a) => rule(a === "admin"),
  // The draft is made for the account's own institution, whatever page is pasted.
  previewImport: (a, t) => (own(a, t) ? "allowed" : a.startsWith("staff") ? "untouched" : "denied"),
  submitImport: (a, t) => rule(own(a, t)),
  updateUserAccess: (a) => rule(a === "admin"),
  // A member list is read into a draft of the account's own organization, whatever it names: the other
  // organization's secretariat leaves the target's untouched.
  previewMemberList: (a, t) =>
    ownOrganization(a, t) ? "allowed" : a.startsWith("secretariat") ? "untouched" : "denied",
  reviewMemberList: (a, t) => rule(ownOrganization(a, t)),
  // Public forms: the answer is the same for everyone, and a reset link only reaches the account's owner.
  requestPasswordReset: () => "allowed",
  // Anyone may sign up with an address of an institution's domain; the account waits for a decision.
  requestSignup: () => "allowed",
  // An admin, or a manager of the person's own institution (as editor then): not editors, not the other university.
  // A secretariat's manager decides on its organization's sign-ups at its own domain; its editor does not.
  approveClaim: (a, t) => rule(a === "admin" || managerOf(a, t) || secretariatManagerOf(a, t)),
  rejectClaim: (a, t) => rule(a === "admin" || managerOf(a, t) || secretariatManagerOf(a, t)),
  // Anyone may sign up for an organization's secretariat; the account waits for a decision.
  requestSecretariatSignup: () => "allowed",
  setOrganizationEmailDomains: (a) => rule(a === "admin"),
  // The single-use token in the link is the credential, whoever holds it.
  setPassword: () => "allowed",
  // Anyone may suggest a correction of any page, with no account.
  submitCorrection: () => "allowed",
  // The institution's managers and the admins: not its editors, not the other university, not a visitor.
  closeCorrection: (a, t) => rule(a === "admin" || managerOf(a, t)),
  // Approved staff mail a link to their own address only: the other university's staff leave the target untouched.
  // A secretariat's account likewise, to its own address (its organization's rows are the target's organization's).
  requestAddressConfirmation: (a, t) =>
    own(a, t) || ownOrganization(a, t)
      ? "allowed"
      : a.startsWith("staff") || a.startsWith("secretariat")
        ? "untouched"
        : "denied",
  // The link's token is the proof when signed out; signed in as anyone else, it is refused (another's address).
  confirmAddress: (a) => rule(a === "anonymous"),
  // The organization comes from the account: a secretariat (manager or editor) proposes its own organization's
  // profile only, the other organization's is untouched; a university's staff, admins and visitors are refused.
  proposeOrganizationUpdate: (a, t) =>
    ownOrganization(a, t) ? "allowed" : a.startsWith("secretariat") ? "untouched" : "denied",
  // The organization's own secretariat, manager or editor alike; the other organization's secretariat states a member
  // of its own organization (it comes from the account), leaving the target's untouched; nobody else.
  proposeOrganizationMember: (a, t) =>
    secretariatOf(a, t) ? "allowed" : a.startsWith("secretariat") ? "untouched" : "denied",
  proposeOrganizationMemberUpdate: (a, t) => rule(secretariatOf(a, t)),
  proposeOrganizationMemberEnd: (a, t) => rule(secretariatOf(a, t)),
  // Any approved account registers webhooks of its own: the target's owner's are untouched by anyone else's.
  // Anyone may watch any page by email, with no account (the address confirms it, not the session); the subscriber's
  // links carry a token that is the credential, whoever holds it (as a reset link is). Wrong tokens: watch.test.ts.
  watchRecord: () => "allowed",
  confirmWatch: () => "allowed",
  setDigestFrequency: () => "allowed",
  stopWatching: () => "allowed",
  unsubscribeWatcher: () => "allowed",
  createWebhook: (a, t) => (webhookOwner(a, t) ? "allowed" : a === "anonymous" ? "denied" : "untouched"),
  // Only the owner changes a webhook; an admin included, nobody else sees it.
  rotateWebhookSecret: (a, t) => rule(webhookOwner(a, t)),
  setWebhookEnabled: (a, t) => rule(webhookOwner(a, t)),
  deleteWebhook: (a, t) => rule(webhookOwner(a, t)),
};

const requestIdsOf = async (institutionId: string) =>
  (await prisma.changeRequest.findMany({ where: { institutionId }, select: { id: true } })).map((r) => r.id);

/** Everything a write could touch, for "the database is unchanged". */
async function snapshot(target: Target) {
  const institutionId = institutionIds[target];
  const [memberships, requests, comments, audit, notifications, sources, users, tokens, organizations, drafts] =
    await Promise.all([
      prisma.membership.findMany({ where: { institutionId }, orderBy: { id: "asc" } }),
      prisma.changeRequest.findMany({
        where: { institutionId },
        orderBy: { id: "asc" },
        select: { id: true, status: true, decidedById: true, conflict: true, kind: true },
      }),
      prisma.changeComment.count({ where: { changeRequest: { institutionId } } }),
      prisma.auditEvent.count(),
      // The target's people's notifications, and the admins' about the target's requests: a request the other
      // university sends tells the admins of that one, not of the target's.
      prisma.notification.count({
        where: {
          OR: [
            { user: { institutionId } },
            { changeRequestId: { in: (await requestIdsOf(institutionId)).concat("") } },
            { user: { role: "ADMIN" }, changeRequestId: null },
          ],
        },
      }),
      prisma.source.count(),
      prisma.user.findMany({
        where: { institutionId },
        orderBy: { id: "asc" },
        select: {
          id: true,
          role: true,
          staffRole: true,
          institutionId: true,
          disabledAt: true,
          sessionVersion: true,
          passwordHash: true,
          emailVerifiedAt: true,
        },
      }),
      prisma.userToken.count({ where: { user: { institutionId } } }),
      prisma.organization.count(),
      prisma.importDraft.findMany({
        where: { institutionId },
        orderBy: { id: "asc" },
        select: { id: true, submittedAt: true },
      }),
    ]);
  const corrections = await prisma.correction.findMany({
    where: { institutionId },
    orderBy: { id: "asc" },
    select: { id: true, status: true, closedReason: true, decidedById: true, changeRequestId: true, email: true },
  });
  // The organization the target stands for: its member-list drafts and its side's requests (which may name no
  // institution, or one that is not the target).
  const organization = { slug: organizationSlugs[target] };
  const memberLists = await prisma.memberListDraft.findMany({
    where: { organization },
    orderBy: { id: "asc" },
    select: { id: true, rows: true, sentAt: true },
  });
  const organizationRequests = await prisma.changeRequest.findMany({
    where: { side: "ORGANIZATION", organization },
    orderBy: { id: "asc" },
    select: { id: true, status: true, kind: true },
  });
  const dismissals = await prisma.discrepancyDismissal.findMany({
    orderBy: { id: "asc" },
    select: { id: true, facts: true, reason: true },
  });
  const institution = await prisma.institution.findUniqueOrThrow({
    where: { id: institutionId },
    select: { version: true, city: true, website: true, rorId: true, wikidataId: true },
  });
  // The target organization's side: its secretariat's accounts (their roles, links, pending sign-ups) and its domains.
  const organizationId = organizationIds[target];
  const secretariat = await prisma.user.findMany({
    where: { OR: [{ organizationId }, { email: { endsWith: `@${organizationDomains[target]}` } }] },
    orderBy: { id: "asc" },
    select: {
      id: true,
      staffRole: true,
      organizationId: true,
      disabledAt: true,
      sessionVersion: true,
      domainVerified: true,
      _count: { select: { tokens: true } },
    },
  });
  const organizationDomainsNow = (
    await prisma.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { emailDomains: true } })
  ).emailDomains;
  // The organization the target stands for on the organizations' side, and that side's requests about it.
  const organizationSide = await prisma.organization.findUniqueOrThrow({
    where: { slug: organizationSlugs[target] },
    select: {
      version: true,
      acronym: true,
      website: true,
      introduction: true,
      names: { orderBy: { id: "asc" } },
      founders: { orderBy: { id: "asc" } },
      declaredCounts: { orderBy: { id: "asc" } },
      changeRequests: {
        where: { side: "ORGANIZATION" },
        orderBy: { id: "asc" },
        select: { id: true, status: true, decidedById: true, conflict: true, kind: true },
      },
    },
  });
  // The organization the target stands for: its members (both sides) and its secretariat's statements.
  const organizationMembers = await Promise.all([
    prisma.membership.findMany({ where: { organizationId }, orderBy: { id: "asc" } }),
    prisma.changeRequest.findMany({
      where: { organizationId, side: "ORGANIZATION" },
      orderBy: { id: "asc" },
      select: { id: true, status: true, kind: true, conflict: true, membershipId: true },
    }),
    prisma.notification.count({ where: { user: { organizationId } } }),
  ]);
  const webhooks = await prisma.webhook.findMany({
    where: { owner: { email: webhookOwners[target] } },
    orderBy: { id: "asc" },
    select: { id: true, url: true, enabled: true, secretEncrypted: true, disabledReason: true },
  });
  // The target institution's watchers: their watches, confirmation, frequency (bigint positions left out).
  const watches = await prisma.watch.findMany({
    where: { institutionId },
    orderBy: { id: "asc" },
    select: { id: true, confirmedAt: true, watcher: { select: { email: true, frequency: true } } },
  });
  return JSON.stringify({
    watches,
    webhooks,
    secretariat,
    organizationDomainsNow,
    memberships,
    requests,
    comments,
    audit,
    notifications,
    sources,
    users,
    tokens,
    organizations,
    drafts,
    dismissals,
    corrections,
    institution,
    memberLists,
    organizationRequests,
    organizationSide,
    organizationMembers,
  });
}

beforeAll(async () => {
  for (const t of TARGETS) {
    institutionIds[t] = (await prisma.institution.findUniqueOrThrow({ where: { slug: institutionSlugs[t] } })).id;
    organizationIds[t] = (
      await prisma.organization.update({
        where: { slug: organizationSlugs[t] },
        data: { emailDomains: [organizationDomains[t]] },
        select: { id: true },
      })
    ).id;
  }
  const load = (email: string) => loadActor(prisma, email);
  actors = {
    anonymous: null,
    staffNmu: await load("staff@njmu.test"),
    staffNmuEditor: await load(
      (
        await prisma.user.upsert({
          where: { email: "editor@njmu.test" },
          create: {
            email: "editor@njmu.test",
            name: "NMU Editor",
            role: "STAFF",
            staffRole: "EDITOR",
            institutionId: institutionIds.nmu,
          },
          update: {},
        })
      ).email,
    ),
    staffCuhk: await load("staff@cuhk.test"),
    secretariatX: await load(
      (await secretariatUser(prisma, { email: "secretariat@uasr.test", organizationSlug: organizationSlugs.nmu }))
        .email,
    ),
    secretariatEditorY: await load(
      (
        await secretariatUser(prisma, {
          email: "editor@uabr.test",
          organizationSlug: organizationSlugs.cuhk,
          staffRole: "EDITOR",
        })
      ).email,
    ),
    admin: await load("admin@atlas.test"),
  };
});

const matrixStarted = new Date();

afterAll(async () => {
  // Its webhooks (all at the same public address) would count against their owners' limit in later files.
  await prisma.webhook.deleteMany({ where: { url: { startsWith: "https://93.184.215.14/matrix" } } });
  // The write database is shared with later files: what the matrix left pending would stand in their way ("a change
  // to this entry is already waiting"), depending on which entries its cases happened to pick.
  await prisma.changeRequest.updateMany({
    where: { status: "PENDING", createdAt: { gte: matrixStarted } },
    data: { status: "WITHDRAWN" },
  });
  await prisma.$disconnect();
});

describe("authorization matrix", () => {
  it("has a row for every exported server action", () => {
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(actions).sort());
    expect(Object.keys(expectations).sort()).toEqual(Object.keys(actions).sort());
  });

  // In the order of the rows (a withdrawal's cases run before the decisions', which leave nothing pending); an
  // action without a row has no cases here, and the test above fails for it.
  const withRows = (Object.keys(inputs) as ActionName[]).filter((name) => name in actions);
  for (const name of withRows) {
    for (const actorKey of ACTORS) {
      for (const target of TARGETS) {
        const expected = expectations[name](actorKey, target);
        it(`${name} · ${actorKey} · ${target} entry → ${expected}`, async () => {
          const raw = await inputs[name](target, actorKey);
          const before = await snapshot(target);
          const { state } = await runDefinition(actions[name]!, actors[actorKey], raw, "en");
          if (expected === "allowed") {
            expect(state, state.message ?? "").toMatchObject({ ok: true });
            if (name === "markNotificationsRead") {
              expect(await prisma.notification.count({ where: { userId: actors[actorKey]!.id, readAt: null } })).toBe(
                0,
              );
            } else {
              expect(await snapshot(target)).not.toBe(before);
            }
          } else {
            if (expected === "denied") {
              expect(state.ok).toBe(false);
              expect(state.message).toBeTruthy();
            }
            expect(await snapshot(target)).toBe(before);
          }
        });
      }
    }
  }
});
