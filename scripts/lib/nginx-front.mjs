// The caching front a deployment puts before the portal (deploy/nginx/), started for the tests and the bench: an
// nginx of its own (Debian's package) with the repository's own maps and locations, a cache in a folder of the
// caller's, and one upstream. Only the addresses and folders differ from deploy/nginx/atlas.conf.example.
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

const repository = path.resolve(import.meta.dirname, "../..");

/** The nginx binary, or null when Debian's package is not installed. */
export function nginxBinary() {
  for (const candidate of [process.env.NGINX_PATH, "/usr/sbin/nginx", "nginx"].filter(Boolean)) {
    if (!spawnSync(candidate, ["-v"]).error) return candidate;
  }
  return null;
}

/**
 * Start nginx on 127.0.0.1:`port` in front of `upstream` ("127.0.0.1:3000"), with its files under `dir` (emptied
 * first). `staticDir`: files nginx serves itself under /front-static/ (the bench's baseline). Resolves once it
 * answers; `stop()` ends it.
 */
export async function startNginxFront({ upstream, port, dir, staticDir }) {
  const nginx = nginxBinary();
  if (!nginx) throw new Error("No nginx: the caching front needs Debian's package (apt-get install nginx).");
  rmSync(dir, { recursive: true, force: true });
  for (const sub of ["cache", "temp"]) mkdirSync(path.join(dir, sub), { recursive: true });
  const deploy = path.join(repository, "deploy", "nginx");
  const config = `
# Started by scripts/lib/nginx-front.mjs. As root, nginx's workers would run as "nobody", which cannot enter a
# checkout under a 0700 home directory (/root/...): they run as the user who started it instead.
${process.getuid?.() === 0 ? "user root;" : ""}
daemon off;
master_process on;
worker_processes 1;
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path ${path.join(dir, "temp", "body")};
  proxy_temp_path ${path.join(dir, "temp", "proxy")};
  fastcgi_temp_path ${path.join(dir, "temp", "fastcgi")};
  uwsgi_temp_path ${path.join(dir, "temp", "uwsgi")};
  scgi_temp_path ${path.join(dir, "temp", "scgi")};
  proxy_cache_path ${path.join(dir, "cache")} levels=1:2 keys_zone=atlas:10m max_size=256m inactive=1m
    use_temp_path=off;
  upstream atlas_portal {
    server ${upstream};
    keepalive 16;
  }
  include ${path.join(deploy, "atlas-maps.conf")};
  server {
    listen 127.0.0.1:${port};
    client_max_body_size 1m;
    ${staticDir ? `location ^~ /front-static/ { alias ${staticDir}/; }` : ""}
    include ${path.join(deploy, "atlas-locations.conf")};
  }
}
`;
  const file = path.join(dir, "nginx.conf");
  writeFileSync(file, config);
  const test = spawnSync(nginx, ["-t", "-q", "-p", dir, "-e", path.join(dir, "error.log"), "-c", file], {
    encoding: "utf8",
  });
  if (test.status !== 0) throw new Error(`nginx refused its configuration:\n${test.stderr}`);
  const child = spawn(nginx, ["-p", dir, "-e", path.join(dir, "error.log"), "-c", file], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${readLog(dir)}`);
    try {
      await fetch(`${url}/ping.txt`);
      break;
    } catch {
      if (Date.now() > deadline) throw new Error(`nginx did not answer on ${url}: ${readLog(dir)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return {
    url,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        // SIGQUIT: graceful (the workers finish what they serve); SIGTERM would do too.
        child.kill("SIGQUIT");
      }),
  };
}

function readLog(dir) {
  try {
    return readFileSync(path.join(dir, "error.log"), "utf8").slice(-2000);
  } catch {
    return "(no error log)";
  }
}
