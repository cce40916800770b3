// Search: the header box, the results page and its states. The expected result sets come from
// the labelled query set (tests/search/queries.toml) that `cargo test` checks against the text.

import { readFileSync } from 'node:fs';
import { test, expect } from './fixtures';
import { documentTitle, groupDigits, holdHydration, hydrationHeld, releaseHydration, waitForHydration } from './pages';

/** The labelled queries: q → the ids of the articles that contain it. */
function labelled(): Map<string, string[]> {
  const text = readFileSync(new URL('../search/queries.toml', import.meta.url), 'utf8');
  const queries = new Map<string, string[]>();
  for (const block of text.split('[[query]]').slice(1)) {
    const q = JSON.parse(/^q = (".*")$/m.exec(block)![1]) as string;
    const expect = /expect = \[([^\]]*)\]/m.exec(block)![1];
    queries.set(q, [...expect.matchAll(/"([^"]+)"/g)].map((m) => m[1]));
  }
  return queries;
}

const LABELLED = labelled();

function expected(q: string): string[] {
  const ids = LABELLED.get(q);
  if (!ids) throw new Error(`${q} is not in queries.toml`);
  return ids;
}

test('the header box searches; the results match the labelled set, marked', async ({ app, page, api }) => {
  await app.gotoHome();
  await app.search('冷链');
  await expect(page).toHaveURL(/\/search\?q=%E5%86%B7%E9%93%BE$/);
  await expect(app.h1).toHaveText('搜索：冷链');
  await expect(page).toHaveTitle(documentTitle('搜索：冷链'));
  const ids = expected('冷链');
  await expect(page.getByRole('status').filter({ hasText: `找到 ${ids.length} 篇文章` })).toBeVisible();
  await expect(app.resultLinks).toHaveCount(ids.length);
  const titles = await Promise.all(ids.map(async (id) => (await api.article(id)).title));
  for (const title of titles) {
    await expect(app.resultLinks.filter({ hasText: title })).toHaveCount(1);
  }
  // Every result shows the query marked in its title or snippet.
  for (const item of await app.searchResults.getByRole('listitem').all()) {
    await expect(item.locator('mark').first()).toHaveText('冷链');
  }
  await expect(app.searchBox).toHaveValue('冷链');
});

test('results open the article; back returns to the same results', async ({ app, page, api }) => {
  await page.goto('/search?q=' + encodeURIComponent('米酵菌酸'));
  const [id] = expected('米酵菌酸');
  const article = await api.article(id);
  await app.resultLinks.first().click();
  await app.expectArticle(article.title);
  await page.goBack();
  await expect(app.h1).toHaveText('搜索：米酵菌酸');
  await expect(app.resultLinks).toHaveText([article.title]);
});

test('the shapes a word segmenter gets wrong are found', async ({ app, page }) => {
  for (const q of ['每个月都', 'ＨＡＣＣＰ体系', '食物安全檢驗', '菜', 'ISO　２２０００']) {
    await page.goto('/search?q=' + encodeURIComponent(q));
    const n = expected(q).length;
    await expect(page.getByRole('status').filter({ hasText: `找到 ${groupDigits(n)} 篇文章` })).toBeVisible();
    await expect(app.resultLinks).toHaveCount(Math.min(n, 10));
  }
});

test('the column filter and pages live in the URL and survive reload and back', async ({ app, page }) => {
  const all = expected('食品安全');
  expect(all.length, 'the sample needs more than one page of 食品安全').toBeGreaterThan(10);
  await page.goto('/search?q=' + encodeURIComponent('食品安全'));
  await expect(app.columnFilter.getByRole('link', { name: `全部栏目（${all.length}）` })).toHaveAttribute(
    'aria-current',
    'page',
  );
  await app.pageLink(2).click();
  await expect(page).toHaveURL(/page=2/);
  await expect(app.pageLink(2)).toHaveAttribute('aria-current', 'page');
  const secondPage = await app.resultLinks.allTextContents();
  await page.reload();
  await expect(app.resultLinks).toHaveText(secondPage);

  const science = app.columnFilter.getByRole('link', { name: /^科普知识（\d+）$/ });
  const count = Number(/（(\d+)）/.exec((await science.textContent()) ?? '')![1]);
  await science.click();
  await expect(page).toHaveURL(/column=science/);
  await expect(science).toHaveAttribute('aria-current', 'page');
  await expect(page.getByRole('status').filter({ hasText: `找到 ${count} 篇文章` })).toBeVisible();
  await expect(app.searchResults.getByRole('listitem')).toHaveCount(Math.min(count, 10));
  for (const item of await app.searchResults.getByRole('listitem').all()) {
    await expect(item).toContainText('科普知识');
  }
  await page.goBack();
  await expect(page).toHaveURL(/page=2/);
  await expect(app.resultLinks).toHaveText(secondPage);
});

