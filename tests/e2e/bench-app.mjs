// The app's benchmark table (`make bench`): bundle sizes, first-load transfer, first contentful
// paint of the pre-rendered list against a static HTML page of the same list (the floor, measured
// in the same run, alternating), also with 4× CPU throttling with the long tasks of the load, the
// first list item of the same site rendered in the browser only,
// list → article → back with the cache warm, and a 1,000-navigation memory soak.
// Usage: node bench-app.mjs <dist-dir> [<csr-dist-dir>]      prints Markdown
import { launchChromium, startServer } from './harness.mjs';
import { readFileSync, readdirSync, writeFileSync, statSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import path from 'node:path';

const dist = process.argv[2] ?? '../../dist';
const csrDist = process.argv[3];
const PORT = 4193;
const BASE = `http://127.0.0.1:${PORT}`;
const CSR_BASE = `http://127.0.0.1:${PORT + 1}`;
const RUNS = 15;
const SOAK_NAVIGATIONS = 1000;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const verdict = (ok, distance) => (ok ? 'met' : `not met (${distance})`);

// --- sizes -------------------------------------------------------------------------------------
const files = readdirSync(dist);
const find = (re) => path.join(dist, files.find((f) => re.test(f)));
const sizes = {};
for (const [name, re] of [['wasm', /^newsreader-[0-9a-f]+_bg\.wasm$/], ['js', /^newsreader-[0-9a-f]+\.js$/], ['css', /^main-[0-9a-f]+\.css$/]]) {
  const bytes = readFileSync(find(re));
  sizes[name] = {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

// --- the floor: the same first list page as static HTML with the same stylesheet -------------
const feed = JSON.parse(readFileSync(path.join(dist, 'api/feed/1.json'), 'utf8'));
const site = JSON.parse(readFileSync(path.join(dist, 'api/site.json'), 'utf8'));
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const css = path.basename(find(/^main-[0-9a-f]+\.css$/));
const items = feed.items
  .map((i) => `<li class="news-list__item"><article class="news-card"><h2 class="news-card__title"><a href="articles/${esc(i.id)}">${esc(i.title)}</a></h2><p class="news-card__meta"><time>${esc(i.date_published.slice(0, 10))}</time></p><p class="news-card__summary">${esc(i.summary ?? i.content_text)}</p></article></li>`)
  .join('');
writeFileSync(
  path.join(dist, 'floor.html'),
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${esc(site.title)}</title><link rel="stylesheet" href="/${css}"></head><body><header class="site-header"><div class="site-header__inner"><a class="site-header__title" href="/">${esc(site.title)}</a></div></header><main class="page"><h1 class="page__title">最新文章</h1><ul class="news-list" aria-label="文章列表">${items}</ul></main></body></html>`,
);

const server = await startServer(dist, PORT, ['--headers']);
const csrServer = csrDist ? await startServer(csrDist, PORT + 1, ['--headers']) : null;
const browser = await launchChromium(['--js-flags=--expose-gc', '--enable-precise-memory-info']);

// Records when the first list item is in the DOM, at the next frame (its paint), and every long
// task (over 50 ms) of the page.
const PAINT_PROBE = () => {
  const probe = () => {
    if (document.querySelector('ul[aria-label="文章列表"] li')) {
      requestAnimationFrame(() => (window.__listPainted = performance.now()));
      return true;
    }
    return false;
  };
  new MutationObserver((_, observer) => probe() && observer.disconnect()).observe(document, { childList: true, subtree: true });
  window.__longTasks = [];
  new PerformanceObserver((list) => window.__longTasks.push(...list.getEntries().map((e) => e.duration))).observe({
    type: 'longtask',
    buffered: true,
  });
};

/** One cold load of `url`: first contentful paint, the first list item painted, the bytes
 * transferred, and the long tasks until the network has been idle (hydration included). */
async function paintTime(url, cpuThrottling = 1) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  if (cpuThrottling > 1) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuThrottling });
  }
  await page.addInitScript(PAINT_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__listPainted !== undefined);
  await page.waitForLoadState('networkidle');
  const result = await page.evaluate(() => {
    const transfer = performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))
      .reduce((sum, e) => sum + (e.encodedBodySize || 0), 0);
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
    return { fcp, ms: window.__listPainted, transfer, longTasks: window.__longTasks };
  });
  await context.close();
  return result;
}

try {
  const app = [];
  const floor = [];
  const csr = [];
  const slowApp = [];
  const slowFloor = [];
  // Alternating runs, so that the machine's load falls on both alike.
  for (let i = 0; i < RUNS; i++) {
    floor.push(await paintTime(`${BASE}/floor.html`));
    app.push(await paintTime(`${BASE}/`));
    if (csrServer) csr.push(await paintTime(`${CSR_BASE}/`));
    slowFloor.push(await paintTime(`${BASE}/floor.html`, 4));
    slowApp.push(await paintTime(`${BASE}/`, 4));
  }
  const appMs = median(app.map((r) => r.fcp));
  const csrMs = csrServer ? median(csr.map((r) => r.ms)) : NaN;
  const floorMs = median(floor.map((r) => r.fcp));
  const firstLoad = median(app.map((r) => r.transfer));
  const slowAppMs = median(slowApp.map((r) => r.fcp));
  const slowFloorMs = median(slowFloor.map((r) => r.fcp));
  const blocking = (r) => r.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  const slowBlocking = median(slowApp.map(blocking));
  const slowLongest = median(slowApp.map((r) => Math.max(0, ...r.longTasks)));

  // list → article → back, caches warm
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  // Keeps the app's WebAssembly.Memory where the soak can read its size.
  await page.addInitScript(() => {
    const keep = (result) => {
      const memory = (result.instance ?? result)?.exports?.memory;
      if (memory) window.__wasmMemory = memory;
      return result;
    };
    const streaming = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = (...args) => streaming(...args).then(keep);
    const instantiate = WebAssembly.instantiate;
    WebAssembly.instantiate = (...args) => instantiate(...args).then(keep);
  });
  await page.goto(`${BASE}/`);
  const list = page.getByRole('list', { name: '文章列表' });
  await list.waitFor();
  const roundTrips = [];
  for (let i = 0; i < RUNS; i++) {
    const link = list.getByRole('link').nth(i % 10);
    const title = await link.textContent();
    const started = await page.evaluate(() => performance.now());
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await page.goBack();
    await list.waitFor();
    roundTrips.push((await page.evaluate(() => performance.now())) - started);
  }

  // The soak: 1,000 route changes across list, article and back.
  const memory = async () => {
    await page.evaluate(() => window.gc());
    return page.evaluate(() => ({ js: performance.memory.usedJSHeapSize, wasm: window.__wasmMemory.buffer.byteLength }));
  };
  const roundTrip = async (n) => {
    await list.getByRole('link').nth(n % 10).click();
    await page.waitForURL(/\/articles\//);
    await page.getByRole('region', { name: '相关新闻' }).waitFor();
    await page.goBack();
    await list.waitFor();
  };
  // Warm up first: each article once, so that the caches hold what the soak visits and the
  // measure is what the navigations themselves leave behind.
  for (let n = 0; n < 10; n++) await roundTrip(n);
  const before = await memory();
  for (let n = 0; n < SOAK_NAVIGATIONS / 2; n++) await roundTrip(n);
  const after = await memory();
  const growth = (after.js - before.js) / before.js;
  const wasmGrowth = (after.wasm - before.wasm) / before.wasm;
  await context.close();

  const goalWasm = 200 * 1024;
  const goalFirst = 230 * 1024;
  const ratio = appMs / floorMs;
  const slowRatio = slowAppMs / slowFloorMs;
  const lines = [
    '| measure | value | goal |',
    '| --- | --- | --- |',
    ...Object.entries(sizes).map(([name, s]) => `| ${name} raw / gzip / brotli | ${s.raw} / ${s.gzip} / ${s.brotli} B | ${name === 'wasm' ? `≤ 200 KB brotli: ${verdict(s.brotli <= goalWasm, `+${kb(s.brotli - goalWasm)}`)}` : ''} |`),
    `| first-load transfer for / (compressed) | ${kb(firstLoad)} | ≤ 230 KB: ${verdict(firstLoad <= goalFirst, `+${kb(firstLoad - goalFirst)}`)} |`,
    `| first contentful paint, pre-rendered list, median of ${RUNS} | ${appMs.toFixed(0)} ms (static page of the same list ${floorMs.toFixed(0)} ms) = ${ratio.toFixed(2)}× | ≤ 1.15×: ${verdict(ratio <= 1.15, `${(ratio - 1.15).toFixed(2)}× over`)} |`,
    `| the same with 4× CPU throttling | ${slowAppMs.toFixed(0)} ms (static ${slowFloorMs.toFixed(0)} ms) = ${slowRatio.toFixed(2)}× | ≤ 1.15×: ${verdict(slowRatio <= 1.15, `${(slowRatio - 1.15).toFixed(2)}× over`)} |`,
    `| long tasks of a cold load with 4× CPU throttling (hydration included), median of ${RUNS} | longest ${slowLongest.toFixed(0)} ms, blocking time ${slowBlocking.toFixed(0)} ms | |`,
    ...(csrServer ? [`| first list item painted, client-only build (csr), median of ${RUNS} | ${csrMs.toFixed(0)} ms = ${(csrMs / median(floor.map((r) => r.ms))).toFixed(2)}× the static page | |`] : []),
    `| list → article → back, cache warm, median of ${RUNS} | ${median(roundTrips).toFixed(0)} ms | |`,
    `| JS heap after ${SOAK_NAVIGATIONS} more route changes (after a warm-up, GC) | ${kb(before.js)} → ${kb(after.js)} (${(growth * 100).toFixed(1)}%) | ≤ 10%: ${verdict(growth <= 0.1, `${(growth * 100 - 10).toFixed(1)} points over`)} |`,
    `| wasm memory after ${SOAK_NAVIGATIONS} more route changes | ${kb(before.wasm)} → ${kb(after.wasm)} (${(wasmGrowth * 100).toFixed(1)}%) | ≤ 10%: ${verdict(wasmGrowth <= 0.1, `${(wasmGrowth * 100 - 10).toFixed(1)} points over`)} |`,
  ];
  console.log(lines.join('\n'));
} finally {
  await browser.close();
  server.kill();
  csrServer?.kill();
}
