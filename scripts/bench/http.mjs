// HTTP throughput with autocannon at a fixed concurrency, and the server's memory while it runs.
import { readFileSync, readdirSync } from "node:fs";
import autocannon from "autocannon";

/** Every process below `pid` (itself included), from /proc. */
export function processTree(pid) {
  const children = new Map();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended while we looked
    }
  }
  const all = [];
  const visit = (p) => {
    all.push(p);
    for (const c of children.get(p) ?? []) visit(c);
  };
  visit(pid);
  return all;
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid) {
  return treeStatus(pid, "VmRSS");
}

/**
 * The most memory the processes of `pid`'s tree have each held since they started (the kernel's high-water mark,
 * VmHWM), summed: the peak of the whole bench, which samples taken during the 10-second runs alone cannot see.
 */
export function treePeakRss(pid) {
  return treeStatus(pid, "VmHWM");
}

/** A /proc/<pid>/status line in kB (VmRSS, VmHWM), summed over `pid`'s tree, in bytes. */
function treeStatus(pid, field) {
  let total = 0;
  for (const p of processTree(pid)) {
    try {
      const value = new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${p}/status`, "utf8"));
      if (value) total += Number(value[1]) * 1024;
    } catch {
      // the process ended while we looked
    }
  }
  return total;
}

const headers = { "accept-encoding": "gzip, deflate, br", accept: "text/html,application/json,*/*" };

/** Load the URL a few times first: the first request renders and caches, we measure the steady state. */
async function warm(url, requestHeaders = headers) {
  for (let i = 0; i < 3; i++) {
    const res = await fetch(url, { headers: requestHeaders });
    await res.arrayBuffer();
    if (res.status >= 400) throw new Error(`${url} answered ${res.status}`);
  }
}

export async function measure(target, { connections, duration, serverPid }) {
  // A target may ask as a browser does (the caching front stores nothing for an Accept that names json).
  const requestHeaders = target.headers ?? headers;
  await warm(target.url, requestHeaders);
  const samples = [];
  const timer = setInterval(() => samples.push(treeRss(serverPid)), 250);
  try {
    const r = await autocannon({ url: target.url, connections, duration, headers: requestHeaders });
    return {
      name: target.name,
      path: new URL(target.url).pathname + new URL(target.url).search,
      reqPerSec: Math.round(r.requests.average),
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + r.non2xx,
      requests: r.requests.total,
      rssPeakMB: Math.round(Math.max(...samples, 0) / 1048576),
    };
  } finally {
    clearInterval(timer);
  }
}
