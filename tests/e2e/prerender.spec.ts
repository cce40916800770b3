// Pre-rendered pages (docs/prerender.md): the first HTML response already has the page, readers
// without JavaScript can read it, the app hydrates it without rebuilding it, and from then on
// navigation stays in the browser. Run against the release build (project `app`) and against a
// debug build (project `hydrate-debug`), where a hydration mismatch panics naming its `view!`.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { Api, escapeRegExp, holdHydration, hydrationHeld, releaseHydration, waitForHydration } from './pages';

/**
 * Console errors and warnings, but three notes that are not problems: Chromium's about `integrity`
 * on preloads, leptos' debug-build notice when the hydrating build renders a page afresh, and
 * Playwright's when it blocks the service worker (offline.spec.ts runs with it).
 */
function watchConsole(page: Page): string[] {
  const messages: string[] = [];
  page.on('console', (m) => {
    if (!['error', 'warning'].includes(m.type())) return;
    if (m.text().includes('`integrity` attribute is currently ignored for preload')) return;
    if (m.text().startsWith("It seems like you're trying to use Leptos in client-side rendering mode")) return;
    if (m.text() === 'Service Worker registration blocked by Playwright') return;
    messages.push(`${m.type()}: ${m.text()}`);
  });
  return messages;
}

/** The text of an article's first paragraph. */
function firstParagraphOf(article: { content_text?: string; content_html?: string }): string {
  return (article.content_text ?? article.content_html ?? '').replace(/<[^>]+>/g, '').trim().split('\n')[0];
}

test('the first HTML response has the title, the body and the meta tags', async ({ request, api, sitePath }) => {
  const item = (await api.feed(1)).items[0];
  const article = await api.article(item.id);
  const response = await request.get(`${sitePath}articles/${item.id}/`);
  expect(response.status()).toBe(200);
  const html = await response.text();
  // `<!>`: the marker hydration finds after a text node.
  expect(html).toMatch(new RegExp(`<h1 tabindex="-1" class="article__title">${escapeRegExp(article.title)}(<!>)?</h1>`));
  expect(html).toMatch(new RegExp(`<title>${escapeRegExp(article.title)} — `));
  expect(html).toContain(`<meta property="og:title" content="${article.title}">`);
  expect(html).toMatch(/<meta name="description" content="[^"]+">/);
  expect(html).toContain(firstParagraphOf(article).slice(0, 12));
  expect(html).toContain('<script type="application/json" id="page-data">');
});

test('without JavaScript, every kind of page can be read', async ({ browser, api, sitePath }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const feed = await api.feed(1);
  const item = feed.items[0];
  const checks: [string, string][] = [
    ['', '最新文章'],
    ['page/2/', '最新文章'],
    ['category/science/', '科普知识'],
    [`articles/${item.id}/`, item.title],
    ['sitemap/', '网站地图'],
  ];
  for (const [path, heading] of checks) {
    await page.goto(sitePath + path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await expect(page.getByRole('main').getByRole('link').first()).toBeVisible();
  }
  await page.goto(`${sitePath}articles/${item.id}/`);
  await expect(page.getByRole('main').getByRole('paragraph').nth(1)).not.toBeEmpty();
  // A related view is pre-rendered loading (docs/prerender.md): its heading and its way back, not
  // its list, which the app loads.
  await page.goto(`${sitePath}articles/${item.id}/related/`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`相关新闻：${item.title}`);
  await expect(page.getByRole('main').getByRole('link', { name: '返回文章' })).toBeVisible();
  await context.close();
});

for (const cpu of [1, 4]) {
  // A slow phone: hydration that only fails when the CPU is slow must fail here too.
  test(`hydration keeps the server DOM and the console clean${cpu > 1 ? `, with ${cpu}× CPU throttling` : ''}`, async ({
    page,
    api,
    sitePath,
  }) => {
    if (cpu > 1) {
      test.slow();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
    }
    await expectHydrationInPlace(page, api, sitePath);
  });
}

async function expectHydrationInPlace(page: Page, api: Api, sitePath: string): Promise<void> {
  const item = (await api.feed(1)).items[0];
  const console = watchConsole(page);
  const routes = ['', 'page/2/', 'category/science/', `articles/${item.id}/`, `articles/${item.id}/related/`, 'sitemap/'];
  for (const path of routes) {
    // Hold the wasm back until the server's <h1> is marked, so that a rebuilt page cannot pass.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/*.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(sitePath + path, { waitUntil: 'domcontentloaded' });
    await page.evaluate(() => {
      (window as unknown as { serverH1: Element | null }).serverH1 = document.querySelector('h1');
    });
    release();
    await waitForHydration(page);
    const same = await page.evaluate(
      () => (window as unknown as { serverH1: Element | null }).serverH1 === document.querySelector('h1'),
    );
    expect(same, `${path}: the <h1> was rebuilt`).toBe(true);
    await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
    await page.unroute('**/*.wasm');
  }
  expect(console).toEqual([]);
}

test('an article body read back from the page is shown again after leaving and coming back', async ({ page, app, api, sitePath }) => {
  const item = (await api.feed(1)).items[0];
  const article = await api.article(item.id);
  const fetched: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes(`/articles/${item.id}.json`)) fetched.push(r.url());
  });
  await page.goto(`${sitePath}articles/${item.id}/`);
  await waitForHydration(page);
  const paragraphs = page.getByRole('main').getByRole('article').getByRole('paragraph');
  const text = await paragraphs.allInnerTexts();
  expect(text.join('\n')).toContain(firstParagraphOf(article).slice(0, 12));
  await app.navLink('首页').click();
  await app.expectListPage('最新文章', 1);
  await page.goBack();
  await app.expectArticle(article.title);
  await expect.poll(() => paragraphs.allInnerTexts()).toEqual(text);
  // The page carried the article without its body, and the body came from the page: no request.
  expect(fetched).toEqual([]);
});

