// Reading offline (public/sw.js, docs/offline.md): what was read reloads without a network, what
// was not says so inside the app's layout with a retry, search runs on the index files already
// fetched, and a new deploy waits for the reader's 刷新. The service worker is blocked in every
// other spec (playwright.config.ts), so that their request interception sees the requests.

import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { articlePath, waitForHydration } from './pages';

test.use({ serviceWorkers: 'allow' });

/** Waits until the service worker controls the page. */
async function waitForWorker(page: Page): Promise<void> {
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}

/** Waits until the worker keeps `url` (a page or an API document). */
async function waitUntilKept(page: Page, url: string): Promise<void> {
  await expect
    .poll(() => page.evaluate(async (u) => (await caches.match(new URL(u, location.href).href)) !== undefined, url), {
      message: `${url} kept for offline reading`,
    })
    .toBe(true);
}

test('a list and an article read online reload offline and read normally', async ({ page, context, app, api }) => {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (['error', 'warning'].includes(m.type())) problems.push(`${m.type()}: ${m.text()}`);
  });
  const feed = await api.feed(1);
  const item = feed.items[1];
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  await waitForWorker(page);
  await waitUntilKept(page, '/');
  await waitForHydration(page);
  await app.articleLink(item.title).click();
  await app.expectArticle(item.title);
  await waitUntilKept(page, `/api/articles/${encodeURIComponent(item.id)}.json`);

  await context.setOffline(true);
  await page.reload();
  await app.expectArticle(item.title);
  await expect(page.getByRole('article').getByRole('paragraph').first()).toBeVisible();
  await page.goto('/');
  await app.expectListPage('最新文章', 1, feed.items.map((i) => i.title));
  expect(problems, 'the console, online and offline').toEqual([]);
});

test('an article never fetched says so inside the layout, offline, and its retry works once online', async ({ page, context, app, api }) => {
  const { items } = await api.feed(3);
  const unread = items[items.length - 1];
  await app.gotoHome();
  await waitForWorker(page);

  await context.setOffline(true);
  await page.goto(articlePath(unread.id));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('当前处于离线状态');
  await expect(app.siteNav.getByRole('link', { name: '首页' })).toBeVisible();
  await expect(app.homeLink).toBeVisible();

  await context.setOffline(false);
  await alert.getByRole('button', { name: '重试' }).click();
  await app.expectArticle(unread.title);
});

test('search runs offline on the index files already fetched, and says when it needs others', async ({ page, context, app }) => {
  await app.gotoHome();
  await waitForWorker(page);
  await waitForHydration(page);
  const searchBox = app.searchBox;
  await searchBox.fill('食品');
  await searchBox.press('Enter');
  const results = app.searchResults;
  await expect(results.getByRole('listitem').first()).toBeVisible();
  const found = await results.getByRole('listitem').count();

  await context.setOffline(true);
  await page.reload();
  await expect(results.getByRole('listitem')).toHaveCount(found);
  // Digits sort before CJK: "2024" is in the index's first chunk, which 食品 did not need.
  await searchBox.fill('2024');
  await searchBox.press('Enter');
  await expect(page.getByRole('alert')).toContainText('当前处于离线状态');
});

/** A port free now on 127.0.0.1. */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

/** `server.mjs` on a folder of its own, so that the test can deploy another build into it. */
async function serveFolder(root: string, port: number): Promise<ChildProcess> {
  const server = spawn('node', ['server.mjs', '--root', root, '--port', String(port), '--headers'], { stdio: 'ignore' });
  await expect
    .poll(async () => fetch(`http://127.0.0.1:${port}/`).then((r) => r.ok).catch(() => false), { timeout: 10_000 })
    .toBe(true);
  return server;
}

/** The build of the page: its module's name, from `<meta name="app-entry">`. */
function moduleOf(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="app-entry"]')?.dataset.js);
}

test('a new deploy is announced, and 刷新 switches to it whole', async ({ page, context, app, api }) => {
  test.slow();
  const first = '../../dist';
  const second = '../../target/dist-debug';
  const list = (dist: string) => JSON.parse(readFileSync(path.join(dist, 'offline.json'), 'utf8'));
  const module = (dist: string) => `/${list(dist).files.find((f: string) => /^newsreader-[0-9a-f]+\.js$/.test(f))}`;
  expect(list(first).version, 'two different builds').not.toBe(list(second).version);
  const [a, b] = (await api.feed(2)).items;
  const root = mkdtempSync(path.join(tmpdir(), 'offline-deploy-'));
  cpSync(first, root, { recursive: true });
  const port = await freePort();
  const server = await serveFolder(root, port);
  try {
    const site = `http://127.0.0.1:${port}`;
    // Two articles opened directly, as from a search engine: their pages carry their data.
    await page.goto(`${site}${articlePath(a.id)}`);
    await app.expectArticle(a.title);
    await waitForWorker(page);
    await waitUntilKept(page, articlePath(a.id));
    await page.goto(`${site}${articlePath(b.id)}`);
    await app.expectArticle(b.title);
    await waitUntilKept(page, articlePath(b.id));
    // Hidden until a new version waits: role queries do not see it.
    const notice = page.getByRole('status').getByText('有新版本');
    const reload = page.getByRole('status').getByRole('button', { name: '刷新', exact: true });
    await expect(reload).toHaveCount(0);

    // The deploy replaces every file, as `rsync --delete` would. The kept page is still the
    // first build, whole, until the reader chooses: then every file is the second's.
    rmSync(root, { recursive: true, force: true });
    cpSync(second, root, { recursive: true });
    await page.goto(`${site}${articlePath(b.id)}`);
    await app.expectArticle(b.title);
    expect(await moduleOf(page)).toBe(module(first));
    await expect(notice).toBeVisible({ timeout: 20_000 });
    const reloaded = page.waitForEvent('load');
    await reload.click();
    await reloaded;
    await app.expectArticle(b.title);
    expect(await moduleOf(page)).toBe(module(second));
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? '').catch(() => ''))
      .toContain(`sw.js?v=${list(second).version}`);
    await expect(notice).toBeHidden();
    await expect(reload).toHaveCount(0);
    const names = await page.evaluate(() => caches.keys());
    expect(names.filter((name) => name.includes(list(first).version))).toEqual([]);

    // The first build's pages are gone, but what they were rendered from is not.
    await context.setOffline(true);
    await page.goto(`${site}${articlePath(a.id)}`);
    await app.expectArticle(a.title);
    expect(await moduleOf(page)).toBe(module(second));
  } finally {
    server.kill();
    rmSync(root, { recursive: true, force: true });
  }
});
