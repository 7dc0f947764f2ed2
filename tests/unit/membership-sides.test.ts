import { describe, expect, it } from "vitest";
import { compareSides, datesAgree, describeDifferences, type SideFacts } from "@/lib/shared/membership-sides";
import { createTranslator } from "next-intl";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

const y = (iso: string) =>
  ({ iso, precision: iso.length === 4 ? "YEAR" : iso.length === 7 ? "MONTH" : "DAY" }) as const;
const facts = (over: Partial<SideFacts> = {}): SideFacts => ({
  role: "MEMBER",
  status: "ACTIVE",
  joined: y("2016"),
  ended: null,
  ...over,
});
const both = { institutionConfirmed: true, organizationStated: true, statedByMember: false };

describe("the two sides of a membership", () => {
  it("a date agrees at the coarser of the two precisions", () => {
    expect(datesAgree(y("2016"), y("2016-05"))).toBe(true);
    expect(datesAgree(y("2016-05-12"), y("2016-05"))).toBe(true);
    expect(datesAgree(y("2016-05"), y("2016-06"))).toBe(false);
    expect(datesAgree(y("2017"), y("2016-05-01"))).toBe(false);
  });

  it("both sides, agreeing, confirm; a fact only one side states is no disagreement", () => {
    expect(compareSides({ ...both, institution: facts(), organization: facts({ joined: y("2016-05") }) })).toEqual({
      state: "BOTH",
      differences: [],
    });
    const unstated = { role: null, status: null, joined: null, ended: null };
    expect(compareSides({ ...both, institution: facts(), organization: unstated }).state).toBe("BOTH");
  });

  it("role, status and dates that differ are listed with each side's value", () => {
    const r = compareSides({
      ...both,
      institution: facts(),
      organization: facts({ role: "FOUNDING_MEMBER", status: "WITHDRAWN", joined: y("2017") }),
    });
    expect(r.state).toBe("DISAGREE");
    expect(r.differences.map((d) => d.field)).toEqual(["role", "status", "joined"]);
  });

  it("a side stated from the member's own address never makes both sides", () => {
    const input = { ...both, statedByMember: true, institution: facts(), organization: facts() };
    expect(compareSides(input).state).toBe("INSTITUTION_ONLY");
    expect(compareSides({ ...input, institutionConfirmed: false }).state).toBe("ORGANIZATION_ONLY");
    expect(compareSides({ ...input, organizationStated: false, institutionConfirmed: false }).state).toBe("NEITHER");
  });

  it("a disagreement is worded in both languages", () => {
    const { differences } = compareSides({ ...both, institution: facts(), organization: facts({ joined: y("2017") }) });
    const say = (locale: "en" | "zh") =>
      describeDifferences(
        differences,
        createTranslator({ locale, messages: locale === "en" ? en : zh }) as never,
        locale,
      );
    expect(say("en")).toBe("the organization says joined 2017, the university 2016");
    expect(say("zh")).toBe("组织方记载的加入时间为2017年，大学方为2016年");
  });
});
