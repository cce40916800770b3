// What the pre-renderer publishes for feed readers and search engines with the site's URL
// (`make build SITE_URL=…`): Atom feeds linked from every page, a canonical link on every page and
// JSON-LD on articles, read as a client reads them (XML and JSON parsed, never grepped).

import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { articlePath, SITE_URL, waitForHydration } from './pages';

const ATOM = 'http://www.w3.org/2005/Atom';

interface AtomFeed {
  root: string;
  id: string | null;
  self: string | null;
  entries: { id: string | null; title: string | null; link: string | null; updated: string | null; terms: string[] }[];
}

/** The feeds a page links to, as `{ title, href }`. */
async function feedLinks(page: Page): Promise<{ title: string; href: string }[]> {
  return page.locator('head link[rel="alternate"][type="application/atom+xml"]').evaluateAll((links) =>
    links.map((l) => ({ title: l.getAttribute('title') ?? '', href: l.getAttribute('href') ?? '' })),
  );
}

/** Fetches a feed at its absolute URL (served here without the host) and parses it as XML. */
async function readFeed(page: Page, url: string): Promise<AtomFeed> {
  expect(url.startsWith(SITE_URL), url).toBe(true);
  const response = await page.request.get(url.slice(SITE_URL.length));
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type']).toMatch(/xml/);
  const parsed = await page.evaluate(
    ([xml, ns]) => {
      const doc = new DOMParser().parseFromString(xml, 'application/xml');
      if (doc.getElementsByTagName('parsererror').length > 0) return null;
      const child = (parent: Element, tag: string) =>
        Array.from(parent.children).find((c) => c.namespaceURI === ns && c.localName === tag) ?? null;
      const link = (parent: Element, rel: string) =>
        Array.from(parent.children)
          .find((c) => c.localName === 'link' && c.getAttribute('rel') === rel)
          ?.getAttribute('href') ?? null;
      const feed = doc.documentElement;
      return {
        root: `${feed.namespaceURI} ${feed.localName}`,
        id: child(feed, 'id')?.textContent ?? null,
        self: link(feed, 'self'),
        entries: Array.from(feed.getElementsByTagNameNS(ns, 'entry')).map((e) => ({
          id: child(e, 'id')?.textContent ?? null,
          title: child(e, 'title')?.textContent ?? null,
          link: link(e, 'alternate'),
          updated: child(e, 'updated')?.textContent ?? null,
          terms: Array.from(e.getElementsByTagNameNS(ns, 'category')).map((c) => c.getAttribute('term') ?? ''),
        })),
      };
    },
    [await response.text(), ATOM] as const,
  );
  expect(parsed, `${url} is well-formed XML`).not.toBeNull();
  return parsed!;
}

test('Atom feeds of the site and of each column, linked from every page, with absolute URLs', async ({
  page,
  app,
  api,
  sitePath,
}) => {
  const site = `${SITE_URL}${sitePath}`;
  await page.goto(sitePath);
  await app.expectListPage('最新文章', 1);
  const [siteFeed, ...others] = await feedLinks(page);
  expect(others).toEqual([]);
  expect(siteFeed.href).toBe(`${site}atom.xml`);
  const feed = await readFeed(page, siteFeed.href);
  expect(feed.root).toBe(`${ATOM} feed`);
  expect(feed.self).toBe(siteFeed.href);
  expect(feed.id).toBe(site);
  const newest = (await api.feed(1)).items[0];
  expect(feed.entries[0]).toMatchObject({ title: newest.title, link: `${site}articles/${newest.id}` });
  expect(feed.entries.length).toBe(20);
  for (const entry of feed.entries) {
    expect(entry.id?.startsWith(site) && entry.link?.startsWith(site), `${entry.id}`).toBe(true);
    expect(Number.isNaN(Date.parse(entry.updated ?? '')), `${entry.updated}`).toBe(false);
  }

  await page.goto(`${sitePath}category/notices/page/2`);
  await app.expectListPage('通知公告', 2);
  const links = await feedLinks(page);
  expect(links.map((l) => l.href)).toEqual([`${site}atom.xml`, `${site}feeds/notices.xml`]);
  const column = await readFeed(page, links[1].href);
  expect(column.entries.length).toBeGreaterThan(0);
  for (const entry of column.entries) expect(entry.terms).toEqual(['notices']);
});

test('an article has its canonical URL and NewsArticle and BreadcrumbList JSON-LD; an in-app navigation drops them', async ({
  page,
  app,
  api,
  sitePath,
}) => {
  const site = `${SITE_URL}${sitePath}`;
  const item = (await api.feed(1)).items[0];
  const article = await api.article(item.id);
  await page.goto(`${sitePath}articles/${item.id}`);
  await app.expectArticle(article.title);
  const url = `${SITE_URL}${articlePath(item.id).replace(/^\//, sitePath)}`;
  const canonical = page.locator('head link[rel="canonical"]');
  await expect(canonical).toHaveAttribute('href', url);

  const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
  expect(blocks).toHaveLength(1);
  const [news, crumbs] = JSON.parse(blocks[0]);
  expect(news).toMatchObject({
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    datePublished: article.date_published,
    mainEntityOfPage: url,
    publisher: { '@type': 'Organization', url: site },
  });
  expect(news.author.length).toBeGreaterThan(0);
  expect(crumbs['@type']).toBe('BreadcrumbList');
  const trail = crumbs.itemListElement.map((i: { position: number; item: string }) => [i.position, i.item]);
  expect(trail).toEqual([
    [1, site],
    [2, `${site}category/${article._news.category}`],
    [3, url],
  ]);

  // After an in-app navigation, nothing in the head names the page left behind.
  await waitForHydration(page);
  await app.navLink('科普知识').click();
  await app.expectListPage('科普知识', 1);
  await expect(canonical).toHaveCount(0);
  await expect(page.locator('script[type="application/ld+json"]')).toHaveCount(0);
  expect((await feedLinks(page)).map((l) => l.href)).toEqual([`${site}atom.xml`]);
});
