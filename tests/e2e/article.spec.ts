import { test, expect } from './fixtures';
import { type ArticleDoc, articlePath, columnBySlug, documentTitle, escapeRegExp, expectLinkTarget, groupDigits } from './pages';

/** A short piece of the article body as plain text, if one can be told from the data. */
function bodySnippet(article: ArticleDoc): string | undefined {
  if (article.content_html) {
    const paragraph = /<p[^>]*>([^<&]{6,})/i.exec(article.content_html);
    return paragraph?.[1].trim().slice(0, 6) || undefined;
  }
  const text = article.content_text?.trim();
  return text ? text.split(/\s+/)[0].slice(0, 6) : undefined;
}

/** "2024-05-01T08:30:00+08:00" → "2024-05-01 08:30:00" (shown in the offset the data gives). */
function shownTimestamp(rfc3339: string): string {
  return `${rfc3339.slice(0, 10)} ${rfc3339.slice(11, 19)}`;
}

test('an article shows its title, time, views, source, body, related news and neighbours', async ({
  app,
  api,
  page,
}) => {
  const { article } = await api.findArticle(
    (a) => (a._news.related ?? []).length > 0 && !!a._news.prev && !!a._news.next,
  );
  const column = columnBySlug(article._news.category);

  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  await expect(page).toHaveTitle(documentTitle(article.title));

  // Breadcrumb: 首页 › column.
  await expect(app.breadcrumb.getByRole('link', { name: '首页', exact: true })).toBeVisible();
  await expectLinkTarget(
    app.breadcrumb.getByRole('link', { name: column.name, exact: true }),
    new RegExp(`^/category/${column.slug}$`),
  );

  // Meta: the time, the view count and the source.
  const time = page.getByRole('time').filter({ hasText: /^\s*\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\s*$/ }).first();
  await expect(time).toHaveText(shownTimestamp(article.date_published));
  await expect(page.getByText('浏览次数').first()).toBeVisible();
  if (article._news.views !== undefined) {
    const views = article._news.views;
    await expect(
      page.getByText(new RegExp(`浏览次数[:：\\s]*(${groupDigits(views)}|${views})(?!\\d)`)).first(),
    ).toBeVisible();
  }
  await expect(page.getByText(/来源/).first()).toBeVisible();
  if (article._news.source) {
    await expect(
      page.getByText(new RegExp(`来源[:：\\s]*${escapeRegExp(article._news.source)}`)).first(),
    ).toBeVisible();
  }

  // Body.
  const snippet = bodySnippet(article);
  if (snippet) await expect(page.getByText(snippet).first()).toBeVisible();

  // 相关新闻.
  await expect(app.related).toBeVisible();
  for (const ref of article._news.related ?? []) {
    await expectLinkTarget(
      app.related.getByRole('link', { name: ref.title, exact: true }).first(),
      new RegExp(`^${escapeRegExp(articlePath(ref.id))}$`),
    );
  }
  await expectLinkTarget(app.allRelatedLink, new RegExp(`^${escapeRegExp(articlePath(article.id))}/related$`));

  // 上一篇 / 下一篇.
  const prev = article._news.prev!;
  const next = article._news.next!;
  const prevLink = app.adjacentNav.getByRole('link', { name: /^上一篇/ });
  const nextLink = app.adjacentNav.getByRole('link', { name: /^下一篇/ });
  await expect(prevLink).toContainText(prev.title);
  await expect(nextLink).toContainText(next.title);

  await nextLink.click();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(next.id));
  await app.expectArticle(next.title);

  await page.goBack();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(article.id));
  await app.expectArticle(article.title);

  await prevLink.click();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(prev.id));
  await app.expectArticle(prev.title);
});

test('reloading an article deep link shows the article', async ({ app, api, page }) => {
  const feed = await api.feed(1);
  const item = feed.items[1] ?? feed.items[0];

  await page.goto(articlePath(item.id));
  await app.expectArticle(item.title);

  await page.reload();
  await app.expectArticle(item.title);
  await expect(page).toHaveURL((url) => url.pathname === articlePath(item.id));
});

test('返回列表 after a direct visit goes to the article’s column', async ({ app, api, page }) => {
  const feed = await api.feed(1);
  const item = feed.items[0];
  const column = columnBySlug(item._news.category);

  await app.gotoArticle(item.id);
  await app.expectArticle(item.title);
  await app.backToList.click();
  await expect(page).toHaveURL((url) => url.pathname === `/category/${column.slug}`);
  await expect(app.h1).toHaveText(column.name);
  await expect(app.articleLinks.first()).toBeVisible();
});

test('the breadcrumb column link opens the column', async ({ app, api, page }) => {
  const feed = await api.feed(1);
  const item = feed.items[2] ?? feed.items[0];
  const column = columnBySlug(item._news.category);

  await app.gotoArticle(item.id);
  await app.expectArticle(item.title);
  await app.breadcrumb.getByRole('link', { name: column.name, exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === `/category/${column.slug}`);
  await expect(app.h1).toHaveText(column.name);
});

test('查看全部相关新闻 opens the related view, and 返回文章 goes back', async ({ app, api, page }) => {
  const { article } = await api.findArticle((a) => (a._news.related ?? []).length > 0);
  const related = article._news.related ?? [];

  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);

  await app.allRelatedLink.click();
  await expect(page).toHaveURL((url) => url.pathname === `${articlePath(article.id)}/related`);
  await expect(app.h1).toHaveText(/^相关新闻/);
  await expect(app.loading).toHaveCount(0);
  for (const ref of related) {
    await expect(
      page.getByRole('listitem').getByRole('link', { name: ref.title, exact: true }).first(),
    ).toBeVisible();
  }

  // A reload of the related view works as a deep link too.
  await page.reload();
  await expect(app.h1).toHaveText(/^相关新闻/);
  await expect(page.getByRole('link', { name: related[0].title, exact: true }).first()).toBeVisible();

  await page.getByRole('link', { name: '返回文章', exact: true }).click();
  await expect(page).toHaveURL((url) => url.pathname === articlePath(article.id));
  await app.expectArticle(article.title);
});
