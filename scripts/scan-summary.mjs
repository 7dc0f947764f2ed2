#!/usr/bin/env node
// Summarizes scripts/scan.sh's results: wapiti's findings by severity and sqlmap's injection points.
// Exits 1 when anything of medium severity or above remains.
//   node scripts/scan-summary.mjs bench/scans/wapiti.json bench/scans/sqlmap.log BASE_URL
// SCAN_SESSION (the admin's session cookie) is used to check wapiti's CSRF findings: wapiti flags every
// form without a token field named like "csrf", which is every Next.js server-action form. Those are
// protected differently — Next refuses an action whose Origin is not the site's, and the session cookie
// is SameSite=Lax (a cross-site POST does not carry it). A finding on such a form counts as a false
// positive only if replaying that very request with a foreign Origin (and the admin's cookie, the worst
// case) is refused here and now; otherwise it stays a finding.
import { readFileSync } from "node:fs";

const [wapitiFile, sqlmapLog, base] = process.argv.slice(2);
if (!wapitiFile || !sqlmapLog || !base) {
  console.error("Usage: node scripts/scan-summary.mjs wapiti.json sqlmap.log BASE_URL");
  process.exit(2);
}
const session = process.env.SCAN_SESSION ?? "";
const report = JSON.parse(readFileSync(wapitiFile, "utf8"));
const names = ["info", "low", "medium", "high", "critical"];
const counts = Object.fromEntries(names.map((n) => [n, 0]));
const serious = [];
const explained = [];

function parseRequest(raw) {
  const [head, ...rest] = raw.replace(/\r\n/g, "\n").split("\n\n");
  const [requestLine, ...headerLines] = head.split("\n");
  const [method, target] = requestLine.trim().split(/\s+/);
  const headers = {};
  for (const line of headerLines) {
    const i = line.indexOf(":");
    if (i > 0) headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
  }
  return { method, target, headers, body: rest.join("\n\n").trim() };
}

/** Replays a server-action form post from a foreign origin; true when the app refuses it. */
async function refusedCrossOrigin(item) {
  const req = parseRequest(item.http_request ?? "");
  if (req.method !== "POST" || !/\$ACTION_|%24ACTION_/.test(req.body))
    return { refused: false, why: "not a server-action form" };
  const url = new URL(req.target, base);
  const res = await fetch(url, {
    method: "POST",
    redirect: "manual",
    headers: {
      "content-type": req.headers["content-type"] ?? "application/x-www-form-urlencoded",
      origin: "http://evil.example",
      cookie: session,
    },
    body: req.body,
  });
  await res.arrayBuffer();
  return { refused: res.status >= 400, why: `a foreign-origin replay answered ${res.status}` };
}

for (const section of ["vulnerabilities", "anomalies"]) {
  for (const [category, items] of Object.entries(report[section] ?? {})) {
    for (const item of items) {
      const level = Number(item.level);
      const label = names[level] ?? "info";
      const line =
        `${label.padEnd(8)} ${section === "anomalies" ? "anomaly: " : ""}${category}: ` +
        `${item.method} ${item.path} ${item.parameter ?? ""} — ${item.info}`;
      counts[label]++;
      if (level < 2) {
        console.log(`  ${line}`);
        continue;
      }
      if (/Cross Site Request Forgery/i.test(category) && /Lack of anti CSRF token/i.test(item.info)) {
        const check = await refusedCrossOrigin(item);
        if (check.refused) {
          explained.push(`${line} → false positive: ${check.why}`);
          continue;
        }
        serious.push(`${line} (${check.why})`);
      } else {
        serious.push(line);
      }
      console.log(`  ${line}`);
    }
  }
}
console.log(`wapiti: findings by severity: ${names.map((n) => `${n} ${counts[n]}`).join(", ")}`);
if (explained.length) {
  console.log(
    `wapiti: ${explained.length} CSRF finding(s) on server-action forms, ` +
      "each refused when replayed from a foreign origin:",
  );
  for (const l of explained) console.log(`  ${l}`);
}

const log = readFileSync(sqlmapLog, "utf8").split("\n");
const injectable = log.filter((l) =>
  /sqlmap identified the following injection point|parameter '.*' is vulnerable/i.test(l),
);
const clean = log.filter((l) => /does not seem to be injectable/i.test(l));
console.log(
  `sqlmap: ${clean.length} parameters tested without finding an injection; ${injectable.length} injection point(s)`,
);
for (const l of injectable) console.log(`  ${l}`);
for (const l of log.filter((l) => /\[CRITICAL\]|all tested parameters do not appear/i.test(l)))
  console.log(`  sqlmap: ${l.trim()}`);

if (serious.length || injectable.length) {
  console.log(`FAIL: ${serious.length + injectable.length} finding(s) of medium severity or above`);
  for (const l of serious) console.log(`  ${l}`);
  process.exit(1);
}
console.log("OK: nothing of medium severity or above");
