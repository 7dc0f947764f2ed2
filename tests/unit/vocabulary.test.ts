import { describe, expect, it } from "vitest";
import {
  Field,
  InstitutionKind,
  MembershipRole,
  MembershipStatus,
  OrganizationKind,
  UserRole,
} from "@/lib/generated/prisma/enums";
import {
  fields,
  institutionKinds,
  membershipRoles,
  membershipStatuses,
  organizationKinds,
  userRoles,
  type Vocabulary,
} from "@/lib/shared/vocabulary";
import en from "@/messages/en.json";
import zh from "@/messages/zh.json";

// The client-safe lists are written out (client code never imports Prisma): here they are held to the enums.
const lists: [string, Vocabulary<string>, Record<string, string>][] = [
  ["membershipRoles", membershipRoles, MembershipRole],
  ["membershipStatuses", membershipStatuses, MembershipStatus],
  ["organizationKinds", organizationKinds, OrganizationKind],
  ["institutionKinds", institutionKinds, InstitutionKind],
  ["fields", fields, Field],
  ["userRoles", userRoles, UserRole],
];

describe("vocabulary", () => {
  for (const [name, vocabulary, prismaEnum] of lists) {
    it(`${name} holds the values of the Prisma enum, each once`, () => {
      expect([...vocabulary.values].sort()).toEqual(Object.values(prismaEnum).sort());
      expect(new Set(vocabulary.values).size).toBe(vocabulary.values.length);
    });

    it(`${name} has a label for every value in every language`, () => {
      for (const messages of [en, zh] as Record<string, Record<string, unknown>>[]) {
        const namespace = messages[vocabulary.namespace] ?? {};
        for (const value of vocabulary.values) {
          const label = namespace[vocabulary.labels[value]!];
          expect(typeof label === "string" && label.trim() !== "", `${vocabulary.namespace}.${value}`).toBe(true);
        }
      }
    });
  }
});
