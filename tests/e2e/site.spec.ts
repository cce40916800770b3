import { test, expect } from './fixtures';
import { COLUMNS, documentTitle, expectLinkTarget } from './pages';

test.describe('header and footer', () => {
  test('the banner links home and the 栏目 navigation lists 首页 and every column', async ({ app, page }) => {
    await app.gotoHome();
    await expect(app.h1).toHaveText('最新文章');

    await expectLinkTarget(app.homeLink, /^\/$/);
    await expect(app.navLink('首页')).toHaveAttribute('aria-current', 'page');
    for (const column of COLUMNS) {
      await expectLinkTarget(app.navLink(column.name), new RegExp(`^/category/${column.slug}$`));
      await expect(app.navLink(column.name)).not.toHaveAttribute('aria-current', 'page');
    }

    // The site-title link goes home from anywhere.
    await app.navLink('科普知识').click();
    await expect(app.h1).toHaveText('科普知识');
    await app.homeLink.click();
    await expect(page).toHaveURL((url) => url.pathname === '/');
    await expect(app.h1).toHaveText('最新文章');
    await expect(app.navLink('首页')).toHaveAttribute('aria-current', 'page');
  });

  test('the footer links to the site map', async ({ app, page }) => {
    await app.gotoHome();
    await expect(app.h1).toHaveText('最新文章');
    await app.footer.getByRole('link', { name: '网站地图', exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/sitemap');
    await expect(app.h1).toHaveText('网站地图');
  });
});

test.describe('site map', () => {
  test('links to 首页 and every column, outside the header', async ({ app, page }) => {
    await page.goto('/sitemap');
    await expect(app.h1).toHaveText('网站地图');

    for (const name of ['首页', ...COLUMNS.map((c) => c.name)]) {
      const linksOutsideChrome = async () =>
        (await page.getByRole('link', { name, exact: true }).count()) -
        (await app.banner.getByRole('link', { name, exact: true }).count()) -
        (await app.footer.getByRole('link', { name, exact: true }).count());
      await expect
        .poll(linksOutsideChrome, { message: `the site map body should link to ${name}` })
        .toBeGreaterThan(0);
    }

    // Its column links work: follow the last 科普知识 link on the page (the header's comes first).
    await page.getByRole('link', { name: '科普知识', exact: true }).last().click();
    await expect(page).toHaveURL((url) => url.pathname === '/category/science');
    await expect(app.h1).toHaveText('科普知识');
  });

  test('reloads as a deep link', async ({ app, page }) => {
    await page.goto('/sitemap');
    await expect(app.h1).toHaveText('网站地图');
    await page.reload();
    await expect(app.h1).toHaveText('网站地图');
  });
});

test.describe('document titles', () => {
  test('home', async ({ app, page }) => {
    await app.gotoHome();
    await expect(app.h1).toHaveText('最新文章');
    await expect(page).toHaveTitle(documentTitle('最新文章'));
  });

  test('a column', async ({ app, page }) => {
    await app.gotoCategory('notices');
    await expect(app.h1).toHaveText('通知公告');
    await expect(page).toHaveTitle(documentTitle('通知公告'));
  });

  test('an article', async ({ app, api, page }) => {
    const item = (await api.feed(1)).items[0];
    await app.gotoArticle(item.id);
    await app.expectArticle(item.title);
    await expect(page).toHaveTitle(documentTitle(item.title));
  });

  test('the site map', async ({ app, page }) => {
    await page.goto('/sitemap');
    await expect(app.h1).toHaveText('网站地图');
    await expect(page).toHaveTitle(documentTitle('网站地图'));
  });

  test('titles follow in-app navigation', async ({ app, api, page }) => {
    const item = (await api.feed(1)).items[0];
    await app.gotoHome();
    await expect(page).toHaveTitle(documentTitle('最新文章'));
    await app.articleLink(item.title).click();
    await expect(page).toHaveTitle(documentTitle(item.title));
    await app.navLink('执法动态').click();
    await expect(page).toHaveTitle(documentTitle('执法动态'));
  });
});
