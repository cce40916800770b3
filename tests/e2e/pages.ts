// Page object and data helpers shared by the end-to-end specs.
//
// Everything is located by role, accessible name and text (the app's zh-CN UI contract),
// never by CSS structure. Article ids and titles come from the static API at run time
// (see `Api`), so the specs do not depend on the exact sample text.

import { expect, type APIRequestContext, type Locator, type Page } from '@playwright/test';

export const SITE_TITLE = '青川市食品安全资讯';
export const PAGE_SIZE = 10;
/** The site's public URL: `make test-e2e` builds with SITE_URL=https://news.example.org (the Makefile's TEST_SITE_URL). */
export const SITE_URL = 'https://news.example.org';

export const COLUMNS = [
  { slug: 'notices', name: '通知公告' },
  { slug: 'inspections', name: '抽检信息' },
  { slug: 'enforcement', name: '执法动态' },
  { slug: 'science', name: '科普知识' },
] as const;

export type Column = (typeof COLUMNS)[number];

export function columnBySlug(slug: string): Column {
  const column = COLUMNS.find((c) => c.slug === slug);
  if (!column) throw new Error(`unknown column slug ${JSON.stringify(slug)}`);
  return column;
}

/** The document title the app sets for a page whose own title is `pageTitle`. */
export function documentTitle(pageTitle: string): string {
  return `${pageTitle} — ${SITE_TITLE}`;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** "1234" → "1,234", the way the UI shows view counts. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Waits until the app has hydrated the page (or rendered it) and run its effects. */
export async function waitForHydration(page: Page): Promise<void> {
  // boot.js marks <html> once the app says it is ready (main.rs: announce_ready).
  await expect(page.locator('html')).toHaveAttribute('data-hydrated', '', { timeout: 20_000 });
}

/**
 * Holds hydration at its second part (src/components/hydrate_later.rs waits for
 * scheduler.yield() between parts): main() has started and the router exists, the header and the
 * routes are not hydrated yet. Call before `goto`; `hydrationHeld` waits for the hold,
 * `releaseHydration` ends it (in the page then loaded).
 */
export async function holdHydration(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __yields: number; __release: () => void; scheduler: { yield: () => Promise<void> } };
    const realYield = w.scheduler.yield.bind(w.scheduler);
    const held = new Promise<void>((resolve) => (w.__release = resolve));
    w.__yields = 0;
    w.scheduler.yield = () => (++w.__yields <= 1 ? realYield() : held.then(() => realYield()));
  });
}

export async function hydrationHeld(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate(() => (window as unknown as { __yields: number }).__yields)).toBeGreaterThan(1);
}

export async function releaseHydration(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __release: () => void }).__release());
}

/** The path of an article page. */
export function articlePath(id: string): string {
  return `/articles/${encodeURIComponent(id)}`;
}

/**
 * Asserts where a link leads: its resolved path and query (the app writes hrefs relative to the
 * document's <base>, so the raw attribute is not what a reader follows).
 */
export async function expectLinkTarget(link: Locator, expected: RegExp): Promise<void> {
  await expect
    .poll(() =>
      link.evaluate((a) => {
        const url = new URL((a as HTMLAnchorElement).href);
        return url.pathname + url.search;
      }),
    )
    .toMatch(expected);
}

/** The article id a link points to, from its href (absolute or relative). */
export async function articleIdOf(link: Locator): Promise<string> {
  const href = await link.evaluate((a) => (a as HTMLAnchorElement).href);
  const match = /\/articles\/([^/]+)$/.exec(new URL(href).pathname);
  if (!match) throw new Error(`not an article link: ${href}`);
  return decodeURIComponent(match[1]);
}

// ---------------------------------------------------------------------------------------------
// The static API (data contract v1: JSON Feed 1.1 pages, our own fields under `_news`).
// Only the fields the specs need are typed here.

export interface FeedItem {
  id: string;
  title: string;
  date_published: string;
  content_text: string;
  summary?: string;
  _news: { category: string; views?: number };
}

export interface FeedPage {
  items: FeedItem[];
  _news: { page: number; total_pages: number; total_items: number };
}

export interface ArticleDoc {
  id: string;
  title: string;
  date_published: string;
  content_html?: string;
  content_text?: string;
  summary?: string;
  _news: {
    category: string;
    views?: number;
    source?: string;
    related?: { id: string; title: string; date_published: string }[];
    prev?: { id: string; title: string };
    next?: { id: string; title: string };
    disclosure?: Record<string, string>;
  };
}