test('"/" focuses the search box, except while typing in it', async ({ app, page }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  // The shortcut is the app's: it listens once it has started.
  await waitForHydration(page);
  await page.keyboard.press('/');
  await expect(app.searchBox).toBeFocused();
  await page.keyboard.type('a/b');
  await expect(app.searchBox).toHaveValue('a/b');
});

test('no query, no results and markup in the query each get a clear page', async ({ app, page }) => {
  await page.goto('/search');
  await expect(app.h1).toHaveText('搜索');
  await expect(page.getByText('在上方搜索框输入关键词')).toBeVisible();

  await app.search('量子计算');
  await expect(page.getByText('没有找到包含“量子计算”的文章')).toBeVisible();
  await expect(app.searchResults).toHaveCount(0);

  const markup = '<img src=x onerror="window.__xss=1">';
  await page.goto('/search?q=' + encodeURIComponent(markup));
  await expect(app.h1).toHaveText(`搜索：${markup}`);
  await expect(page.locator('main img')).toHaveCount(0);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
});

test('a site without a search index says search is not available', async ({ app, page }) => {
  await page.route('**/api/search/manifest.json', (route) => route.fulfill({ status: 404, body: 'not found' }));
  await page.goto('/search?q=' + encodeURIComponent('冷链'));
  await expect(page.getByText('本站暂未提供搜索')).toBeVisible();
  await expect(app.h1).toHaveText('搜索：冷链');
});

test('a file the index names but the host lacks is unreadable data, not "no search"', async ({ app, page }) => {
  await page.route('**/api/search/chunks/*', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/search?q=' + encodeURIComponent('冷链'));
  await app.expectLoadError('内容无法读取');
  await expect(page.getByText('本站暂未提供搜索')).toHaveCount(0);
});

test('an index that fails to load shows the error, and retry recovers', async ({ app, page }) => {
  await page.route('**/api/search/manifest.json', (route) => route.fulfill({ status: 503, body: 'down' }));
  await page.goto('/search?q=' + encodeURIComponent('冷链'));
  await app.expectLoadError('服务器出错（HTTP 503）');
  await page.unroute('**/api/search/manifest.json');
  await app.retryButton.click();
  await expect(app.resultLinks).toHaveCount(expected('冷链').length);

  // A corrupt chunk is unreadable data, not a panic or an empty result.
  await page.route('**/api/search/chunks/*', (route) =>
    route.fulfill({ status: 200, body: Buffer.from([0xff, 0xff, 0xff]) }),
  );
  await page.goto('/search?q=' + encodeURIComponent('米酵菌酸'));
  await app.expectLoadError('内容无法读取');
});

test('a search worker that cannot load is a network error, and retry starts it again', async ({ app, page }) => {
  // The engine runs in a worker of its own (src/bin/search-worker.rs), loaded at the first search.
  await page.route('**/search-worker_bg.wasm', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto('/search?q=' + encodeURIComponent('冷链'));
  await app.expectLoadError('网络连接失败');
  await page.unroute('**/search-worker_bg.wasm');
  await app.retryButton.click();
  await expect(app.resultLinks).toHaveCount(expected('冷链').length);
});

test('a search worker of another build fails the query at once, as unreadable data', async ({ app, page }) => {
  // A worker whose answers this page cannot read: a deploy changed the files since the page loaded.
  await page.route('**/search-loader.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: "self.onmessage = () => self.postMessage(JSON.stringify({ version: 2, results: [] }));",
    }),
  );
  await page.goto('/search?q=' + encodeURIComponent('冷链'));
  await app.expectLoadError('内容无法读取');
});

test('the search worker starts loading when the search box gets focus', async ({ app, page }) => {
  await app.gotoHome();
  await waitForHydration(page);
  const worker = page.waitForRequest('**/search-worker_bg.wasm');
  await app.searchBox.focus();
  await worker;
});

test('what the reader types while the page hydrates stays in the box', async ({ app, page }) => {
  await holdHydration(page);
  await app.gotoHome();
  await hydrationHeld(page);
  await app.searchBox.fill('冷链');
  await releaseHydration(page);
  await waitForHydration(page);
  await expect(app.searchBox).toHaveValue('冷链');
  await app.searchBox.press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E5%86%B7%E9%93%BE$/);
});

test('before the app has started, the header box still opens the search page', async ({ app, page }) => {
  // Without the app the browser submits the form itself.
  await page.route('**/boot-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await app.gotoHome();
  await page.getByRole('searchbox', { name: '搜索文章' }).fill('冷链');
  await page.getByRole('searchbox', { name: '搜索文章' }).press('Enter');
  await expect(page).toHaveURL(/\/search\?q=%E5%86%B7%E9%93%BE$/);
  await page.unroute('**/boot-*.js');
  await page.reload();
  await expect(app.h1).toHaveText('搜索：冷链');
});
