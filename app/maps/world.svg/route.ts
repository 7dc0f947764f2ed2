import { baseMapSvg } from "@/lib/charts/world-map";

// The land every organization's map is drawn on: the same for every page, so it is rendered at build time,
// sent as a file and kept by browsers, rather than repeated inside each page's HTML.
export const dynamic = "force-static";

export function GET() {
  return new Response(baseMapSvg(), {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=86400, stale-while-revalidate=604800",
    },
  });
}
