// Reading comfort: themes, focus after navigation, the skip link, print, and small screens.

import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import { waitForHydration } from './pages';

test('the theme toggle switches to dark, is remembered, and dark passes axe', async ({ page, app }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  const toggle = app.banner.getByRole('button', { name: '深色模式' });
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');
  // The switch is the app's: it works once the app has started.
  await waitForHydration(page);
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');

  await page.reload();
  await app.expectListPage('最新文章', 1);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(app.banner.getByRole('button', { name: '深色模式' })).toHaveAttribute('aria-pressed', 'true');
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  // A click before the app has started does nothing: click until it has.
  await expect(async () => {
    await app.banner.getByRole('button', { name: '深色模式' }).click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light', { timeout: 500 });
  }).toPass({ timeout: 20_000 });
});

test('the system dark preference is followed until the reader chooses', async ({ page, app }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  await expect(app.banner.getByRole('button', { name: '深色模式' })).toHaveAttribute('aria-pressed', 'true');
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 23)');
});

test('after an in-app navigation the new page heading has the focus and is announced', async ({ page, app }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  const first = app.articleLinks.first();
  const title = (await first.textContent())?.trim() ?? '';
  await first.click();
  await app.expectArticle(title);
  await expect(app.h1).toBeFocused();
  await expect(page.locator('[aria-live="polite"]')).toHaveText(title);

  await app.navLink('科普知识').click();
  await expect(app.h1).toHaveText('科普知识');
  await expect(app.h1).toBeFocused();
});

test('the skip link moves the focus to the main content without leaving the page', async ({ page, app }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  await page.goto('/sitemap');
  await expect(app.h1).toHaveText('网站地图');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: '跳到正文' });
  await expect(skip).toBeFocused();
  // The page's own path, so that it works before hydration too (a bare "#main" would resolve
  // against <base href> to the home page).
  await expect(skip).toHaveAttribute('href', '/sitemap#main');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toBeFocused();
  await expect(page).toHaveURL((url) => url.pathname === '/sitemap');
});

test('an article prints as its text: title, time and source, no navigation', async ({ page, app, api }) => {
  const { article } = await api.findArticle((a) => Boolean(a._news.source));
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  await page.emulateMedia({ media: 'print' });
  await expect(app.h1).toBeVisible();
  await expect(page.getByRole('time').first()).toBeVisible();
  await expect(page.getByText(/来源/).first()).toBeVisible();
  await expect(app.banner).toBeHidden();
  await expect(app.footer).toBeHidden();
  await expect(app.related).toBeHidden();
});

