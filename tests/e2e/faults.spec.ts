// The fault corpus: every kind of request (config, site, list page, article) meets every fault
// (HTTP 403/404/500/503, an aborted connection, a 20 s stall, a truncated body, an HTML error page
// served as 200, JSON of the wrong shape, an empty body; a 5 MB article). Each case: no panic (the
// fixture fails on one), no blank screen, a clear message, recovery once the fault is lifted,
// and the rest of the app still navigates where the app could start.

import type { Page, Route } from '@playwright/test';
import { test, expect } from './fixtures';
import type { NewsApp } from './pages';

// These tests change what the API answers: pages come as the plain shell (fixtures.ts).
test.use({ prerendered: false });

type Fault = { name: string; handle: (route: Route) => Promise<void>; slow?: boolean };

const status = (code: number): Fault => ({
  name: `HTTP ${code}`,
  handle: (route) => route.fulfill({ status: code, contentType: 'text/plain', body: `error ${code}` }),
});

const FAULTS: Fault[] = [
  status(403),
  status(404),
  status(500),
  status(503),
  { name: 'an aborted connection', handle: (route) => route.abort('connectionreset') },
  {
    name: 'a 20 s stall',
    slow: true,
    handle: async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 20_000));
      await route.abort().catch(() => {});
    },
  },
  {
    name: 'a truncated body',
    handle: async (route) => {
      // The page may have given up on the request meanwhile: then there is nothing to answer.
      const response = await route.fetch().catch(() => null);
      if (!response) return;
      const body = await response.text();
      await route.fulfill({ response, body: body.slice(0, Math.floor(body.length / 2)) }).catch(() => {});
    },
  },
  {
    name: 'an HTML error page served as 200',
    handle: (route) =>
      route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Oops</title><h1>502 Bad Gateway</h1>' }),
  },
  {
    name: 'JSON of the wrong shape',
    handle: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items":"nope","title":7}' }),
  },
  { name: 'an empty body', handle: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '' }) },
];

/** What the reader is told, by kind of request and fault. */
function expectedMessage(kind: string, fault: string): { text: string; retry: boolean } | 'works' | 'not found' {
  const decodeFault = ['a truncated body', 'an HTML error page served as 200', 'JSON of the wrong shape', 'an empty body'];
  if (fault === 'HTTP 404') {
    if (kind === 'config') return 'works'; // a missing config.json means the defaults
    if (kind === 'site') return { text: '配置错误', retry: false };
    return 'not found';
  }
  if (decodeFault.includes(fault)) {
    return kind === 'config' ? { text: '配置错误', retry: false } : { text: '内容无法读取', retry: true };
  }
  if (fault === 'an aborted connection') return { text: '网络连接失败', retry: true };
  if (fault === 'a 20 s stall') return { text: '请求超时', retry: true };
  return { text: `服务器出错（${fault}）`, retry: true };
}

type Kind = { kind: string; pattern: string; open: (app: NewsApp, page: Page) => Promise<void>; ready: (app: NewsApp) => Promise<void> };

const KINDS: Kind[] = [
  {
    kind: 'config',
    pattern: '**/config.json',
    open: async (app) => app.gotoHome(),
    ready: (app) => app.expectListPage('最新文章', 1),
  },
  {
    kind: 'site',
    pattern: '**/api/site.json',
    open: async (app) => app.gotoHome(),
    ready: (app) => app.expectListPage('最新文章', 1),
  },
  {
    kind: 'list',
    pattern: '**/api/feed/1.json',
    open: async (app) => app.gotoHome(),
    ready: (app) => app.expectListPage('最新文章', 1),
  },
  {
    kind: 'article',
    pattern: '**/api/articles/2025-1111-what-is-haccp.json',
    open: async (app) => app.gotoArticle('2025-1111-what-is-haccp'),
    ready: (app) => app.expectArticle('什么是HACCP？一文读懂食品企业的“关键控制点”管理'),
  },
];

for (const { kind, pattern, open, ready } of KINDS) {
  test.describe(`${kind} request`, () => {
    for (const fault of FAULTS) {
      test(`${fault.name}`, async ({ app, page }) => {
        if (fault.slow) test.setTimeout(60_000);
        await page.route(pattern, fault.handle);
        await open(app, page);
        const expected = expectedMessage(kind, fault.name);
        if (expected === 'works') {
          await ready(app);
          return;
        }
        if (expected === 'not found') {
          await expect(page.getByRole('heading', { name: '页面不存在' })).toBeVisible();
          await expect(app.h1).toHaveCount(1);
        } else {
          const shown = page.getByRole('alert').filter({ hasText: expected.text });
          await expect(shown).toBeVisible({ timeout: fault.slow ? 25_000 : 10_000 });
          await expect(shown.getByRole('button', { name: '重试' })).toHaveCount(expected.retry ? 1 : 0);
        }
        // The fault is lifted: retry (or, for a broken configuration, a reload) recovers.
        await page.unroute(pattern);
        if (expected !== 'not found' && expected.retry) {
          await page.getByRole('button', { name: '重试' }).click();
        } else {
          await page.reload();
        }
        await ready(app);
        // With the fault back, the rest of the app still works.
        if (kind === 'list' || kind === 'article') {
          await page.route(pattern, fault.handle);
          await app.navLink('科普知识').click();
          await app.expectListPage('科普知识', 1);
        }
      });
    }
  });
}

test('a 5 MB article is shown, without a panic', async ({ app, page, api }) => {
  const article = await api.article('2025-1111-what-is-haccp');
  const paragraph = `<p>${'食品安全，冷链追溯。'.repeat(50)}</p>`;
  const big = { ...article, content_html: paragraph.repeat(Math.ceil((5 * 1024 * 1024) / paragraph.length)) };
  const body = JSON.stringify(big);
  expect(body.length).toBeGreaterThan(5 * 1024 * 1024);
  await page.route('**/api/articles/2025-1111-what-is-haccp.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body }),
  );
  await app.gotoArticle(article.id);
  await expect(app.h1).toHaveText(article.title, { timeout: 20_000 });
  await expect(page.getByRole('article').getByText('食品安全，冷链追溯。').first()).toBeVisible();
  await app.navLink('科普知识').click();
  await app.expectListPage('科普知识', 1);
});
