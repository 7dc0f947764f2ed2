import { checkDatabase } from "@/lib/data/health";

// Always answered live: a load balancer asks this to decide whether to send traffic here.
export const dynamic = "force-dynamic";

export async function GET() {
  const database = await checkDatabase();
  return Response.json(
    { status: database.ok ? "ok" : "degraded", database },
    { status: database.ok ? 200 : 503, headers: { "Cache-Control": "no-store" } },
  );
}