for (const [what, path] of [
  ['the home list', '/'],
  ['the site map', '/sitemap'],
] as const) {
  test(`no horizontal scrolling at 360 px on ${what}`, async ({ page, app }) => {
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(path);
    await expect(app.h1).toBeVisible();
    await expect(app.loading).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('no horizontal scrolling at 360 px on the longest article', async ({ page, app, api }) => {
  const { article } = await api.findArticle((a) => (a.content_html ?? '').includes('<table'));
  await page.setViewportSize({ width: 360, height: 740 });
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test('the English switch translates the UI, sets <html lang>, is remembered, and passes axe', async ({ page, app, api }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  // The pre-rendered page's buttons work once it has hydrated.
  await waitForHydration(page);
  await app.banner.getByRole('button', { name: 'English' }).click();

  await expect(page.getByRole('heading', { level: 1, name: 'Latest articles' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Columns' });
  await expect(nav.getByRole('link', { name: 'Home', exact: true })).toHaveAttribute('aria-current', 'page');
  const pages = page.getByRole('navigation', { name: 'Pages' });
  await expect(pages.getByRole('link', { name: 'Page 1', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(pages).toContainText('articles');
  await expect(page).toHaveTitle(/^Latest articles — /);

  const { article } = await api.findArticle((a) => Boolean(a._news.source) && (a._news.views ?? 0) >= 1000);
  await app.gotoArticle(article.id);
  await expect(page.getByRole('heading', { level: 1, name: article.title })).toBeVisible();
  await expect(page.getByText(`Source: ${article._news.source}`)).toBeVisible();
  await expect(page.getByRole('region', { name: 'Related news' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Back to the list' })).toBeVisible();
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1, name: 'Page not found' })).toBeVisible();
  await app.banner.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '页面不存在' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});

test('an article shows its reading time and carries og: and twitter: meta', async ({ page, app, api }) => {
  const { article } = await api.findArticle((a) => (a.content_html ?? '').length > 2000);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  await expect(page.getByText(/^约 \d+ 分钟读完$/)).toBeVisible();
  await expect(page.locator('meta[property="og:title"]')).toHaveAttribute('content', article.title);
  await expect(page.locator('meta[property="og:type"]')).toHaveAttribute('content', 'article');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary');
});

test.describe('a short viewport', () => {
  test.use({ viewport: { width: 1280, height: 600 } });

  test('the browser back button returns to the list at the same scroll position', async ({ page, app, api }) => {
    const feed = await api.feed(1);
    const item = feed.items[7];
    await app.gotoHome();
    await app.expectListPage('最新文章', 1);
    const link = app.articleLink(item.title);
    await app.scrollTo(await app.centreScrollFor(link));
    const before = await app.scrollY();
    expect(before).toBeGreaterThan(50);
    await link.click();
    await app.expectArticle(item.title);
    await page.goBack();
    await app.expectListPage('最新文章', 1);
    await expect.poll(async () => Math.abs((await app.scrollY()) - before)).toBeLessThanOrEqual(5);
  });
});

test('the text size control enlarges an article body and is remembered', async ({ page, app, api }) => {
  const { article } = await api.findArticle((a) => (a.content_html ?? '').length > 2000);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  const group = page.getByRole('group', { name: '字号' });
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.article__body p')!).fontSize));
  const before = await bodySize();
  await group.getByRole('button', { name: '放大字号' }).click();
  await expect.poll(bodySize).toBeGreaterThan(before);
  const larger = await bodySize();
  await page.reload();
  await app.expectArticle(article.title);
  await expect.poll(bodySize).toBe(larger);
  await page.getByRole('group', { name: '字号' }).getByRole('button', { name: '缩小字号' }).click();
  await expect.poll(bodySize).toBe(before);
});

test('复制链接 copies the article address and says so', async ({ page, app, api, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const { article } = await api.findArticle(() => true);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  const tools = page.getByRole('group', { name: '分享' });
  // Headless Chromium on Linux has no navigator.share: the share button stays hidden.
  await expect(tools.getByRole('button', { name: '分享', exact: true })).toBeHidden();
  await tools.getByRole('button', { name: '复制链接' }).click();
  await expect(tools.getByRole('status')).toHaveText('链接已复制');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
});

test('分享 appears where navigator.share exists and shares the title and address', async ({ page, app, api }) => {
  await page.addInitScript(() => {
    const shared: unknown[] = [];
    (window as unknown as { __shared: unknown[] }).__shared = shared;
    Object.defineProperty(navigator, 'share', {
      value: async (data: { title: string }) => {
        if (shared.length > 0) throw new DOMException('not allowed', 'NotAllowedError');
        shared.push(data);
      },
    });
  });
  const { article } = await api.findArticle(() => true);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  const tools = page.getByRole('group', { name: '分享' });
  await tools.getByRole('button', { name: '分享', exact: true }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __shared: unknown[] }).__shared))
    .toEqual([{ title: article.title, url: page.url() }]);
  await expect(tools.getByRole('status')).toHaveText('');
  // A share that fails (not one the reader dismissed) says so.
  await tools.getByRole('button', { name: '分享', exact: true }).click();
  await expect(tools.getByRole('status')).toHaveText('分享失败，请复制链接后手动分享');
});

test('the next list page loads as the reader nears the end, so 下一页 makes no request', async ({ page, app }) => {
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url().endsWith('/api/feed/2.json')) requests.push(r.url());
  });
  await page.setViewportSize({ width: 1280, height: 400 });
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  // Prefetching is the app's: before it has started, a click loads the pre-rendered page.
  await waitForHydration(page);
  const far = await page.evaluate(() => document.documentElement.scrollHeight > window.innerHeight + 800);
  if (far) expect(requests, 'not before the reader nears the end').toHaveLength(0);
  // Scrolled to the end again while waiting: one scroll event that came before the listener (seen
  // once in CI on a loaded machine) must not fail the test, as a reader keeps scrolling anyway.
  await expect(async () => {
    await page.evaluate(() => new Promise((done) => {
      window.scrollTo(0, 0);
      requestAnimationFrame(() => {
        window.scrollTo(0, document.documentElement.scrollHeight);
        done(null);
      });
    }));
    expect(requests.length, `prefetches of page 2: ${requests.join(', ')}`).toBeGreaterThan(0);
  }).toPass({ timeout: 10_000 });
  await app.nextPageLink.click();
  await app.expectListPage('最新文章', 2);
  expect(requests, 'one request for page 2: the prefetch').toHaveLength(1);
});

test('every control of an article is reachable by Tab, shows a focus ring and works from the keyboard', async ({ page, app, api }) => {
  const { article } = await api.findArticle((a) => (a._news.related ?? []).length > 0);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  const reached: string[] = [];
  for (let i = 0; i < 120; i++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      // Marked once reached: reaching a marked element again means the cycle is complete.
      if (!el || el === document.body || el.dataset.tabReached) return null;
      el.dataset.tabReached = 'yes';
      const style = getComputedStyle(el);
      const box = el.getBoundingClientRect();
      return {
        name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || el.tagName).trim(),
        ring: (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none',
        visible: box.width > 0 && box.height > 0,
      };
    });
    if (!focused) break;
    expect(focused.visible && focused.ring, `${focused.name}: visible, with a focus ring`).toBe(true);
    reached.push(focused.name);
  }
  for (const control of ['跳到正文', '搜索文章', '搜索', 'English', '深色模式', 'A− 缩小字号', 'A+ 放大字号', '复制链接', '返回列表']) {
    expect(reached, `Tab reaches ${control}`).toContain(control);
  }

  // Operable: the theme toggle with Space, the text size with Enter.
  await page.getByRole('button', { name: '深色模式' }).focus();
  await page.keyboard.press('Space');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('button', { name: '放大字号' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('html')).toHaveAttribute('data-font-size', '1');
});
