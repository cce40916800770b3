// The shared test fixture: every spec imports `test` and `expect` from here.
//
// * `app`  — the page object (pages.ts) bound to this test's page.
// * `api`  — typed access to the static JSON API, for picking article ids and titles at run time.
// * an automatic guard that fails the test when the page throws an uncaught error (`pageerror`)
//   or logs a console error containing "panicked" (a Rust panic reported by
//   console_error_panic_hook).

import { test as base, expect } from '@playwright/test';
import { Api, NewsApp } from './pages';

type Fixtures = {
  app: NewsApp;
  api: Api;
  failOnPageErrors: void;
  shellOnly: void;
};

type Options = {
  /** Where the site under test is deployed: `/`, or `/news/` for the sub-path host. */
  sitePath: string;
  /**
   * Whether the CSP may block inline handlers and styles: only where a test feeds hostile markup
   * on purpose (xss.spec.ts). The browser reports those as it parses the markup in the
   * sanitizer's inert document; nothing runs, and the test checks that nothing reaches the DOM.
   */
  hostileMarkup: boolean;
  /**
   * Whether pages come pre-rendered, as built. Specs that change what the API answers (faults,
   * errors, config, XSS payloads) set it to false: every page load then gets the plain shell
   * (404.html), so the app fetches its data in the browser, as on a route that is not
   * pre-rendered.
   */
  prerendered: boolean;
};

export const test = base.extend<Fixtures & Options>({
  sitePath: ['/', { option: true }],
  hostileMarkup: [false, { option: true }],
  prerendered: [true, { option: true }],

  shellOnly: [
    async ({ page, prerendered, sitePath, baseURL }, use) => {
      if (!prerendered) {
        const shell = new URL(`${sitePath}404.html`, baseURL).href;
        await page.route('**/*', async (route) => {
          if (route.request().resourceType() !== 'document') return route.fallback();
          const response = await route.fetch({ url: shell });
          await route.fulfill({ response, status: 200 });
        });
      }
      await use();
    },
    { auto: true },
  ],

  failOnPageErrors: [
    async ({ page, hostileMarkup }, use) => {
      const problems: string[] = [];
      // Every page runs under the shipped Content-Security-Policy: any violation fails the test.
      await page.exposeBinding('__reportCspViolation', (_source, report: string) => {
        const blockedInline = /^(script-src-attr|style-src-attr|style-src-elem|script-src-elem) blocked (inline|\(inline\)) /.test(report);
        if (!(hostileMarkup && blockedInline)) problems.push(`CSP violation: ${report}`);
      });
      await page.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (e) => {
          const report = (window as unknown as { __reportCspViolation: (r: string) => void }).__reportCspViolation;
          report(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
        });
      });
      page.on('console', (message) => {
        if (message.type() === 'error' && message.text().includes('panicked')) {
          problems.push(`console error: ${message.text()}`);
        }
      });
      page.on('pageerror', (error) => {
        problems.push(`uncaught page error: ${error.stack ?? error.message}`);
      });
      await use();
      expect(problems, `the page reported errors:\n${problems.join('\n')}`).toEqual([]);
    },
    { auto: true },
  ],

  app: async ({ page }, use) => {
    await use(new NewsApp(page));
  },

  api: async ({ request, sitePath }, use) => {
    await use(new Api(request, sitePath));
  },
});

export { expect };
