// What a government site publishes about itself and its documents (《政府网站发展指引》): the
// footer names who runs the site with its filing numbers linked to where they are checked, and a
// public document shows its 信息公开 fields as a table. Both come from the sample's site.toml and
// front matter, through site.json and the article JSON.

import { test, expect } from './fixtures';

const ORGANIZATION: [string, string][] = [
  ['主办单位', '青川市市场监督管理局'],
  ['承办单位', '青川市大数据发展中心'],
  ['联系方式', '0000-00000000（示例号码）'],
  ['网站标识码', '0000000000'],
];

test('the footer names the sponsor, operator, contact and site code, and links both filing numbers', async ({
  app,
}) => {
  await app.gotoHome();
  await expect(app.h1).toHaveText('最新文章');
  for (const [term, value] of ORGANIZATION) {
    const item = app.footer.getByRole('term').filter({ hasText: term });
    await expect(item).toHaveCount(1);
    await expect(app.footer.getByRole('definition').filter({ hasText: value })).toHaveCount(1);
  }
  await expect(app.footer.getByRole('link', { name: '青ICP备00000000号-1' })).toHaveAttribute(
    'href',
    'https://beian.miit.gov.cn/',
  );
  await expect(app.footer.getByRole('link', { name: '青公网安备00000000000000号' })).toHaveAttribute(
    'href',
    'https://beian.mps.gov.cn/#/query/webSearch?code=00000000000000',
  );
});

test('a public document shows its 信息公开 table; an article without the fields shows none', async ({
  app,
  api,
  page,
}) => {
  const { article } = await api.findArticle((a) => a._news.disclosure !== undefined);
  const fields = article._news.disclosure!;
  await page.goto(`/articles/${article.id}`);
  await app.expectArticle(article.title);
  const table = page.getByRole('table', { name: '信息公开' });
  await expect(table).toBeVisible();
  const rows: [string, string][] = [
    ['索引号', fields.index_no],
    ['发布机构', fields.issuer],
    ['文号', fields.document_no],
    ['成文日期', fields.date_written],
    ['主题分类', fields.subject],
    ['有效性', fields.validity],
  ];
  for (const [label, value] of rows) {
    await expect(table.getByRole('row', { name: label })).toHaveText(`${label}${value}`);
  }

  const plain = await api.findArticle((a) => a._news.disclosure === undefined);
  await page.goto(`/articles/${plain.article.id}`);
  await app.expectArticle(plain.article.title);
  await expect(page.getByRole('table', { name: '信息公开' })).toHaveCount(0);
});

test('in English the footer and the table are labelled in English', async ({ app, api, page }) => {
  await page.addInitScript(() => localStorage.setItem('lang', 'en'));
  const { article } = await api.findArticle((a) => a._news.disclosure !== undefined);
  await page.goto(`/articles/${article.id}`);
  await app.expectArticle(article.title);
  await expect(page.getByRole('table', { name: 'Public information' })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: 'Document No.' })).toBeVisible();
  await expect(app.footer.getByRole('term').filter({ hasText: 'Organizer' })).toHaveCount(1);
});
