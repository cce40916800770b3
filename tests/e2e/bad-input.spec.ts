// The bad-input corpus: hostile or malformed paths and query strings. Each gives the not-found
// view or a clamped page, never a panic, and never a request outside the app and its API.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

const LONG = 'a'.repeat(10 * 1024);

const NOT_FOUND = [
  '/articles/..%2F..%2Fsite',
  '/articles/%2e%2e%2fsite',
  '/articles/..%5C..%5Csite',
  '/articles/%252e%252e%252fsite',
  '/articles/食品安全',
  '/articles/%F0%9F%98%80',
  `/articles/${LONG}`,
  '/articles/a%00b',
  '/articles/-leading-dash',
  '/articles/2025-1111-what-is-haccp%20',
  '/articles/x/related/extra',
  '/category/no-such-column',
  '/category/..%2Fsite',
  `/category/${LONG}`,
  '/no/such/page',
  '/api',
];

// The URL standard reads %2e%2e as "..": the browser itself goes up a level, to a real page.
const DOT_SEGMENTS = ['/articles/%2e%2e', '/category/%2e%2e', '/articles/%2E%2E/%2e%2e'];

const CLAMPED_TO_FIRST = ['0', '-1', 'abc', '1e3', '2.5', '%00', '', '+2', '0x2', LONG];
// Pages past the end, however far: "没有这一页".
const PAST_THE_END = ['999', '4294967295', '99999999999999999999999'];

/** Every request the page makes that is not the app's own files or its API. */
function watchRequests(page: Page): string[] {
  const outside: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    const own = url.origin === 'http://127.0.0.1:4173';
    const allowed = own && (url.pathname.startsWith('/api/') || /^\/[^/]*$/.test(url.pathname) || request.isNavigationRequest());
    if (!allowed) outside.push(request.url());
  });
  return outside;
}

test('hostile and malformed paths show the not-found view and request nothing outside the API', async ({ app, page }) => {
  const outside = watchRequests(page);
  const apiRequests: string[] = [];
  page.on('request', (r) => {
    const path = new URL(r.url()).pathname;
    if (path.startsWith('/api/') && !/^\/api\/(site|feed\/\d+|category\/[a-z]+\/\d+|articles\/[A-Za-z0-9][A-Za-z0-9_-]*)\.json$/.test(path)) {
      apiRequests.push(path);
    }
  });
  for (const path of NOT_FOUND) {
    const response = await page.goto(path);
    // A host may refuse a traversal or its API folder outright (the test server answers 403 or
    // 404 without the app, as nginx does 400): nothing of the app runs then.
    if (response && [400, 403, 404].includes(response.status())) continue;
    await expect(page.getByRole('heading', { name: '页面不存在' }), path).toBeVisible();
    await expect(app.h1, path).toHaveCount(1);
  }
  for (const path of DOT_SEGMENTS) {
    await page.goto(path);
    expect(new URL(page.url()).pathname, path).not.toContain('%2');
    await expect(app.h1, path).toHaveCount(1);
  }
  expect(outside).toEqual([]);
  expect(apiRequests, 'API requests for anything but valid documents').toEqual([]);
});

test('every bad ?page= shows the first page; one past the end says so', async ({ app, page }) => {
  const outside = watchRequests(page);
  for (const value of CLAMPED_TO_FIRST) {
    await page.goto(`/?page=${encodeURIComponent(value)}`);
    await app.expectListPage('最新文章', 1);
    await page.goto(`/category/science?page=${encodeURIComponent(value)}`);
    await app.expectListPage('科普知识', 1);
  }
  await page.goto('/?page=2&page=3');
  await expect(app.h1).toHaveText('最新文章');
  for (const value of PAST_THE_END) {
    await page.goto(`/?page=${value}`);
    await expect(page.getByRole('heading', { name: '没有这一页' })).toBeVisible();
  }
  expect(outside).toEqual([]);
});

test('bad search queries and filters are harmless', async ({ app, page }) => {
  const outside = watchRequests(page);
  for (const query of ['%00', encodeURIComponent(LONG), encodeURIComponent('../../site'), '%E0%A4%A', encodeURIComponent('食品安全') + '&column=..%2F..', encodeURIComponent('冷链') + '&page=-5']) {
    await page.goto(`/search?q=${query}`);
    await expect(app.h1).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /找到|没有找到|输入关键词/ }).or(page.getByText('在上方搜索框输入关键词'))).toBeVisible();
  }
  expect(outside).toEqual([]);
});
