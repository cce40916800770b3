// axe-core on every route, in both themes and both languages, with and without the elder-friendly
// mode (长辈版; there with the enhanced, AAA, contrast rule): no violations of any impact.

import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';

const THEMES = ['light', 'dark'] as const;
const LANGS = ['zh-CN', 'en'] as const;

const ROUTES = [
  '/',
  '/page/2',
  '/category/inspections',
  'article',
  'related',
  'disclosure',
  '/sitemap',
  '/search',
  '/search?q=' + encodeURIComponent('食品安全'),
  '/search?q=' + encodeURIComponent('量子计算'),
  '/no/such/page',
];

const CASES = THEMES.flatMap((theme) =>
  LANGS.flatMap((lang) => [
    ...ROUTES.map((route) => ({ theme, lang, route, elder: false })),
    ...ROUTES.map((route) => ({ theme, lang, route, elder: true })),
  ]),
);

for (const { theme, lang, route, elder } of CASES) {
  test(`${route} passes axe with no violations (${theme}, ${lang}${elder ? ', 长辈版' : ''})`, async ({ page, api }) => {
    await page.addInitScript(
      ([theme, lang, elder]) => {
        localStorage.setItem('theme', theme);
        localStorage.setItem('lang', lang);
        if (elder) localStorage.setItem('elder', 'on');
      },
      [theme, lang, elder ? 'on' : ''],
    );
    let path = route;
    if (route === 'article' || route === 'related') {
      const { article } = await api.findArticle((a) => (a._news.related ?? []).length > 0);
      path = route === 'article' ? `/articles/${article.id}` : `/articles/${article.id}/related`;
    } else if (route === 'disclosure') {
      // An article with its 信息公开 table.
      path = `/articles/${(await api.findArticle((a) => a._news.disclosure !== undefined)).article.id}`;
    }
    await page.goto(path);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^(正在加载…|Loading…)$/ })).toHaveCount(0);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
    // label-content-name-mismatch (WCAG 2.5.3) is experimental in axe: turned on, as a
    // government site is audited with it.
    const rules = {
      'label-content-name-mismatch': { enabled: true },
      'color-contrast-enhanced': { enabled: elder },
    };
    const results = await new AxeBuilder({ page }).options({ rules }).analyze();
    const report = results.violations.map((v) => {
      const nodes = v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`.replace(/\n/g, ' '));
      return `${v.id} [${v.impact}] ${v.help}\n    ${nodes.join('\n    ')}`;
    });
    expect(report, report.join('\n')).toEqual([]);
  });
}
