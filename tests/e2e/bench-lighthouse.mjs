// Lighthouse 12 (mobile, the default) on the list and an article of the release build in
// ../../dist, served with its brotli files and _headers (`make bench`).
// Usage: node bench-lighthouse.mjs [site-dir]      prints one line per page and category.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from './harness.mjs';
import { readFileSync } from 'node:fs';

const site = process.argv[2] ?? '../../dist';
const PORT = 4192;
const BASE = `http://127.0.0.1:${PORT}`;
const feed = JSON.parse(readFileSync(`${site}/api/feed/1.json`, 'utf8'));
const pages = [
  ['list', `${BASE}/`],
  ['article', `${BASE}/articles/${feed.items[0].id}`],
];

const server = await startServer(site, PORT, ['--headers']);
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--no-first-run'],
});
const scores = {};
try {
  for (const [name, url] of pages) {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' });
    const { categories, audits } = result.lhr;
    scores[name] = Object.fromEntries(Object.values(categories).map((c) => [c.id, Math.round(c.score * 100)]));
    const failing = Object.values(categories)
      .flatMap((c) => c.auditRefs.filter((r) => r.weight > 0).map((r) => audits[r.id]))
      .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative')
      .map((a) => `${a.id} (${Math.round(a.score * 100)})`);
    console.log(
      `lighthouse ${name}: ${Object.entries(scores[name]).map(([k, v]) => `${k} ${v}`).join(', ')}` +
        ` · FCP ${audits['first-contentful-paint'].displayValue}, LCP ${audits['largest-contentful-paint'].displayValue}` +
        (failing.length ? `\n  below 100: ${failing.join(', ')}` : ''),
    );
  }
} finally {
  await chrome.kill();
  server.kill();
}
