// Lighthouse 12 (mobile, the default preset) on the list, the shortest article and the longest,
// richest article of the release build in ../../dist, served by nginx with the deploy guide's own
// config (nginx.mjs) and the build's brotli files (`make bench`). Each page is run RUNS times and
// the median run (by performance score) is reported.
// Usage: node bench-lighthouse.mjs [site-dir]      prints one line per page.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const site = path.resolve(process.argv[2] ?? '../../dist');
const RUNS = 3;
const PORT = 4192;
const BASE = `http://127.0.0.1:${PORT}`;

// The articles by body length: the shortest, and the longest (the sample's richest: tables,
// lists, figures).
const articles = readdirSync(path.join(site, 'api/articles'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(path.join(site, 'api/articles', f), 'utf8')))
  .map((a) => ({ id: a.id, length: (a.content_html ?? a.content_text ?? '').length }))
  .sort((a, b) => a.length - b.length);
const pages = [
  ['list', `${BASE}/`],
  ['short article', `${BASE}/articles/${articles[0].id}`],
  ['long article', `${BASE}/articles/${articles[articles.length - 1].id}`],
];

const nginx = spawn(process.execPath, ['nginx.mjs', '--root', site, '--port', String(PORT)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await once(nginx.stdout, 'data');
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
try {
  for (const [name, url] of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
      runs.push(lhr);
    }
    runs.sort((a, b) => a.categories.performance.score - b.categories.performance.score);
    const { categories, audits } = runs[Math.floor((RUNS - 1) / 2)];
    const score = (id) => Math.round(categories[id].score * 100);
    const ms = (id) => audits[id].numericValue;
    const fcp = ms('first-contentful-paint');
    const lcp = ms('largest-contentful-paint');
    const failing = Object.values(categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id} (${Math.round(a.score * 100)})`);
    const goals = [
      score('performance') >= 98 ? 'performance ≥ 98: met' : `performance ≥ 98: not met (${98 - score('performance')} short)`,
      lcp <= fcp * 1.1 ? 'LCP ≤ 1.1× FCP: met' : `LCP ≤ 1.1× FCP: not met (${(lcp / fcp).toFixed(2)}×)`,
      ms('total-blocking-time') <= 50 ? 'TBT ≤ 50 ms: met' : `TBT ≤ 50 ms: not met (${Math.round(ms('total-blocking-time'))} ms)`,
    ];
    console.log(
      `lighthouse ${name} (median of ${RUNS}; performance ${runs.map((r) => Math.round(r.categories.performance.score * 100)).join(', ')}): ` +
        `performance ${score('performance')}, accessibility ${score('accessibility')}, best practices ${score('best-practices')}, SEO ${score('seo')}` +
        ` · FCP ${Math.round(fcp)} ms, LCP ${Math.round(lcp)} ms, TBT ${Math.round(ms('total-blocking-time'))} ms, transfer ${(audits['total-byte-weight'].numericValue / 1024).toFixed(1)} KB` +
        `\n  goals: ${goals.join('; ')}` +
        (failing.length ? `\n  below 100: ${failing.join(', ')}` : ''),
    );
  }
} finally {
  await chrome.kill();
  nginx.kill('SIGTERM');
}
