// 浏览次数 that counts: with `goatcounter` in config.json, each article shown to a reader sends one
// view to GoatCounter and shows the data's number plus GoatCounter's count (docs/view-counter.md),
// against the stub of goatcounter.ts.

import { test, expect, withLoopbackCounter } from './goatcounter';
import { type Api, articleIdOf, articlePath, groupDigits, waitForHydration } from './pages';

test.use(withLoopbackCounter);

/** Where readers arrive from in these tests. */
const SEARCH_ENGINE = 'https://search.example/?q=食品安全';

function viewsText(views: number): RegExp {
  return new RegExp(`浏览次数[:：\\s]*${groupDigits(views)}(?!\\d)`);
}

/** An article of the home page's first page with views and related articles. */
async function articleWithViews(api: Api) {
  const { article } = await api.findArticle(
    (a) => (a._news.views ?? 0) > 0 && (a._news.related ?? []).length > 0,
    { pages: [1] },
  );
  return { article, views: article._news.views ?? 0 };
}

test('a pre-rendered article counts one view and shows its views plus GoatCounter’s', async ({ page, app, api, goatcounter }) => {
  const { article, views } = await articleWithViews(api);
  goatcounter.counts.set(articlePath(article.id), '1\u202f234');
  await page.goto(articlePath(article.id), { referer: SEARCH_ENGINE });
  await app.expectArticle(article.title);
  await expect(page.getByText(viewsText(views + 1234))).toBeVisible();
  await expect.poll(() => goatcounter.hits.length).toBe(1);
  const [width, referrer] = await page.evaluate(() => [String(window.screen.width), document.referrer]);
  expect(referrer, 'the browser keeps where the reader came from').toContain('search.example');
  expect(goatcounter.hits[0]).toEqual({
    method: 'POST',
    p: articlePath(article.id),
    t: article.title,
    r: referrer,
    s: width,
    ns: '1',
  });
  // Nothing more: not when the theme is switched twice (waitForHydration does), not on a wait.
  await waitForHydration(page);
  expect(goatcounter.hits).toHaveLength(1);
});

test('in-app reading counts each article shown once: lists, prefetches and a language switch count nothing', async ({ page, app, api, goatcounter }) => {
  const { article } = await articleWithViews(api);
  await page.goto('/', { referer: SEARCH_ENGINE });
  await waitForHydration(page);
  const link = app.articleLink(article.title);
  await link.hover();
  await link.focus();
  await link.click();
  await app.expectArticle(article.title);
  await expect.poll(() => goatcounter.hits.map((h) => h.p)).toEqual([articlePath(article.id)]);
  expect(goatcounter.hits[0].r, 'the search engine led to the list, not to this article').toBe('');

  await app.banner.getByRole('button', { name: 'English' }).click();
  await expect(page.getByText(/^Views/).first()).toBeVisible();
  await app.banner.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText(/^浏览次数/).first()).toBeVisible();

  const related = app.relatedLinks.first();
  const relatedId = await articleIdOf(related);
  await related.click();
  await app.expectArticle((await api.article(relatedId)).title);
  await page.goBack();
  await app.expectArticle(article.title);
  await expect.poll(() => goatcounter.hits.map((h) => h.p)).toEqual([
    articlePath(article.id),
    articlePath(relatedId),
    articlePath(article.id),
  ]);
  await page.goBack();
  await app.expectListPage('最新文章', 1);
  expect(goatcounter.hits, 'the list counts nothing').toHaveLength(3);
});

for (const [name, mode] of [
  ['has never counted the path (404)', 'counts'],
  ['has the visitor counter turned off (403)', 'forbidden'],
  ['answers something else', 'garbage'],
  ['does not answer', 'stall'],
] as const) {
  test(`when GoatCounter ${name}, the data's number stays, with no message`, async ({ page, app, api, goatcounter }) => {
    goatcounter.mode = mode;
    const messages: string[] = [];
    page.on('console', (m) => {
      // The browser's own line for a 4xx answer is not the app's and cannot be silenced; the
      // service worker is blocked here, which Playwright reports.
      const theirs = m.text().startsWith('Failed to load resource') || m.text() === 'Service Worker registration blocked by Playwright';
      if (!theirs) messages.push(`${m.type()}: ${m.text()}`);
    });
    const { article, views } = await articleWithViews(api);
    // The answer, or for the stall the app's own timeout (3 s) aborting the request.
    const counted =
      mode === 'stall'
        ? page.waitForEvent('requestfailed', { predicate: (r) => r.url().includes('/counter/') })
        : page.waitForResponse((r) => r.url().includes('/counter/'));
    await app.gotoArticle(article.id);
    await app.expectArticle(article.title);
    await counted;
    await expect.poll(() => goatcounter.hits.length).toBe(1);
    await expect(page.getByText(viewsText(views))).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
    expect(messages).toEqual([]);
  });
}
