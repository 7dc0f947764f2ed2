// Cached pages through Next alone, each against its own limit: the same page's HTML saved as a file and served by Next
// as a static file. A 3-byte file is no measure of what Next can do with a 100 KB page (compressing and sending it is
// most of the work), so each page is measured, then its copy, back to back, by the same client at the same
// concurrency. Next lists public/ when it starts, so the copies are served by a second server of the same build,
// started once they are written; it answers nothing else, and it is stopped and the copies removed at the end.
// Used by scripts/bench.mjs.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { measure } from "./http.mjs";

const FOLDER = "bench-copies";

/**
 * `pages`: [{ name, path }] on `baseUrl` (served by `serverPid`); `startServer(port)`: a second server of the same
 * build on that port, as a child process; `waitUntilUp(url)`: resolves once the URL answers.
 */
export async function measureStaticCopies({
  root,
  baseUrl,
  serverPid,
  pages,
  port,
  connections,
  duration,
  startServer,
  waitUntilUp,
}) {
  const dir = path.join(root, "public", FOLDER);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  let copyServer;
  try {
    const copies = [];
    for (const [i, page] of pages.entries()) {
      const response = await fetch(`${baseUrl}${page.path}`, { headers: { accept: "text/html" } });
      if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
      const html = await response.text();
      writeFileSync(path.join(dir, `${i}.html`), html);
      copies.push({ ...page, file: `/${FOLDER}/${i}.html`, htmlKB: Math.round(Buffer.byteLength(html) / 102.4) / 10 });
    }
    copyServer = startServer(port);
    const copyUrl = `http://127.0.0.1:${port}`;
    await waitUntilUp(`${copyUrl}${copies[0].file}`);
    const rows = [];
    for (const copy of copies) {
      const asPage = await measure(
        { name: copy.name, url: `${baseUrl}${copy.path}` },
        { connections, duration, serverPid },
      );
      const asFile = await measure(
        { name: `${copy.name} as a file`, url: `${copyUrl}${copy.file}` },
        { connections, duration, serverPid: copyServer.pid },
      );
      rows.push({
        name: copy.name,
        path: copy.path,
        htmlKB: copy.htmlKB,
        page: { reqPerSec: asPage.reqPerSec, p50: asPage.p50, p99: asPage.p99, errors: asPage.errors },
        file: { reqPerSec: asFile.reqPerSec, p50: asFile.p50, p99: asFile.p99, errors: asFile.errors },
        ratio: asFile.reqPerSec ? Math.round((asPage.reqPerSec / asFile.reqPerSec) * 100) / 100 : null,
      });
    }
    return { rows };
  } finally {
    if (copyServer && copyServer.exitCode === null) copyServer.kill("SIGTERM");
    rmSync(dir, { recursive: true, force: true });
  }
}
