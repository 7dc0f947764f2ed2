import "server-only";
import type { Locale } from "@/i18n/routing";
import { redirect } from "next/navigation";
import { getCurrentUser } from "./session";
import type { Actor } from "../shared/actor";

/** For signed-in pages: the actor, or a redirect to the login page that comes back here. */
export async function actorOrLogin(locale: Locale, here: string): Promise<Actor> {
  const actor = await getCurrentUser();
  if (!actor) redirect(`/${locale}/login?next=${encodeURIComponent(here)}`);
  return actor;
}
