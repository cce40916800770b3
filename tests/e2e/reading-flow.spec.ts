import { test, expect } from './fixtures';
import { articleIdOf, articlePath, documentTitle, escapeRegExp } from './pages';

// A viewport short enough that a page of ten articles always scrolls.
test.use({ viewport: { width: 1280, height: 600 } });

test('home → page 2 → article → related article → back to the list at the same scroll → a column', async ({
  app,
  api,
  page,
}) => {
  const feed1 = await api.feed(1);
  const feed2 = await api.feed(2);

  // An article on page 2, preferably low on the page, that has related articles.
  const { item: picked } = await api.findArticle((article) => (article._news.related ?? []).length > 0, {
    pages: [2],
    order: [6, 7, 5, 8, 4, 9, 3, 2, 1, 0],
  });

  // Home, page 1.
  await app.gotoHome();
  await app.expectListPage('最新文章', 1, feed1.items.map((item) => item.title));

  // Pagination → 第 2 页.
  await app.pageLink(2).click();
  await expect(page).toHaveURL((url) => url.pathname === '/page/2' && url.search === '');
  await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  await expect(app.pageLink(1)).not.toHaveAttribute('aria-current', 'page');

  // Scroll down so that the picked article sits in the middle of the viewport.
  const link = app.articleLink(picked.title);
  const target = await app.centreScrollFor(link);
  expect(target, 'page 2 of the home list should be tall enough to scroll').toBeGreaterThan(50);
  await app.scrollTo(target);
  await expect(link).toBeInViewport({ ratio: 1 });
  const scrolledTo = await app.scrollY();

  // Open the article.
  await link.click();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(picked.id));
  await app.expectArticle(picked.title);
  await expect(page).toHaveTitle(documentTitle(picked.title));

  // Follow a related article.
  const relatedLink = app.relatedLinks.first();
  await expect(relatedLink).toBeVisible();
  const relatedId = await articleIdOf(relatedLink);
  const related = await api.article(relatedId);
  await relatedLink.click();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(relatedId));
  await app.expectArticle(related.title);

  // 返回列表 → the list page the reader came from, scrolled back to where it was.
  await app.backToList.click();
  await expect(page).toHaveURL((url) => url.pathname === '/page/2' && url.search === '');
  await app.expectListPage('最新文章', 2, feed2.items.map((item) => item.title));
  await expect
    .poll(async () => Math.abs((await app.scrollY()) - scrolledTo), {
      message: `window.scrollY should return to ${scrolledTo} (±5 px)`,
    })
    .toBeLessThanOrEqual(5);

  // A column from the 栏目 navigation.
  const column = { slug: 'enforcement', name: '执法动态' };
  await app.navLink(column.name).click();
  await expect(page).toHaveURL(new RegExp(`/category/${escapeRegExp(column.slug)}$`));
  await expect(app.h1).toHaveText(column.name);
  await expect(app.navLink(column.name)).toHaveAttribute('aria-current', 'page');
  await expect(app.navLink('首页')).not.toHaveAttribute('aria-current', 'page');
  await expect(app.articleLinks.first()).toBeVisible();
});
