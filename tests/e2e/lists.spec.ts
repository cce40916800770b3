import { test, expect } from './fixtures';
import { COLUMNS, PAGE_SIZE, articlePath, columnBySlug, escapeRegExp, expectLinkTarget, groupDigits } from './pages';

test.describe('home list', () => {
  test('shows page 1 of the newest articles with their details and the pagination', async ({ app, api, page }) => {
    const feed = await api.feed(1);
    expect(feed.items).toHaveLength(PAGE_SIZE);
    expect(feed._news.total_pages, 'the sample should give the home feed ≥ 5 pages').toBeGreaterThanOrEqual(5);

    await app.gotoHome();
    await app.expectListPage('最新文章', 1, feed.items.map((item) => item.title));
    await expect(app.navLink('首页')).toHaveAttribute('aria-current', 'page');
    await expect(app.articleItems).toHaveCount(feed.items.length);

    for (const item of feed.items) {
      const entry = app.articleItem(item.title);
      const link = entry.getByRole('heading', { level: 2 }).getByRole('link', { name: item.title, exact: true });
      await expectLinkTarget(link, new RegExp(`^${escapeRegExp(articlePath(item.id))}$`));
      await expect(entry).toContainText(item.date_published.slice(0, 10));
      await expect(entry).toContainText(columnBySlug(item._news.category).name);
      if (item._news.views !== undefined) {
        await expect(entry).toContainText(new RegExp(`浏览\\s*${groupDigits(item._news.views)}\\s*次`));
      }
      const lead = (item.summary ?? '').trim() || item.content_text.trim();
      if (lead) await expect(entry).toContainText(lead.slice(0, 8));
    }

    const { total_pages: totalPages, total_items: totalItems } = feed._news;
    await expect(page.getByText(new RegExp(`共\\s*${totalPages}\\s*页`)).first()).toBeVisible();
    await expect(page.getByText(new RegExp(`共\\s*${groupDigits(totalItems)}\\s*篇`)).first()).toBeVisible();
    await expect(app.pageLink(2)).toBeVisible();
    await expect(app.pageLink(2)).not.toHaveAttribute('aria-current', 'page');
    await expect(app.nextPageLink).toBeVisible();
  });

  test('下一页 and 上一页 move between pages and update the URL', async ({ app, api, page }) => {
    const feed1 = await api.feed(1);
    const feed2 = await api.feed(2);

    await app.gotoHome();
    await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));

    await app.nextPageLink.click();
    await expect(page).toHaveURL((url) => url.pathname === '/page/2' && url.search === '');
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
    await expect(app.pageLink(1)).not.toHaveAttribute('aria-current', 'page');

    await app.prevPageLink.click();
    await expect(page).toHaveURL((url) => url.pathname === '/' && ['', '?page=1'].includes(url.search));
    await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));
  });

  test('a page deep link shows that page, also after a reload', async ({ app, api, page }) => {
    const feed3 = await api.feed(3);
    await app.gotoHome(3);
    await app.expectListPage('最新文章', 3, feed3.items.map((item) => item.title));
    await page.reload();
    await app.expectListPage('最新文章', 3, feed3.items.map((item) => item.title));
  });

  test('browser back and forward move between list pages', async ({ app, api, page }) => {
    const feed1 = await api.feed(1);
    const feed2 = await api.feed(2);
    await app.gotoHome();
    await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));
    await app.pageLink(2).click();
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
    await page.goBack();
    await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));
    await page.goForward();
    await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  });
});

test.describe('column lists', () => {
  for (const column of COLUMNS) {
    test(`${column.name} (/category/${column.slug}) pages through its articles`, async ({ app, api, page }) => {
      const page1 = await api.category(column.slug, 1);
      const page2 = await api.category(column.slug, 2);
      expect(page1._news.total_pages, 'each column should have ≥ 2 pages').toBeGreaterThanOrEqual(2);

      await app.gotoCategory(column.slug);
      await app.expectListPage(column.name, 1, page1.items.map((item) => item.title));
      await expect(app.navLink(column.name)).toHaveAttribute('aria-current', 'page');
      await expect(app.navLink('首页')).not.toHaveAttribute('aria-current', 'page');
      for (const item of page1.items) {
        await expect(app.articleItem(item.title)).toContainText(column.name);
      }
      await expect(page.getByText(new RegExp(`共\\s*${page1._news.total_pages}\\s*页`)).first()).toBeVisible();
      await expect(
        page.getByText(new RegExp(`共\\s*${groupDigits(page1._news.total_items)}\\s*篇`)).first(),
      ).toBeVisible();

      await app.pageLink(2).click();
      await expect(page).toHaveURL(
        (url) => url.pathname === `/category/${column.slug}/page/2` && url.search === '',
      );
      await app.expectListPage(column.name, 2, page2.items.map((item) => item.title));
      await expect(app.navLink(column.name)).toHaveAttribute('aria-current', 'page');
    });
  }
});

test.describe('bad page numbers', () => {
  for (const bad of ['0', '-1', 'abc']) {
    test(`/page/${bad} shows page 1`, async ({ app, api }) => {
      const feed1 = await api.feed(1);
      await app.gotoHome(bad);
      await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));
    });
  }

  test('/category/notices/page/abc shows page 1 of the column', async ({ app, api }) => {
    const page1 = await api.category('notices', 1);
    await app.gotoCategory('notices', 'abc');
    await app.expectListPage('通知公告', 1, page1.items.map((item) => item.title));
  });

  test('/page/99999 says there is no such page and links back to page 1', async ({ app, api, page }) => {
    const feed1 = await api.feed(1);
    await app.gotoHome(99999);
    await expect(page.getByRole('heading', { name: '没有这一页', exact: true })).toBeVisible();
    await expect(app.loadError).toHaveCount(0);

    await page.getByRole('link', { name: '返回第一页', exact: true }).click();
    await expect(page).toHaveURL((url) => url.pathname === '/' && ['', '?page=1'].includes(url.search));
    await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));
  });

  test('/category/science/page/99999 says there is no such page and links back to page 1', async ({
    app,
    api,
    page,
  }) => {
    const page1 = await api.category('science', 1);
    await app.gotoCategory('science', 99999);
    await expect(page.getByRole('heading', { name: '没有这一页', exact: true })).toBeVisible();

    await page.getByRole('link', { name: '返回第一页', exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/category/science$`));
    await app.expectListPage('科普知识', 1, page1.items.map((item) => item.title));
  });
});

test('the list heading links open the article', async ({ app, api, page }) => {
  const feed1 = await api.feed(1);
  const first = feed1.items[0];
  await app.gotoHome();
  await app.articleLink(first.title).click();
  await expect(page).toHaveURL(new RegExp(`${escapeRegExp(articlePath(first.id))}$`));
  await app.expectArticle(first.title);
});
