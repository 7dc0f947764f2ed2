// The caching front (deploy/nginx/, started by scripts/lib/nginx-front.mjs) before the bench's server: each page
// through the front's cache, against the same page's HTML saved as a file that the same nginx serves itself, with
// the same client in the same run. The target: a cached page ≥ 0.9× that static file.
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { startNginxFront } from "../lib/nginx-front.mjs";
import { measure } from "./http.mjs";

// As a browser asks (an Accept naming json or csv is never stored by the front), but uncompressed: the portal
// compresses its answers and this nginx serves the file as it is, so both sides send the same bytes.
const BROWSER = {
  accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  "accept-encoding": "identity",
};

/** `pages`: [{ name, path }] on `baseUrl`; `port`: the front's; `dir`: its files. */
export async function measureCachingFront({ baseUrl, serverPid, connections, duration, pages, port, dir }) {
  const staticDir = path.join(dir, "static");
  mkdirSync(staticDir, { recursive: true });
  const front = await startNginxFront({
    upstream: new URL(baseUrl).host,
    port,
    dir: path.join(dir, "nginx"),
    staticDir,
  });
  try {
    const rows = [];
    for (const [i, page] of pages.entries()) {
      const html = await (await fetch(`${baseUrl}${page.path}`, { headers: BROWSER })).text();
      writeFileSync(path.join(staticDir, `page-${i}.html`), html);
      const file = await measure(
        { name: `${page.name}: its HTML as a file`, url: `${front.url}/front-static/page-${i}.html`, headers: BROWSER },
        { connections, duration, serverPid },
      );
      const cached = await measure(
        { name: `${page.name}: through the front`, url: `${front.url}${page.path}`, headers: BROWSER },
        { connections, duration, serverPid },
      );
      rows.push({
        name: page.name,
        path: page.path,
        htmlKB: Math.round(html.length / 1024),
        file,
        cached,
        ratio: file.reqPerSec ? Math.round((cached.reqPerSec / file.reqPerSec) * 100) / 100 : null,
      });
    }
    return { rows };
  } finally {
    await front.stop();
  }
}
