// Search cost in the browser on a large synthetic site (`make bench`).
// Usage: node bench-search.mjs <site-dir>   (a release build whose api/ holds the large index)
//
// For each query: a cold run in a fresh browser context (nothing cached) and, in one page, a
// first and a second warm pass over all queries. Bytes are the index files the app fetched
// (manifest, chunks, positions), counted brotli-compressed as a static host serves them; times
// are the app's own `search-query` performance measure (fetching, decoding, matching).
import { launchChromium, startServer } from './harness.mjs';
import { readFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const site = process.argv[2];
if (!site) throw new Error('usage: node bench-search.mjs <site-dir>');
const PORT = 4191;
const BASE = `http://127.0.0.1:${PORT}`;
const QUERIES = ['冷链', '月饼', '抽检', '菜', 'HACCP', '食品安全', '农药残留', '学校食堂', '婴幼儿配方食品', '冷链 追溯'];

const brotliSizes = new Map();
function brotliSize(urlPath) {
  if (!brotliSizes.has(urlPath)) {
    const bytes = readFileSync(path.join(site, decodeURIComponent(urlPath)));
    const packed = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });
    brotliSizes.set(urlPath, packed.length);
  }
  return brotliSizes.get(urlPath);
}

/** Index bytes the page fetches from now until `done` resolves. */
async function indexBytesDuring(page, action) {
  const fetched = [];
  const listener = (response) => {
    const url = new URL(response.url());
    if (url.pathname.startsWith('/api/search/') && !url.pathname.startsWith('/api/search/ids/')) {
      fetched.push(url.pathname);
    }
  };
  page.on('response', listener);
  await action();
  page.off('response', listener);
  return fetched.reduce((sum, p) => sum + brotliSize(p), 0);
}

async function lastQueryTime(page) {
  return page.evaluate(() => {
    const entries = performance.getEntriesByName('search-query');
    return entries[entries.length - 1]?.duration ?? NaN;
  });
}

async function searchFor(page, q) {
  const box = page.getByRole('searchbox', { name: '搜索文章' });
  await box.fill(q);
  await box.press('Enter');
  await page.getByRole('status').filter({ hasText: /找到|没有找到/ }).waitFor();
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor((s.length - 1) / 2)] : NaN;
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

const server = await startServer(site, PORT);
const browser = await launchChromium();
try {
  const cold = [];
  for (const q of QUERIES) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const bytes = await indexBytesDuring(page, async () => {
      await page.goto(`${BASE}/search?q=${encodeURIComponent(q)}`);
      await page.getByRole('status').filter({ hasText: /找到|没有找到/ }).waitFor();
    });
    cold.push({ q, bytes, ms: await lastQueryTime(page) });
    await context.close();
  }

  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${BASE}/`);
  await page.getByRole('list', { name: '文章列表' }).waitFor();
  const firstPass = [];
  const secondPass = [];
  for (const pass of [firstPass, secondPass]) {
    for (const q of QUERIES) {
      // Leave the results page in between (in the app: a reload would empty its caches), so
      // that each search is a navigation.
      await page.getByRole('contentinfo').getByRole('link', { name: '网站地图' }).click();
      await page.getByRole('heading', { level: 1, name: '网站地图' }).waitFor();
      const bytes = await indexBytesDuring(page, () => searchFor(page, q));
      pass.push({ q, bytes, ms: await lastQueryTime(page) });
    }
  }
  await context.close();

  console.log('query            | cold bytes | cold ms | next query bytes | warm ms');
  console.log('---------------- | ---------- | ------- | ---------------- | -------');
  QUERIES.forEach((q, i) => {
    console.log(
      `${q.padEnd(16 - [...q].filter((c) => c.charCodeAt(0) > 255).length)} | ${kb(cold[i].bytes).padStart(10)} | ${cold[i].ms.toFixed(1).padStart(7)} | ${kb(firstPass[i].bytes).padStart(16)} | ${secondPass[i].ms.toFixed(1).padStart(7)}`,
    );
  });
  const coldMedian = median(cold.map((c) => c.bytes));
  const coldMax = Math.max(...cold.map((c) => c.bytes));
  const warmMedian = median(secondPass.map((c) => c.ms));
  const warmMax = Math.max(...secondPass.map((c) => c.ms));
  const status = (ok) => (ok ? 'met' : 'not met');
  console.log(`cold first query: median ${kb(coldMedian)}, max ${kb(coldMax)} (goal 100 KB: median ${status(coldMedian <= 102400)}, max ${status(coldMax <= 102400)})`);
  console.log(`next query, manifest cached: median ${kb(median(firstPass.map((c) => c.bytes)))}`);
  console.log(`warm query time: median ${warmMedian.toFixed(1)} ms, max ${warmMax.toFixed(1)} ms (goal 20 ms: ${status(warmMax <= 20)})`);
  console.log(`repeated query bytes: ${kb(secondPass.reduce((s, c) => s + c.bytes, 0))} in total`);
} finally {
  await browser.close();
  server.kill();
}
