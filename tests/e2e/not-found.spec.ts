import { test, expect } from './fixtures';
import { expectLinkTarget } from './pages';

const MISSING = [
  { what: 'an unknown article id', path: '/articles/no-such-article-xyz' },
  { what: 'an unknown path', path: '/no/such/page' },
  { what: 'an invalid article id', path: '/articles/..%2Fetc' },
];

for (const { what, path } of MISSING) {
  test(`${what} (${path}) shows the not-found view and the header still works`, async ({ app, page }) => {
    await page.goto(path);
    await app.expectNotFound();

    // The chrome is still there and working.
    await expectLinkTarget(app.homeLink, /^\/$/);
    await app.navLink('通知公告').click();
    await expect(page).toHaveURL((url) => url.pathname === '/category/notices');
    await expect(app.h1).toHaveText('通知公告');
    await expect(app.articleLinks.first()).toBeVisible();
  });
}

test('返回首页 on the not-found view goes home', async ({ app, page }) => {
  await page.goto('/no/such/page');
  await app.expectNotFound();
  await page.getByRole('link', { name: '返回首页', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === '/');
  await expect(app.h1).toHaveText('最新文章');
  await expect(app.articleLinks.first()).toBeVisible();
});
