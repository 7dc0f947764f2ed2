import { unsubscribeWatcher } from "@/lib/data/watches/manage";
import { watchUnsubscribePath } from "@/lib/shared/paths";
import { watchToken } from "@/lib/validation/watches";

// One-click unsubscribe (RFC 8058): every digest's List-Unsubscribe header names this address, with
// List-Unsubscribe-Post: List-Unsubscribe=One-Click. A mail client's POST unsubscribes at once, with no further page
// or click (and needs no Origin: it is no browser form). A GET (a person, or a scanner, opening the address) changes
// nothing: it is sent on to the page with the button.

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ token: string }> };

const text = (body: string, status: number) =>
  new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

export async function POST(_request: Request, { params }: Context) {
  const parsed = watchToken.safeParse((await params).token);
  if (!parsed.success || !(await unsubscribeWatcher(parsed.data))) return text("This link is not valid any more.", 404);
  return text("Unsubscribed: no more digests go to this address.", 200);
}

export async function GET(request: Request, { params }: Context) {
  const { token } = await params;
  const locale = new URL(request.url).searchParams.get("lang") === "zh" ? "zh" : "en";
  return new Response(null, {
    status: 303,
    headers: { location: watchUnsubscribePath(locale, token), "cache-control": "no-store" },
  });
}
