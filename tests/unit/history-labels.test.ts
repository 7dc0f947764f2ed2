// The history pages name every audit event and record kind through messages (AUDIT_EVENT_MESSAGES), in both
// languages: the stored codes ("membership.create") are never what a person reads, on /zh no English label.
import { describe, expect, it } from "vitest";
import { AUDIT_EVENTS, AUDIT_EVENT_MESSAGES, isAuditEntityType, isAuditEvent } from "@/lib/shared/audit-events";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const CJK = /[\u4e00-\u9fff]/;
const events = Object.keys(AUDIT_EVENTS) as (keyof typeof AUDIT_EVENTS)[];
const entities = [...new Set(Object.values(AUDIT_EVENTS))];
const enEvents: Record<string, string> = en.history.events;
const zhEvents: Record<string, string> = zh.history.events;
const enEntities: Record<string, string> = en.history.entities;
const zhEntities: Record<string, string> = zh.history.entities;

describe("audit event labels", () => {
  it.each(events)("%s has an English and a Chinese label", (event) => {
    const key = AUDIT_EVENT_MESSAGES[event];
    expect(enEvents[key]).toMatch(/^[A-Z]/);
    expect(enEvents[key]).not.toContain(event);
    expect(zhEvents[key]).toMatch(CJK);
  });

  it("each event has its own label", () => {
    expect(new Set(events.map((e) => AUDIT_EVENT_MESSAGES[e])).size).toBe(events.length);
    expect(new Set(Object.values(zhEvents)).size).toBe(Object.keys(zhEvents).length);
  });

  it.each(entities)("the record kind %s has an English and a Chinese label", (entity) => {
    expect(enEntities[entity]).toBeTruthy();
    expect(zhEntities[entity]).toMatch(CJK);
  });

  it("recognises only the codes the portal writes", () => {
    expect(isAuditEvent("membership.create")).toBe(true);
    expect(isAuditEvent("MEMBERSHIP_CREATED")).toBe(false);
    expect(isAuditEvent("toString")).toBe(false);
    expect(isAuditEntityType("Membership")).toBe(true);
    expect(isAuditEntityType("Session")).toBe(false);
  });
});
