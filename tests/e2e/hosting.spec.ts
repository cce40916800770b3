// The build on real hosts (projects `github-pages` and `nginx` in playwright.config.ts): every route
// loads and reloads under the deploy path, links keep that path, the wasm is served compressed as
// application/wasm, and the shipped CSP holds (the shared fixture fails any test on a violation).

import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { deployWithCounter, GoatCounterStub, withLoopbackCounter } from './goatcounter';
import { articleIdOf, SITE_TITLE, SITE_URL } from './pages';

test.use(withLoopbackCounter);

test('every route loads, and reloads, under the deploy path', async ({ page, app, api, sitePath }) => {
  const feed = await api.feed(1);
  const article = feed.items[0];
  const routes: [string, () => Promise<void>][] = [
    ['', () => app.expectListPage('最新文章', 1)],
    ['page/2', () => app.expectListPage('最新文章', 2)],
    ['category/science', () => app.expectListPage('科普知识', 1)],
    ['category/science/page/2', () => app.expectListPage('科普知识', 2)],
    [`articles/${article.id}`, () => app.expectArticle(article.title)],
    [`articles/${article.id}/related`, () => expect(app.h1).toHaveText(/^相关新闻/)],
    ['sitemap', () => expect(app.h1).toHaveText('网站地图')],
    ['no/such/page', () => app.expectNotFound()],
  ];
  for (const [route, check] of routes) {
    await page.goto(sitePath + route);
    await check();
    await page.reload();
    await check();
  }
});

test('links the app renders keep the deploy path', async ({ page, app, sitePath }) => {
  await page.goto(sitePath);
  await app.expectListPage('最新文章', 1);

  await app.navLink('通知公告').click();
  await expect(page).toHaveURL((url) => url.pathname === `${sitePath}category/notices`);
  await expect(app.navLink('通知公告')).toHaveAttribute('aria-current', 'page');

  const first = app.articleLinks.first();
  const id = await articleIdOf(first);
  await first.click();
  await expect(page).toHaveURL((url) => url.pathname === `${sitePath}articles/${id}`);
  await expect(app.loadError).toHaveCount(0);

  await app.footer.getByRole('link', { name: '网站地图' }).click();
  await expect(page).toHaveURL((url) => url.pathname === `${sitePath}sitemap`);
  await app.navLink('首页').click();
  await expect(page).toHaveURL((url) => url.pathname === sitePath);
  await app.expectListPage('最新文章', 1);
});

test('the wasm is served compressed, as application/wasm', async ({ page, request, sitePath }) => {
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(sitePath);
  const served = await wasmResponse;
  expect(served.status()).toBe(200);
  const headers = await served.allHeaders();
  expect(headers['content-type']).toBe('application/wasm');
  expect(['br', 'gzip']).toContain(headers['content-encoding']);

  for (const encoding of ['br', 'gzip']) {
    const response = await request.get(served.url(), { headers: { 'Accept-Encoding': encoding } });
    expect(response.headers()['content-type']).toBe('application/wasm');
    expect(response.headers()['content-encoding'], `with Accept-Encoding: ${encoding}`).toBe(encoding);
  }
});

test('the Content-Security-Policy header is the documented one, and allows the inline theme script', async ({
  request,
  sitePath,
}) => {
  const response = await request.get(sitePath);
  const csp = response.headers()['content-security-policy'] ?? '';
  const documented = readFileSync(new URL('../../docs/deploy.md', import.meta.url), 'utf8').match(
    /^default-src 'self'; .*$/m,
  );
  expect(documented, 'docs/deploy.md shows the policy').not.toBeNull();
  expect(csp).toBe(documented![0]);

  // The one inline script (public/theme.js, inlined by Trunk) runs only if its hash is allowed.
  const html = await response.text();
  const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(inline).toHaveLength(1);
  const hash = createHash('sha256').update(inline[0]).digest('base64');
  expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}';`);
});

