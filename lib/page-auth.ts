import "server-only";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./auth";
import type { Actor } from "./auth-types";

/** For signed-in pages: the actor, or a redirect to the login page that comes back here. */
export async function actorOrLogin(locale: string, here: string): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/${locale}/login?next=${encodeURIComponent(here)}`);
  return actor;
}