export class Api {
  /** `sitePath` is where the site is deployed (`/`, `/news/`); the API is at `{sitePath}api/`. */
  constructor(
    private readonly request: APIRequestContext,
    private readonly sitePath = '/',
  ) {}

  private async json<T>(apiPath: string): Promise<T> {
    const path = this.sitePath + apiPath.replace(/^\//, '');
    const response = await this.request.get(path);
    expect(response.status(), `GET ${path}`).toBe(200);
    return (await response.json()) as T;
  }

  feed(page = 1): Promise<FeedPage> {
    return this.json(`/api/feed/${page}.json`);
  }

  category(slug: string, page = 1): Promise<FeedPage> {
    return this.json(`/api/category/${slug}/${page}.json`);
  }

  article(id: string): Promise<ArticleDoc> {
    return this.json(`/api/articles/${encodeURIComponent(id)}.json`);
  }

  /**
   * The first article (scanning the home feed's pages in order, and each page's items in
   * `order` when given) that satisfies `wanted`. Fails the test when none does.
   */
  async findArticle(
    wanted: (article: ArticleDoc, item: FeedItem, index: number) => boolean,
    { pages = [1, 2, 3], order }: { pages?: number[]; order?: number[] } = {},
  ): Promise<{ article: ArticleDoc; item: FeedItem; index: number; page: number }> {
    for (const page of pages) {
      const feed = await this.feed(page);
      const indices = (order ?? feed.items.map((_, i) => i)).filter((i) => i < feed.items.length);
      for (const index of indices) {
        const item = feed.items[index];
        const article = await this.article(item.id);
        if (wanted(article, item, index)) return { article, item, index, page };
      }
    }
    throw new Error('the sample data has no article that this test needs');
  }
}

// ---------------------------------------------------------------------------------------------
// The app, as a reader sees it.

export class NewsApp {
  constructor(readonly page: Page) {}

  // --- landmarks and chrome -------------------------------------------------------------------

  get banner(): Locator {
    return this.page.getByRole('banner');
  }

  get homeLink(): Locator {
    return this.banner.getByRole('link', { name: SITE_TITLE, exact: true });
  }

  /** The site navigation ("栏目"): 首页 plus one link per column. */
  get siteNav(): Locator {
    return this.page.getByRole('navigation', { name: '栏目', exact: true });
  }

  navLink(name: string): Locator {
    return this.siteNav.getByRole('link', { name, exact: true });
  }

  get footer(): Locator {
    return this.page.getByRole('contentinfo');
  }

  get h1(): Locator {
    return this.page.getByRole('heading', { level: 1 });
  }

  get loading(): Locator {
    return this.page.getByRole('status').filter({ hasText: '正在加载…' });
  }

  // --- lists ----------------------------------------------------------------------------------

  get articleList(): Locator {
    return this.page.getByRole('list', { name: '文章列表', exact: true });
  }

  get articleItems(): Locator {
    return this.articleList.getByRole('listitem');
  }

  /** The title links of the list, in order (level-2 heading → link). */
  get articleLinks(): Locator {
    return this.articleItems.getByRole('heading', { level: 2 }).getByRole('link');
  }

  articleLink(title: string): Locator {
    return this.articleItems
      .getByRole('heading', { level: 2 })
      .getByRole('link', { name: title, exact: true })
      .first();
  }

  /** The list item whose title link is `title`. */
  articleItem(title: string): Locator {
    return this.articleItems
      .filter({ has: this.page.getByRole('link', { name: title, exact: true }) })
      .first();
  }

  get pagination(): Locator {
    return this.page.getByRole('navigation', { name: '分页', exact: true });
  }

  pageLink(n: number): Locator {
    return this.pagination.getByRole('link', { name: `第 ${n} 页`, exact: true });
  }

  get prevPageLink(): Locator {
    return this.pagination.getByRole('link', { name: '上一页', exact: true });
  }

  get nextPageLink(): Locator {
    return this.pagination.getByRole('link', { name: '下一页', exact: true });
  }

  // --- search ---------------------------------------------------------------------------------

  get searchBox(): Locator {
    return this.banner.getByRole('searchbox', { name: '搜索文章', exact: true });
  }

  get searchResults(): Locator {
    return this.page.getByRole('list', { name: '搜索结果', exact: true });
  }

