import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getServerSession, type NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { env } from "../env";
import type { Actor } from "../shared/actor";
import { authenticate, endSessions, loadSessionUser, normalizeEmail } from "../data/accounts/sessions";
import { rememberLocale } from "../data/accounts/locale";
import { isLocale } from "../../i18n/routing";
import { deviceCookieName, issueDeviceCookie } from "./device-cookie";
import { CONTROL_CHARACTER } from "../validation/input";

/**
 * The client address for per-address throttling. The portal's server (scripts/serve.mjs) overwrites
 * X-Forwarded-For with the socket's address unless a trusted proxy stands in front (TRUST_PROXY=1); that proxy
 * appends the address it saw, so the last hop is the one it vouches for (earlier hops are the client's own
 * claims). So this is the one client address, and a client cannot choose it.
 */
export function clientAddressFrom(h: Headers | Record<string, string | string[] | undefined> | undefined): string {
  const get = (name: string) => (h instanceof Headers ? h.get(name) : ([h?.[name]].flat()[0] ?? null));
  return get("x-forwarded-for")?.split(",").at(-1)?.trim() || "unknown";
}

const secureCookies = env().SITE_URL.startsWith("https://");

/** The session's account, read once per request however many times it is asked for. */
const sessionUser = cache(loadSessionUser);

/** Thrown while reading a session the database has ended; next-auth then answers as for no session. */
class SessionEnded extends Error {}

/** The device cookie this browser holds for the account it is signing in to (lib/auth/device-cookie.ts). */
async function presentedDeviceCookie(email: string): Promise<string | null> {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return null;
  return (await cookies()).get(deviceCookieName(secret, normalizeEmail(email), secureCookies))?.value ?? null;
}

/** This browser has just proven it knows the account's password: a fresh device cookie (a new nonce) for it. */
async function giveDeviceCookie(email: string) {
  const secret = env().NEXTAUTH_SECRET;
  if (!secret) return;
  const cookie = issueDeviceCookie(secret, email, { days: env().LOGIN_DEVICE_DAYS, secure: secureCookies });
  // next-auth's route handler runs inside Next's request scope: cookies set here go out with its answer.
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: 8 * 60 * 60 },
  // Cookies are HttpOnly and SameSite=Lax by default; Secure (and the __Secure- prefix) behind https.
  useSecureCookies: secureCookies,
  pages: { signIn: "/en/login", error: "/en/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        locale: { label: "Language", type: "text" },
      },
      async authorize(credentials, req) {
        const email = String(credentials?.email ?? "").slice(0, 254);
        const password = String(credentials?.password ?? "").slice(0, 128);
        // PostgreSQL cannot even compare text holding NUL: such input is a failed sign-in, not a server error.
        if (!email || !password || CONTROL_CHARACTER.test(email)) return null;
        const user = await authenticate(
          email,
          password,
          clientAddressFrom(req?.headers),
          await presentedDeviceCookie(email),
        );
        if (!user) return null;
        await giveDeviceCookie(user.email);
        // The language of the sign-in page is the person's language for mail until they act in another.
        const locale = String(credentials?.locale ?? "");
        if (isLocale(locale)) await rememberLocale(user, locale);
        return { id: user.id, email: user.email, name: user.name, sessionVersion: user.sessionVersion };
      },
    }),
  ],
  callbacks: {
    async jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.sv = (user as { sessionVersion?: number }).sessionVersion;
        return token;
      }
      // Every read of a session (/api/auth/session, getServerSession) asks the database: a session ended by
      // logout, a new password, a new role or a disabled account gives no name or email to anyone.
      const actor =
        typeof token.uid === "string" && typeof token.sv === "number" ? await sessionUser(token.uid, token.sv) : null;
      if (!actor) throw new SessionEnded();
      // The header's account menu (components/layout/account-menu.tsx) shows the name and role as they are now.
      token.name = actor.name;
      token.role = actor.role;
      return token;
    },
    session({ session, token }) {
      return { ...session, uid: token.uid, sv: token.sv, role: token.role };
    },
  },
  events: {
    // Logging out ends the session for real: its version number is retired.
    async signOut({ token }) {
      if (typeof token?.uid === "string") await endSessions(token.uid);
    },
  },
  logger: {
    // An ended session is an answer (next-auth clears its cookie and returns no session), not an error.
    error(code, metadata) {
      if (metadata instanceof SessionEnded) return;
      console.error(`[next-auth][error][${code}]`, metadata);
    },
  },
};

/**
 * The signed-in user for this request, or null. The session cookie only names the user and a session
 * version; the account is read from the database each request, so logout, disabling, a role change or a
 * password change ends the session on its very next request.
 */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  await headers();
  const session = (await getServerSession(authOptions)) as { uid?: unknown; sv?: unknown } | null;
  if (!session || typeof session.uid !== "string" || typeof session.sv !== "number") return null;
  return sessionUser(session.uid, session.sv);
});
