import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/session";
import { checkOriginAgainstSite } from "@/lib/http/origin";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// Sign-in, sign-out and the rest of next-auth's POSTs change state: refuse them from another site, or with
// no or a "null" Origin, before next-auth sees them (its CSRF token is a second line, not the only one).
async function POST(request: Request, context: Context) {
  const origin = checkOriginAgainstSite(request.headers);
  if (!origin.ok) return Response.json({ error: origin.message }, { status: 403 });
  return handler(request, context);
}

export { handler as GET, POST };