test('a pre-rendered related view loads its list, and after a failure 重试 under its heading does', async ({ page, app, api, sitePath }) => {
  const { article } = await api.findArticle((a) => (a._news.related ?? []).length > 0);
  const articles = '**/api/articles/*.json';
  await page.route(articles, (route) => route.abort());
  await page.goto(`${sitePath}articles/${article.id}/related/`);
  await waitForHydration(page);
  await app.expectLoadError('网络连接失败');
  await expect(app.h1).toHaveText(`相关新闻：${article.title}`);
  const heading = await app.h1.elementHandle();
  await page.unroute(articles);
  await app.retryButton.click();
  for (const related of article._news.related ?? []) {
    await expect(page.getByRole('main').getByRole('link', { name: related.title, exact: true })).toBeVisible();
  }
  await expect(app.loadError).toHaveCount(0);
  await expect(app.h1).toHaveText(`相关新闻：${article.title}`);
  // The heading stayed as it was while the list arrived.
  expect(await page.evaluate((h1) => h1?.isConnected, heading)).toBe(true);
});

test('after hydration, navigation stays in the browser', async ({ page, app, api, sitePath }) => {
  const feed = await api.feed(1);
  const console = watchConsole(page);
  await page.goto(sitePath);
  await app.expectListPage('最新文章', 1);
  const documents: string[] = [];
  page.on('request', (r) => {
    if (r.resourceType() === 'document') documents.push(r.url());
  });
  await waitForHydration(page);

  await app.articleLink(feed.items[1].title).click();
  await app.expectArticle(feed.items[1].title);
  await page.getByRole('link', { name: '相关新闻', exact: false }).last().click();
  await expect(app.h1).toHaveText(`相关新闻：${feed.items[1].title}`);
  await app.navLink('科普知识').click();
  await app.expectListPage('科普知识', 1);
  await page.goBack();
  await page.goBack();
  await app.expectArticle(feed.items[1].title);
  expect(documents).toEqual([]);
  expect(console).toEqual([]);
});

test('a link followed while the page still hydrates loads its page, and hydration ends cleanly', async ({ page, app, api, sitePath }) => {
  await holdHydration(page);
  const feed = await api.feed(1);
  const console = watchConsole(page);
  await page.goto(sitePath);
  await hydrationHeld(page);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  const article = page.waitForRequest((r) => r.resourceType() === 'document' && r.url().includes(feed.items[1].id));
  await app.articleLink(feed.items[1].title).click();
  await article;
  await app.expectArticle(feed.items[1].title);
  // A new document: the router did not take the click.
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBeUndefined();
  await releaseHydration(page);
  await waitForHydration(page);
  expect(console).toEqual([]);
});

/** The listeners on `window`, by event type (the DevTools protocol sees them all). */
async function windowListeners(page: Page): Promise<Record<string, number>> {
  const cdp = await page.context().newCDPSession(page);
  const { result } = await cdp.send('Runtime.evaluate', { expression: 'window' });
  const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! });
  await cdp.detach();
  const counts: Record<string, number> = {};
  for (const listener of listeners) counts[listener.type] = (counts[listener.type] ?? 0) + 1;
  return counts;
}

test('buttons pressed while the page hydrates are pressed once it has, each once', async ({ page, app, sitePath }) => {
  await holdHydration(page);
  await page.goto(sitePath);
  await hydrationHeld(page);
  const theme = app.banner.getByRole('button', { name: '深色模式' });
  // Pressed twice, as a reader does when nothing happens: meant once.
  await theme.click();
  await theme.click();
  await app.banner.getByRole('button', { name: 'English' }).click();
  await expect(theme).toHaveAttribute('aria-pressed', 'false');
  await releaseHydration(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Latest articles' })).toBeVisible();
  await expect(app.banner.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
});

test('rendering the hydrated page again leaves none of its listeners behind', async ({ page, app, sitePath }) => {
  await page.goto(sitePath);
  await waitForHydration(page);
  const hydrated = await windowListeners(page);
  // A language switch renders the whole reader again; twice brings the page back as it was.
  await app.banner.getByRole('button', { name: 'English' }).click();
  await expect(app.banner.getByRole('button', { name: '中文' })).toBeVisible();
  await app.banner.getByRole('button', { name: '中文' }).click();
  await expect(app.banner.getByRole('button', { name: 'English' })).toBeVisible();
  await expect.poll(() => windowListeners(page)).toEqual(hydrated);
});

test('a page served for another route is rendered afresh, not hydrated', async ({ page, app, sitePath }) => {
  const console = watchConsole(page);
  // The older `?page=2` form: hosts answer it with the pre-rendered first page.
  await page.goto(`${sitePath}?page=2`);
  await app.expectListPage('最新文章', 2);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  expect(console).toEqual([]);
});
