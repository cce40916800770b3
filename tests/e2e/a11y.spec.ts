import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { NewsApp } from './pages';

type AxeResults = Awaited<ReturnType<AxeBuilder['analyze']>>;

function describeViolations(violations: AxeResults['violations']): string {
  return violations
    .map((v) => {
      const nodes = v.nodes
        .map((n) => `    - ${n.target.join(' ')}${n.failureSummary ? `\n      ${n.failureSummary.replace(/\n/g, '\n      ')}` : ''}`)
        .join('\n');
      return `${v.id} [${v.impact}] ${v.help}\n  ${v.helpUrl}\n${nodes}`;
    })
    .join('\n\n');
}

async function expectNoSeriousViolations(app: NewsApp, where: string): Promise<void> {
  const results = await new AxeBuilder({ page: app.page }).analyze();
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious, `serious or critical accessibility violations on ${where}:\n\n${describeViolations(serious)}`).toEqual(
    [],
  );
}

test('the home list has no serious accessibility violations', async ({ app }) => {
  await app.gotoHome();
  await app.expectListPage('最新文章', 1);
  await expectNoSeriousViolations(app, 'the home list (/)');
});

test('an article has no serious accessibility violations', async ({ app, api }) => {
  const { article } = await api.findArticle((a) => (a._news.related ?? []).length > 0);
  await app.gotoArticle(article.id);
  await app.expectArticle(article.title);
  await expect(app.related).toBeVisible();
  await expectNoSeriousViolations(app, `the article /articles/${article.id}`);
});

test('the site map has no serious accessibility violations', async ({ app, page }) => {
  await page.goto('/sitemap');
  await expect(app.h1).toHaveText('网站地图');
  await expect(app.loading).toHaveCount(0);
  await expectNoSeriousViolations(app, 'the site map (/sitemap)');
});

test('the not-found view has no serious accessibility violations', async ({ app, page }) => {
  await page.goto('/no/such/page');
  await app.expectNotFound();
  await expectNoSeriousViolations(app, 'the not-found view (/no/such/page)');
});

test('search results have no serious accessibility violations', async ({ app, page }) => {
  await page.goto('/search?q=' + encodeURIComponent('食品安全'));
  await expect(app.resultLinks.first()).toBeVisible();
  await expect(app.loading).toHaveCount(0);
  await expectNoSeriousViolations(app, 'the search results (/search?q=食品安全)');
});
