// When a watcher's digest is due (lib/shared/digest-schedule.ts): daily at 07:00 UTC, weekly on Mondays at 07:00.
import { describe, expect, it } from "vitest";
import { isDigestDue, lastDigestSlot } from "@/lib/shared/digest-schedule";

const at = (iso: string) => new Date(iso);

describe("digest schedule", () => {
  it("daily: the latest 07:00 UTC at or before now", () => {
    expect(lastDigestSlot(at("2026-12-02T07:00:00Z"), "DAILY").toISOString()).toBe("2026-12-02T07:00:00.000Z");
    expect(lastDigestSlot(at("2026-12-02T06:59:59Z"), "DAILY").toISOString()).toBe("2026-12-01T07:00:00.000Z");
    expect(lastDigestSlot(at("2026-12-01T00:30:00Z"), "DAILY").toISOString()).toBe("2026-11-30T07:00:00.000Z");
  });

  it("weekly: the latest Monday 07:00 UTC at or before now (2026-11-30 is a Monday)", () => {
    expect(lastDigestSlot(at("2026-11-30T07:00:00Z"), "WEEKLY").toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(lastDigestSlot(at("2026-11-30T06:00:00Z"), "WEEKLY").toISOString()).toBe("2026-11-23T07:00:00.000Z");
    expect(lastDigestSlot(at("2026-12-06T23:00:00Z"), "WEEKLY").toISOString()).toBe("2026-11-30T07:00:00.000Z");
    expect(lastDigestSlot(at("2026-12-07T08:00:00Z"), "WEEKLY").toISOString()).toBe("2026-12-07T07:00:00.000Z");
  });

  it("due once per slot: a daily watcher served after today's slot waits for tomorrow, a weekly one a week", () => {
    const dealt = at("2026-12-01T07:05:00Z"); // a Tuesday
    expect(isDigestDue(dealt, "DAILY", at("2026-12-01T20:00:00Z"))).toBe(false);
    expect(isDigestDue(dealt, "DAILY", at("2026-12-02T07:00:00Z"))).toBe(true);
    expect(isDigestDue(dealt, "WEEKLY", at("2026-12-02T07:00:00Z"))).toBe(false);
    expect(isDigestDue(dealt, "WEEKLY", at("2026-12-06T23:59:00Z"))).toBe(false);
    expect(isDigestDue(dealt, "WEEKLY", at("2026-12-07T07:00:00Z"))).toBe(true);
    // Dealt with just before a slot: that slot makes it due.
    expect(isDigestDue(at("2026-12-07T06:59:00Z"), "WEEKLY", at("2026-12-07T07:00:00Z"))).toBe(true);
  });
});
