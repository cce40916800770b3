// What the app asks the network for: nothing twice, nothing after the reader has left.

import { test, expect } from './fixtures';

test('going back to a list is served from memory, without refetching', async ({ page, app, api }) => {
  const feed = await api.feed(1);
  const first = feed.items[0];
  const listRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().endsWith('/api/feed/1.json')) listRequests.push(request.url());
  });

  await app.gotoHome();
  await app.articleLink(first.title).click();
  await app.expectArticle(first.title);
  await page.goBack();
  await expect(app.articleLink(first.title)).toBeVisible();
  // The pre-rendered page carried the list, and going back serves it from memory.
  expect(listRequests).toHaveLength(0);
});

test.describe('in a page the app rendered itself', () => {
  // Clicked before hydration, a link on a pre-rendered page loads the next page from the host
  // and no article request is ever made: this test starts from the plain shell (fixtures.ts).
  test.use({ prerendered: false });

  test('navigating away aborts the article request still in flight', async ({ page, app, api }) => {
    const feed = await api.feed(1);
    const target = feed.items[0];
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route(`**/api/articles/${target.id}.json`, async (route) => {
      await held;
      await route.continue().catch(() => {});
    });
    // Well inside the app's own 15 s request timeout, which would also abort it.
    const failed = page.waitForEvent('requestfailed', {
      predicate: (r) => r.url().endsWith(`/articles/${target.id}.json`),
      timeout: 5_000,
    });

    await app.gotoHome();
    await app.articleLink(target.title).click();
    await expect(app.loading).toBeVisible();
    await app.navLink('科普知识').click();
    await expect(page.getByRole('heading', { level: 1, name: '科普知识' })).toBeVisible();
    const request = await failed;
    expect(request.failure()?.errorText).toContain('ABORTED');
    release();
  });
});

test('hovering an article link prefetches it, so opening it makes no request', async ({ page, app, api }) => {
  const feed = await api.feed(1);
  const target = feed.items[1];
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith(`/api/articles/${target.id}.json`)) requests.push(r.url());
  });
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  const prefetched = page.waitForResponse((r) => r.url().endsWith(`/api/articles/${target.id}.json`));
  await app.articleLink(target.title).hover();
  await prefetched;
  await app.articleLink(target.title).click();
  await app.expectArticle(target.title);
  expect(requests).toHaveLength(1);
});
