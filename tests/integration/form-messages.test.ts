// What a refused form says, through the real actions (lib/actions/action.ts → lib/validation/issue-messages.ts):
// the general message and every field's message in the form's language, naming the field as the form labels it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "@/lib/shared/actor";
import { fieldLabel } from "@/lib/validation/issue-messages";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";
import { loadActions } from "../support/actions";
import { loadActor, testPrisma, useWriteDatabase } from "../support/db";
import { fieldsOf } from "../support/fuzz";

useWriteDatabase();

const prisma = testPrisma();
const { actions, runDefinition } = await loadActions();
let staff: Actor;
let admin: Actor;

beforeAll(async () => {
  staff = await loadActor(prisma, "staff@njmu.test");
  admin = await loadActor(prisma, "admin@atlas.test");
});

afterAll(async () => {
  await prisma.$disconnect();
});

const membership = (values: Record<string, string>) => ({
  organizationSlug: "no-such-organization",
  reason: "",
  values: { role: "MEMBER", status: "ACTIVE", joined: "", ended: "", sourceTitle: "", sourceQuote: "", ...values },
});

describe("form messages", () => {
  it("every field of every action has its form's label in both languages, but the ones no one sees", () => {
    // "rows" is the import's table as a whole: its cells (rows.3.joined) have labels.
    const hidden = new Set(["token", "baseVersion", "changeRequestId", "draftId", "userId", "rows"]);
    // The discrepancy report's entry, as hidden fields of its dismiss and restore forms.
    for (const field of ["check", "subject", "facts", "dismissalId"]) hidden.add(field);
    // The review page's decision is the button pressed (Approve or Reject), never a field anyone fills in.
    hidden.add("decision");
    // The suggested correction a proposal answers, or the queue closes: a hidden field of those forms.
    hidden.add("correctionId");
    // A webhook's own buttons: which one, and whether it is to be enabled.
    hidden.add("webhookId");
    hidden.add("enabled");
    // The subscriber's page's "Stop watching" button: which watch.
    hidden.add("watchId");
    for (const [name, definition] of Object.entries(actions))
      for (const { path } of fieldsOf(definition.schema)) {
        const parts = path.split(".");
        const segment = parts.filter((p) => !/^\d+$/.test(p)).at(-1)!;
        for (const locale of ["en", "zh"] as const) {
          const label = fieldLabel(parts, name, locale);
          if (hidden.has(segment)) expect(label, `${name}: ${path}`).toBeNull();
          else expect(label, `${name}: ${path} (${locale})`).toBeTruthy();
        }
      }
  });

  it("a refused proposal answers in Chinese on /zh and in English on /en, each field by its label", async () => {
    const input = membership({ notes: "x".repeat(2001), sourceUrl: "example.org", joined: "Feb 30, 2020" });
    const zhState = (await runDefinition(actions.proposeMembershipCreate!, staff, input, "zh")).state;
    expect(zhState.ok).toBe(false);
    expect(zhState.message).toBe(zh.validation.correctFields);
    expect(zhState.fieldErrors["values.notes"]).toEqual(["备注最多 2,000 个字符"]);
    expect(zhState.fieldErrors["values.sourceUrl"]).toEqual([zh.validation.custom.sourceAddress]);
    expect(zhState.fieldErrors["values.joined"]?.[0]).toMatch(/^“Feb 30, 2020”不是有效的日期/);

    const enState = (await runDefinition(actions.proposeMembershipCreate!, staff, input, "en")).state;
    expect(enState.message).toBe("Please correct the fields marked below.");
    expect(enState.fieldErrors["values.notes"]).toEqual(["Notes can be at most 2,000 characters"]);
    expect(enState.fieldErrors["values.sourceUrl"]).toEqual(["A source address starts with http:// or https://."]);
    expect(enState.fieldErrors["values.joined"]?.[0]).toMatch(/^"Feb 30, 2020" is not a date/);
  });

  it("a missing field is required, and the control-character check speaks the form's language", async () => {
    const invite = { name: "A person", role: "STAFF", institutionSlug: "" };
    const missing = (await runDefinition(actions.inviteUser!, admin, invite, "zh")).state;
    expect(missing.fieldErrors.email).toEqual(["请填写电子邮箱"]);
    const control = (await runDefinition(actions.inviteUser!, admin, { ...invite, name: "A\u0007" }, "zh")).state;
    expect(control.fieldErrors.name).toEqual([zh.validation.custom.controlCharacters]);
    const english = (await runDefinition(actions.inviteUser!, admin, { ...invite, name: "A\u0007" }, "en")).state;
    expect(english.fieldErrors.name).toEqual([en.validation.custom.controlCharacters]);
  });

  it("a form sent without its hidden fields says it is out of date", async () => {
    const { state } = await runDefinition(actions.commentOnChangeRequest!, staff, { body: "A comment" }, "zh");
    expect(state.fieldErrors.changeRequestId).toEqual([zh.validation.formOutdated]);
  });
});