test('the stored theme is applied before the first paint, and the wasm is not preloaded', async ({
  page,
  sitePath,
}) => {
  await page.addInitScript(() => localStorage.setItem('theme', 'dark'));
  // Without the app: only the inline script can set the theme.
  await page.route('**/boot-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  const response = await page.goto(sitePath);
  const html = (await response!.text()).split('<body')[0];
  expect(html).not.toMatch(/rel="(module)?preload"/);
  // Inline and before the stylesheet: the parser never waits for the CSS to run it.
  expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('rel="stylesheet"'));
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('nginx caches hashed assets forever and revalidates the rest', async ({ page, request, sitePath }, testInfo) => {
  test.skip(testInfo.project.name !== 'nginx', 'the caching table is set by the nginx config');
  const wasmResponse = page.waitForResponse((r) => r.url().endsWith('.wasm'));
  await page.goto(sitePath);
  const wasm = await wasmResponse;
  expect((await wasm.allHeaders())['cache-control']).toBe('public, max-age=31536000, immutable');
  for (const path of ['', 'config.json', 'api/site.json', 'api/feed/1.json']) {
    const response = await request.get(sitePath + path);
    expect(response.headers()['cache-control'], path || 'index.html').toBe('no-cache');
  }
});

test('deep links to pre-rendered pages answer 200 with the page, without rewrites', async ({ request, api, sitePath }, testInfo) => {
  const item = (await api.feed(1)).items[0];
  const pages: [string, string][] = [
    ['', '最新文章'],
    ['page/2', '最新文章'],
    ['category/science', '科普知识'],
    ['category/science/page/2', '科普知识'],
    [`articles/${item.id}`, item.title],
    [`articles/${item.id}/related`, item.title],
    ['sitemap', '网站地图'],
  ];
  for (const [path, text] of pages) {
    // GitHub Pages redirects a folder to its trailing slash first; nginx answers at once.
    const response = await request.get(sitePath + path, { maxRedirects: 0 });
    if (testInfo.project.name === 'github-pages' && path !== '') {
      expect(response.status(), path).toBe(301);
      expect(response.headers()['location']).toBe(`${sitePath}${path}/`);
    } else {
      expect(response.status(), path).toBe(200);
    }
    const final = await request.get(sitePath + path);
    expect(final.status(), path).toBe(200);
    const html = await final.text();
    expect(html, path).toContain(text);
    expect(html, path).toContain('id="page-data"');
  }
});

test('routes that are not pre-rendered get the plain shell, never another page; unknown ones as a 404', async ({
  request,
  sitePath,
}) => {
  const search = await request.get(`${sitePath}search?q=${encodeURIComponent('火锅')}`);
  expect(search.status()).toBe(200);
  const searchFolder = await request.get(`${sitePath}search/`);
  expect(searchFolder.status()).toBe(200);
  // A 404 status, so that search engines see no page there (no "soft 404").
  const unknown = await request.get(`${sitePath}no/such/page`);
  expect(unknown.status()).toBe(404);
  expect(unknown.headers()['content-type']).toMatch(/^text\/html/);
  for (const response of [search, searchFolder, unknown]) {
    const html = await response.text();
    expect(html).not.toContain('id="page-data"');
    expect(html).not.toContain('<main');
    expect(html).toContain('<noscript>');
  }
});

test('robots.txt names the sitemap, and sitemap.xml lists the pages at the site URL', async ({ page, request, api, sitePath }) => {
  const site = `${SITE_URL}${sitePath}`;
  const robots = await request.get(`${sitePath}robots.txt`);
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  expect(await robots.text()).toContain(`\nSitemap: ${site}sitemap.xml\n`);

  const sitemap = await request.get(`${sitePath}sitemap.xml`);
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()['content-type']).toMatch(/xml/);
  const parsed = await page.evaluate((xml) => {
    const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    if (doc.getElementsByTagName('parsererror').length > 0) return null;
    const text = (parent: Element, tag: string) => parent.getElementsByTagNameNS(ns, tag)[0]?.textContent ?? null;
    return {
      root: `${doc.documentElement.namespaceURI} ${doc.documentElement.localName}`,
      urls: Array.from(doc.getElementsByTagNameNS(ns, 'url')).map((u) => ({ loc: text(u, 'loc'), lastmod: text(u, 'lastmod') })),
    };
  }, await sitemap.text());
  expect(parsed, 'sitemap.xml is well-formed XML').not.toBeNull();
  expect(parsed!.root).toBe('http://www.sitemaps.org/schemas/sitemap/0.9 urlset');
  for (const { loc } of parsed!.urls) expect(loc?.startsWith(site), `${loc}`).toBe(true);
  const item = (await api.feed(1)).items[0];
  expect(parsed!.urls).toContainEqual({ loc: `${site}articles/${item.id}`, lastmod: item.date_published });
  expect(parsed!.urls.map((u) => u.loc)).toContain(site);

  // Each listed page is a pre-rendered page on this host.
  const locs = parsed!.urls.map((u) => u.loc!);
  for (const loc of [...locs.slice(0, 4), ...locs.slice(-2)]) {
    const response = await request.get(loc.replace(SITE_URL, ''));
    expect(response.status(), loc).toBe(200);
    expect(await response.text(), loc).toContain('id="page-data"');
  }
});

test('the web app manifest names the site, follows the deploy path, and its icons load', async ({
  page,
  request,
  sitePath,
}) => {
  await page.goto(sitePath);
  const manifestUrl = await page.evaluate(
    () => (document.querySelector('link[rel="manifest"]') as HTMLLinkElement | null)?.href ?? '',
  );
  expect(new URL(manifestUrl).pathname).toBe(`${sitePath}manifest.webmanifest`);
  const response = await request.get(manifestUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  const manifest = await response.json();
  expect(manifest).toMatchObject({ name: SITE_TITLE, lang: 'zh-CN', display: 'standalone' });
  expect(new URL(manifest.start_url, manifestUrl).pathname).toBe(sitePath);
  expect(new URL(manifest.scope, manifestUrl).pathname).toBe(sitePath);
  const rasters = manifest.icons.filter((i: { type: string }) => i.type === 'image/png');
  expect(rasters.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
  for (const icon of rasters) {
    const png = await request.get(new URL(icon.src, manifestUrl).href);
    expect(png.status(), icon.src).toBe(200);
    expect(png.headers()['content-type']).toBe('image/png');
    const bytes = await png.body();
    // The PNG header's width and height (IHDR, big-endian, at bytes 16 and 20).
    expect(`${bytes.readUInt32BE(16)}x${bytes.readUInt32BE(20)}`).toBe(icon.sizes);
  }
  // Chromium reads it without a complaint.
  const cdp = await page.context().newCDPSession(page);
  const { errors } = await cdp.send('Page.getAppManifest');
  expect(errors).toEqual([]);
});

test('GoatCounter is sent the article’s path with the deploy path, the way the address bar shows it', async ({ page, app, api, sitePath }) => {
  const stub = new GoatCounterStub();
  const origin = await stub.start();
  try {
    await deployWithCounter(page, origin);
    const [item] = (await api.feed(1)).items;
    const path = `${sitePath}articles/${item.id}`;
    stub.counts.set(path, '2');
    await page.goto(path);
    await app.expectArticle(item.title);
    await expect.poll(() => stub.hits.map((hit) => hit.p)).toEqual([path]);
    await expect(page.getByText(/^浏览次数/)).toBeVisible();
  } finally {
    await stub.stop();
  }
});

test.describe('with the service worker', () => {
  test.use({ serviceWorkers: 'allow' });

  test('the service worker is scoped to the deploy path and keeps the page it started on', async ({ page, app, sitePath, baseURL }) => {
    await page.goto(sitePath);
    await app.expectListPage('最新文章', 1);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
    expect(scope).toBe(new URL(sitePath, baseURL).href);
    await expect
      .poll(() => page.evaluate(async () => (await caches.match(location.href)) !== undefined))
      .toBe(true);
  });
});
