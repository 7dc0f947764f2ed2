import type { Page } from "playwright-core";
import { url } from "./browser";

// What the journeys of the organizations' side (issue 16) do alike: an admin approves a request from the review
// queue, a visitor waits for the public page to show what the approval published, and a membership the journey
// changed is put back for the journeys after it.

/** The admin approves one request from the review queue, as they would any. */
export async function approveFromQueue(admin: Page, requestId: string) {
  await admin.goto(url("/en/admin/reviews"));
  await admin.locator(`a[href$="/account/requests/${requestId}"]`).first().click();
  await admin.waitForURL(new RegExp(`/account/requests/${requestId}$`));
  await admin.getByRole("button", { name: "Approve and publish" }).click();
  await admin.getByText(/Decision by Demo Admin: Approved/).waitFor();
}

/** Reload until the public page shows `text` (an approval expires its cache tags; a render may be in flight). */
export async function waitForPublic(page: Page, path: string, text: string | RegExp) {
  const deadline = Date.now() + 30_000;
  do {
    await page.goto(url(path));
  } while (!(await page.getByText(text).count()) && Date.now() < deadline);
  await page.getByText(text).first().waitFor({ timeout: 1000 });
}

/** The membership's columns as a journey found them, to write back: every one but its identity and clocks. */
export function membershipAsFound<M extends { id: string; version: number; createdAt: Date; updatedAt: Date }>(m: M) {
  const { id, version: _version, createdAt: _created, updatedAt: _updated, ...columns } = m;
  return { id, columns };
}

type JourneyPrisma = {
  membership: {
    findFirst(args: object): Promise<{ id: string } | null>;
    delete(args: { where: { id: string } }): Promise<unknown>;
  };
  changeRequest: { updateMany(args: object): Promise<unknown> };
};

/**
 * Removes the institution's membership of the organization, which a journey made: the journeys share one database, and
 * others state the same institution as a new member (vitest may run the files in any order). The requests that made
 * it stay, no longer pointing at it.
 */
export async function removeMembershipMade(prisma: JourneyPrisma, institutionSlug: string, organizationSlug: string) {
  const made = await prisma.membership.findFirst({
    where: { institution: { slug: institutionSlug }, organization: { slug: organizationSlug } },
  });
  if (!made) return;
  await prisma.changeRequest.updateMany({ where: { membershipId: made.id }, data: { membershipId: null } });
  await prisma.membership.delete({ where: { id: made.id } });
}
