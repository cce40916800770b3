// The XSS corpus (tests/xss/payloads.json, also run through the sanitizer by tests/sanitizer.rs)
// placed in every field the reader shows: site title and description, column names, list titles,
// summaries and tags, the article's title, body, author, source, tags, related and adjacent
// titles. The sentinel window.__xss is never set, no dialog opens, and nothing executable
// reaches the DOM.

import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

// Hostile markup makes the CSP block inline handlers as the sanitizer parses it: expected here.
// The payloads reach the app through the API: pages come as the plain shell (fixtures.ts).
test.use({ hostileMarkup: true, prerendered: false });

const PAYLOADS: string[] = JSON.parse(readFileSync(new URL('../xss/payloads.json', import.meta.url), 'utf8'));
const GROUPS = 6;
const COLUMNS = ['notices', 'inspections', 'enforcement', 'science'];

function group(n: number): string[] {
  return PAYLOADS.filter((_, i) => i % GROUPS === n);
}

function hostileApi(payloads: string[]) {
  const at = (i: number) => payloads[i % payloads.length];
  const site = {
    version: '1',
    title: at(0),
    description: at(1),
    language: 'zh-CN',
    page_size: 10,
    categories: COLUMNS.map((slug, i) => ({ slug, name: at(2 + i), description: at(6 + i), count: payloads.length })),
    organization: {
      sponsor: at(11), operator: at(12), contact: at(13), site_code: at(14), icp: at(15), public_security: `${at(16)} 123`,
    },
  };
  const items = payloads.map((p, i) => ({
    id: `xss-${i}`,
    title: p,
    date_published: '2026-01-01T08:00:00+08:00',
    content_text: at(i + 1),
    summary: at(i + 2),
    tags: [at(i + 3)],
    _news: { category: COLUMNS[i % COLUMNS.length], views: i },
  }));
  const feed = {
    version: 'https://jsonfeed.org/version/1.1',
    title: at(3),
    items: items.slice(0, 10),
    _news: { page: 1, total_pages: 1, total_items: 10 },
  };
  const article = (id: string) => ({
    id,
    title: at(4),
    date_published: '2026-01-01T08:00:00+08:00',
    content_html: payloads.join('\n<p>段落</p>\n'),
    summary: at(5),
    tags: payloads.slice(0, 5),
    authors: [{ name: at(6) }, { name: at(7) }],
    _news: {
      category: 'notices',
      views: 1,
      source: at(8),
      related: payloads.slice(0, 5).map((p, i) => ({ id: `xss-${i}`, title: p, date_published: '2026-01-01T08:00:00+08:00' })),
      prev: { id: 'xss-1', title: at(9) },
      next: { id: 'xss-2', title: at(10) },
      disclosure: {
        index_no: at(17), issuer: at(18), document_no: at(19), date_written: at(20), subject: at(21), validity: at(22),
      },
    },
  });
  return { site, feed, article };
}

async function serveHostile(page: Page, payloads: string[]) {
  const api = hostileApi(payloads);
  const json = (body: unknown) => ({ status: 200, contentType: 'application/json', body: JSON.stringify(body) });
  await page.route('**/api/site.json', (route) => route.fulfill(json(api.site)));
  await page.route('**/api/feed/*.json', (route) => route.fulfill(json(api.feed)));
  await page.route('**/api/category/*/*.json', (route) => route.fulfill(json(api.feed)));
  await page.route('**/api/articles/*.json', (route) => {
    const id = /articles\/([^/]+)\.json/.exec(route.request().url())![1];
    return route.fulfill(json(api.article(decodeURIComponent(id))));
  });
}

/** What in the DOM could run script: handlers, script elements, frames, `javascript:` URLs. */
async function executableInDom(page: Page): Promise<string[]> {
  // The app's one inline script: public/theme.js, inlined into the head by Trunk.
  const themeScript = readFileSync(new URL('../../public/theme.js', import.meta.url), 'utf8');
  return page.evaluate((themeScript) => {
    const found: string[] = [];
    for (const el of Array.from(document.querySelectorAll('*'))) {
      const tag = el.localName;
      if (['iframe', 'frame', 'object', 'embed', 'applet', 'isindex', 'frameset'].includes(tag)) found.push(`<${tag}>`);
      // The app's own: <base href> in the head, and the header's search form.
      if (tag === 'base' && el.closest('body')) found.push('<base> in the page');
      if (tag === 'form' && el.getAttribute('role') !== 'search') found.push('<form>');
      if (tag === 'meta' && el.getAttribute('http-equiv')) found.push('<meta http-equiv>');
      // In the head: the theme script, and the pre-renderer's JSON-LD, a data block never run.
      const ownInline = el.closest('head')
        && (el.textContent === themeScript || el.getAttribute('type') === 'application/ld+json');
      if (tag === 'script' && ((!el.getAttribute('src') && !ownInline) || el.closest('body'))) found.push('<script> in the page');
      for (const attr of Array.from(el.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.replace(/[\s\u0000-\u001f]/g, '').toLowerCase();
        if (name.startsWith('on')) found.push(`${tag}[${name}]`);
        if (['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'background', 'srcdoc'].includes(name)
          && /^(javascript|vbscript|data):/.test(value)) found.push(`${tag}[${name}=${value.slice(0, 40)}]`);
        if (name === 'srcdoc') found.push(`${tag}[srcdoc]`);
      }
    }
    return found;
  }, themeScript);
}

for (let n = 0; n < GROUPS; n++) {
  test(`XSS payloads, group ${n + 1} of ${GROUPS}, in every field run nowhere`, async ({ page }) => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(100);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await serveHostile(page, group(n));
    for (const route of ['/', '/category/notices', '/articles/xss-0', '/articles/xss-0/related', '/sitemap']) {
      await page.goto(route);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^正在加载…$/ })).toHaveCount(0);
      // Give handlers (onerror, onload, autofocus) the time to fire, were any present.
      await page.waitForTimeout(50);
      expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss), `${route}: __xss`).toBeUndefined();
      expect(await executableInDom(page), `${route}: executable markup`).toEqual([]);
    }
    expect(dialogs).toEqual([]);
  });
}
