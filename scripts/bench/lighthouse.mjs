// Lighthouse desktop scores (median of several runs) and the compressed JavaScript each page loads.
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import * as chromeLauncher from "chrome-launcher";

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : null;
};

export async function lighthouseScores(pages, { chromePath, runs }) {
  const chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-dev-shm-usage",
    ],
  });
  try {
    const out = [];
    for (const page of pages) {
      const scores = Object.fromEntries(CATEGORIES.map((c) => [c, []]));
      const jsBytes = [];
      const failing = new Map();
      for (let i = 0; i < runs; i++) {
        const result = await lighthouse(
          page.url,
          { port: chrome.port, output: "json", logLevel: "error", onlyCategories: CATEGORIES },
          desktopConfig,
        );
        const lhr = result?.lhr;
        if (!lhr) throw new Error(`Lighthouse returned no report for ${page.url}`);
        if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
        for (const c of CATEGORIES) scores[c].push(Math.round((lhr.categories[c]?.score ?? 0) * 100));
        // What costs points (weighted audits below full marks), so a score under target says why.
        for (const c of CATEGORIES) {
          for (const ref of lhr.categories[c]?.auditRefs ?? []) {
            const audit = lhr.audits[ref.id];
            if (ref.weight > 0 && audit && audit.score !== null && audit.score < 0.9)
              failing.set(`${c}:${ref.id}`, {
                category: c,
                id: ref.id,
                title: audit.title,
                displayValue: audit.displayValue,
              });
          }
        }
        const requests = lhr.audits["network-requests"]?.details?.items ?? [];
        jsBytes.push(
          requests.filter((r) => r.resourceType === "Script").reduce((n, r) => n + (r.transferSize ?? 0), 0),
        );
      }
      out.push({
        name: page.name,
        path: new URL(page.url).pathname,
        performance: median(scores.performance),
        accessibility: median(scores.accessibility),
        bestPractices: median(scores["best-practices"]),
        seo: median(scores.seo),
        jsKB: Math.round(median(jsBytes) / 102.4) / 10,
        failing: [...failing.values()],
        runs,
      });
    }
    return out;
  } finally {
    await chrome.kill();
  }
}
