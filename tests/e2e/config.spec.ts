// Runtime configuration: config.json decides where the API is; a missing file means the
// defaults and a bad one a clear "配置错误" page, never a blank one.

import { test, expect } from './fixtures';

// These tests change what the API answers: pages come as the plain shell (fixtures.ts).
test.use({ prerendered: false });

const FIXTURE_SITE = {
  version: '1',
  title: '夹具新闻站',
  language: 'zh-CN',
  page_size: 10,
  categories: [{ slug: 'only', name: '唯一栏目', count: 1 }],
};

const FIXTURE_FEED = {
  version: 'https://jsonfeed.org/version/1.1',
  title: '夹具新闻站',
  items: [
    {
      id: 'fixture-1',
      title: '夹具文章一',
      date_published: '2026-01-02T03:04:05+08:00',
      content_text: '来自测试自己的数据。',
      _news: { category: 'only', views: 5 },
    },
  ],
  _news: { page: 1, total_pages: 1, total_items: 1 },
};

test('config.json points the same build at another data tree', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ json: { api_base: 'fixture-api/' } }));
  await page.route('**/fixture-api/site.json', (route) => route.fulfill({ json: FIXTURE_SITE }));
  await page.route('**/fixture-api/feed/1.json', (route) => route.fulfill({ json: FIXTURE_FEED }));
  await page.goto('/');
  await expect(page.getByRole('banner').getByRole('link', { name: '夹具新闻站' })).toBeVisible();
  await expect(page.getByRole('link', { name: '夹具文章一' })).toBeVisible();
  await expect(page.getByRole('navigation', { name: '栏目' }).getByRole('link', { name: '唯一栏目' })).toBeVisible();
  await expect(page).toHaveTitle('最新文章 — 夹具新闻站');
});

test('a missing config.json means the defaults', async ({ page }) => {
  await page.route('**/config.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '最新文章' })).toBeVisible();
  await expect(page.getByRole('list', { name: '文章列表' }).getByRole('listitem').first()).toBeVisible();
});

for (const [name, body] of [
  ['not JSON', '{"api_base": '],
  ['a wrong type', '{"api_base": 42}'],
  ['an unknown key', '{"apiBase": "api/"}'],
  ['a goatcounter that is not an https origin', '{"goatcounter": "http://stats.example.org/count"}'],
  ['a javascript: URL', '{"api_base": "javascript:alert(1)"}'],
] as const) {
  test(`a config.json with ${name} shows 配置错误`, async ({ page }) => {
    await page.route('**/config.json', (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body }),
    );
    await page.goto('/');
    const alert = page.getByRole('alert');
    await expect(alert.getByRole('heading', { name: '配置错误' })).toBeVisible();
    await expect(alert).toContainText('config.json');
  });
}

test('an API on another origin works when it sends CORS headers', async ({ page }) => {
  const origin = 'https://data.example.org';
  await page.route('**/config.json', (route) => route.fulfill({ json: { api_base: `${origin}/news/api/` } }));
  await page.route(`${origin}/news/api/**`, (route) => {
    const file = new URL(route.request().url()).pathname.replace('/news/api/', '../../dist/api/');
    return route.fulfill({ path: file, headers: { 'Access-Control-Allow-Origin': '*', 'Content-Type': 'application/json' } });
  });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: '最新文章' })).toBeVisible();
  await expect(page.getByRole('list', { name: '文章列表' }).getByRole('listitem').first()).toBeVisible();
});

test('an unreachable API gives a clear message and a retry that recovers', async ({ page }) => {
  await page.route('**/api/site.json', (route) => route.abort('connectionrefused'));
  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('网络连接失败');
  await page.unroute('**/api/site.json');
  await alert.getByRole('button', { name: '重试' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '最新文章' })).toBeVisible();
});