  /** The title links of the results, in order. */
  get resultLinks(): Locator {
    return this.searchResults.getByRole('listitem').getByRole('heading', { level: 2 }).getByRole('link');
  }

  get columnFilter(): Locator {
    return this.page.getByRole('navigation', { name: '按栏目筛选', exact: true });
  }

  /** Searches from the header box, as a reader does. */
  async search(q: string): Promise<void> {
    await this.searchBox.fill(q);
    await this.searchBox.press('Enter');
  }

  // --- article --------------------------------------------------------------------------------

  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: '面包屑', exact: true });
  }

  get related(): Locator {
    return this.page.getByRole('region', { name: '相关新闻', exact: true });
  }

  /** The related-article links of the 相关新闻 region (without "查看全部相关新闻"). */
  get relatedLinks(): Locator {
    return this.related.getByRole('link').filter({ hasNotText: '查看全部相关新闻' });
  }

  get allRelatedLink(): Locator {
    return this.page.getByRole('link', { name: '查看全部相关新闻', exact: true });
  }

  get adjacentNav(): Locator {
    return this.page.getByRole('navigation', { name: '上一篇和下一篇', exact: true });
  }

  get backToList(): Locator {
    return this.page.getByRole('link', { name: '返回列表', exact: true });
  }

  // --- errors ---------------------------------------------------------------------------------

  get loadError(): Locator {
    return this.page
      .getByRole('alert')
      .filter({ has: this.page.getByRole('heading', { name: '加载失败', exact: true }) });
  }

  get retryButton(): Locator {
    return this.loadError.getByRole('button', { name: '重试', exact: true });
  }

  // --- navigation -----------------------------------------------------------------------------

  async gotoHome(pageNumber?: number | string): Promise<void> {
    await this.page.goto(pageNumber === undefined ? '/' : `/page/${pageNumber}`);
  }

  async gotoCategory(slug: string, pageNumber?: number | string): Promise<void> {
    await this.page.goto(
      pageNumber === undefined ? `/category/${slug}` : `/category/${slug}/page/${pageNumber}`,
    );
  }

  async gotoArticle(id: string): Promise<void> {
    await this.page.goto(articlePath(id));
  }

  // --- expectations ---------------------------------------------------------------------------

  /** A list page (home or column) showing page `pageNumber`, optionally with exactly `titles`. */
  async expectListPage(heading: string, pageNumber: number, titles?: string[]): Promise<void> {
    await expect(this.h1).toHaveText(heading);
    await expect(this.pageLink(pageNumber)).toHaveAttribute('aria-current', 'page');
    if (titles) await expect(this.articleLinks).toHaveText(titles);
    else await expect(this.articleLinks.first()).toBeVisible();
    await expect(this.loading).toHaveCount(0);
    await expect(this.loadError).toHaveCount(0);
  }

  async expectArticle(title: string): Promise<void> {
    await expect(this.h1).toHaveText(title);
    await expect(this.loading).toHaveCount(0);
    await expect(this.loadError).toHaveCount(0);
  }

  async expectNotFound(): Promise<void> {
    await expect(this.h1).toHaveText('页面不存在');
    await expect(this.page.getByRole('link', { name: '返回首页', exact: true })).toBeVisible();
    await expect(this.loadError).toHaveCount(0);
  }

  async expectLoadError(message: string): Promise<void> {
    await expect(this.loadError).toBeVisible();
    await expect(this.loadError).toContainText(message);
    await expect(this.retryButton).toBeVisible();
  }

  // --- scrolling ------------------------------------------------------------------------------

  scrollY(): Promise<number> {
    return this.page.evaluate(() => window.scrollY);
  }

  async scrollTo(y: number): Promise<void> {
    await this.page.evaluate((top) => window.scrollTo({ top, left: 0, behavior: 'instant' }), y);
    await expect.poll(async () => Math.abs((await this.scrollY()) - y)).toBeLessThanOrEqual(1);
  }

  /**
   * The scroll offset that puts `target` in the middle of the viewport (clamped to what the
   * document allows), so that clicking it afterwards does not scroll.
   */
  centreScrollFor(target: Locator): Promise<number> {
    return target.evaluate((el) => {
      const rect = el.getBoundingClientRect();
      const max = document.documentElement.scrollHeight - window.innerHeight;
      const wanted = window.scrollY + rect.top + rect.height / 2 - window.innerHeight / 2;
      return Math.max(0, Math.min(max, Math.round(wanted)));
    });
  }
}
