import type { Route } from '@playwright/test';
import { test, expect } from './fixtures';

// These tests change what the API answers: pages come as the plain shell (fixtures.ts).
test.use({ prerendered: false });

const ARTICLE_API = '**/api/articles/*.json';
const FEED2_API = '**/api/feed/2.json';

type Fault = { name: string; message: string; handle: (route: Route) => Promise<void> };

const FAULTS: Fault[] = [
  {
    name: 'HTTP 500',
    message: '服务器出错',
    handle: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
  },
  {
    name: 'HTTP 503',
    message: '服务器出错',
    handle: (route) => route.fulfill({ status: 503, contentType: 'text/plain', body: 'Service Unavailable' }),
  },
  {
    name: 'a network failure',
    message: '网络连接失败',
    handle: (route) => route.abort(),
  },
  {
    name: 'an aborted request',
    message: '网络连接失败',
    handle: (route) => route.abort('aborted'),
  },
];

test.describe('article load errors', () => {
  for (const fault of FAULTS) {
    test(`${fault.name} shows 加载失败 with “${fault.message}”; 重试 recovers once the fault is gone`, async ({
      app,
      api,
      page,
    }) => {
      const item = (await api.feed(1)).items[0];

      await page.route(ARTICLE_API, fault.handle);
      await app.gotoArticle(item.id);
      await app.expectLoadError(fault.message);

      await page.unroute(ARTICLE_API);
      await app.retryButton.click();
      await app.expectArticle(item.title);
    });
  }

  test('malformed JSON shows “内容无法读取”, and a column link in the header still works', async ({
    app,
    api,
    page,
  }) => {
    const item = (await api.feed(1)).items[0];

    await page.route(ARTICLE_API, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": ' }),
    );
    await app.gotoArticle(item.id);
    await app.expectLoadError('内容无法读取');

    await app.navLink('抽检信息').click();
    await expect(page).toHaveURL((url) => url.pathname === '/category/inspections');
    await expect(app.h1).toHaveText('抽检信息');
    await expect(app.articleLinks.first()).toBeVisible();
    await expect(app.loadError).toHaveCount(0);
  });

  test('JSON of the wrong shape shows “内容无法读取”; 重试 recovers', async ({ app, api, page }) => {
    const item = (await api.feed(1)).items[0];

    await page.route(ARTICLE_API, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"id": 42, "title": ["not", "text"]}' }),
    );
    await app.gotoArticle(item.id);
    await app.expectLoadError('内容无法读取');

    await page.unroute(ARTICLE_API);
    await app.retryButton.click();
    await app.expectArticle(item.title);
  });
});

test.describe('list load errors', () => {
  for (const fault of FAULTS) {
    test(`${fault.name} on /api/feed/2.json shows 加载失败 with “${fault.message}”; 重试 recovers`, async ({
      app,
      api,
      page,
    }) => {
      const feed1 = await api.feed(1);
      const feed2 = await api.feed(2);

      await page.route(FEED2_API, fault.handle);
      await app.gotoHome();
      await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));

      await app.pageLink(2).click();
      await expect(page).toHaveURL((url) => url.pathname === '/page/2' && url.search === '');
      await app.expectLoadError(fault.message);

      await page.unroute(FEED2_API);
      await app.retryButton.click();
      await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
    });
  }

  test('a failing list deep link (/page/2) recovers with 重试', async ({ app, api, page }) => {
    const feed2 = await api.feed(2);

    await page.route(FEED2_API, (route) => route.fulfill({ status: 500, body: 'oops' }));
    await app.gotoHome(2);
    await app.expectLoadError('服务器出错');

    await page.unroute(FEED2_API);
    await app.retryButton.click();
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  });

  test('a list of the wrong shape shows “内容无法读取”; 重试 recovers', async ({ app, api, page }) => {
    const feed2 = await api.feed(2);

    await page.route(FEED2_API, (route) =>
      route.fulfill({
        status: 200,
        contentType: 'application/json',
        body: JSON.stringify({ version: 'https://jsonfeed.org/version/1.1', title: 'x', items: 'not a list' }),
      }),
    );
    await app.gotoHome(2);
    await app.expectLoadError('内容无法读取');

    await page.unroute(FEED2_API);
    await app.retryButton.click();
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  });
});

test.describe('loading state', () => {
  /** Holds every request matching `glob` until the returned `release` is called. */
  async function holdRequests(page: import('@playwright/test').Page, glob: string) {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route(glob, async (route) => {
      await gate;
      await route.continue();
    });
    return release;
  }

  test('a list shows 正在加载… until its page arrives', async ({ app, api, page }) => {
    const feed2 = await api.feed(2);
    const release = await holdRequests(page, FEED2_API);
    try {
      await app.gotoHome(2);
      await expect(app.loading).toBeVisible();
    } finally {
      release();
    }
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  });

  test('an article shows 正在加载… until it arrives', async ({ app, api, page }) => {
    const item = (await api.feed(1)).items[0];
    const release = await holdRequests(page, ARTICLE_API);
    try {
      await app.gotoArticle(item.id);
      await expect(app.loading).toBeVisible();
    } finally {
      release();
    }
    await app.expectArticle(item.title);
  });
});
