// 长辈版, the elder-friendly mode (MIIT 2021 age-friendly rules): a remembered switch applied
// before the first paint; at 360 px every text at 24 px or more with a line height of 1.5 or more
// and a contrast of 7:1 or more, every target 44 × 44 px or more, no horizontal scrolling, and
// only the essential actions. axe runs in this mode in a11y-matrix.spec.ts.

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { waitForHydration } from './pages';

test('the 长辈版 switch is remembered and applied before the first paint', async ({ page, app }) => {
  await app.gotoHome();
  await waitForHydration(page);
  const elder = page.getByRole('button', { name: '长辈版' });
  await expect(elder).toHaveAttribute('aria-pressed', 'false');
  await elder.click();
  await expect(elder).toHaveAttribute('aria-pressed', 'true');
  await expect(page.locator('html')).toHaveAttribute('data-elder', 'on');

  // Without the app, the stored choice still applies: theme.js runs before the stylesheet.
  await page.route('**/boot-*.js', (route) => route.fulfill({ contentType: 'text/javascript', body: '' }));
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-elder', 'on');
  expect(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe('24px');
  await page.unroute('**/boot-*.js');

  await page.reload();
  await waitForHydration(page);
  await expect(elder).toHaveAttribute('aria-pressed', 'true');
  await elder.click();
  await expect(page.locator('html')).not.toHaveAttribute('data-elder', /.*/);
  expect(await page.evaluate(() => localStorage.getItem('elder'))).toBe('off');
});

/** What breaks the mode's rules on the page: text, contrast, targets, scrolling. */
function problems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const rgb = (c: string) => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) => {
      const f = (v: number) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
      return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgb(getComputedStyle(el).backgroundColor);
        if (c.length === 3 || (c.length === 4 && c[3] > 0)) return c.slice(0, 3);
      }
      return [255, 255, 255];
    };
    const visible = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 1 && r.height > 1 && getComputedStyle(el).visibility !== 'hidden';
    };
    const name = (el: Element) => `<${el.localName}> ${(el.textContent ?? '').trim().slice(0, 20)}`;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const texts = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.textContent?.trim() && n.parentElement && visible(n.parentElement)) texts.add(n.parentElement);
    }
    for (const el of texts) {
      if (el.closest('noscript, script')) continue;
      const style = getComputedStyle(el);
      const size = parseFloat(style.fontSize);
      if (size < 24) found.push(`${name(el)}: ${size}px text`);
      const line = parseFloat(style.lineHeight);
      if (!(line >= 1.5 * size - 0.5)) found.push(`${name(el)}: line height ${style.lineHeight} at ${size}px`);
      const [a, b] = [luminance(rgb(style.color).slice(0, 3)), luminance(background(el))];
      const contrast = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
      if (contrast < 7) found.push(`${name(el)}: contrast ${contrast.toFixed(2)}:1`);
    }
    for (const el of document.querySelectorAll('a[href], button, input')) {
      // Links inside running text are exempt (WCAG 2.5.5); a skip link is off screen until focused.
      if (!visible(el) || el.closest('.article__body') || el.matches('.skip-link')) continue;
      const r = el.getBoundingClientRect();
      if (r.width < 44 || r.height < 44) found.push(`${name(el)}: target ${r.width.toFixed(0)}×${r.height.toFixed(0)}`);
    }
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`scrolls sideways: ${root.scrollWidth} > ${root.clientWidth}`);
    return found;
  });
}

for (const theme of ['light', 'dark'] as const) {
  test(`at 360 px: 24 px text, 1.5 line height, 7:1 contrast, 44 px targets, no sideways scrolling (${theme})`, async ({
    page,
    app,
    api,
  }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.addInitScript((t) => {
      localStorage.setItem('theme', t);
      localStorage.setItem('elder', 'on');
    }, theme);
    const { article } = await api.findArticle((a) => a._news.disclosure !== undefined);
    const routes = ['/', '/category/notices/page/2', `/articles/${article.id}`, '/sitemap', `/search?q=${encodeURIComponent('食品安全')}`];
    for (const route of routes) {
      await page.goto(route);
      await expect(app.h1).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: '正在加载…' })).toHaveCount(0);
      if (route.startsWith('/search')) await expect(app.resultLinks.first()).toBeVisible();
      expect(await problems(page), route).toEqual([]);
    }
    // The essential actions only: no text-size or share buttons on an article.
    await page.goto(`/articles/${article.id}`);
    await app.expectArticle(article.title);
    await expect(page.getByRole('button', { name: /A\+/ })).toBeHidden();
    await expect(page.getByRole('button', { name: '复制链接' })).toBeHidden();
  });
}
