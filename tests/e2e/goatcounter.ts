// A stand-in for GoatCounter (docs/view-counter.md), which cannot be installed here: it answers as
// GoatCounter's documentation says (`/count` by GET or POST, `/counter/{path}.json` with a
// formatted count, 404, 403), and the page is served as an operator who turned the counter on
// would serve it.

import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test as base, expect } from './fixtures';

/**
 * For `test.use`: pages served by `page.route` count as a public address for Chromium, whose Local
 * Network Access checks would then block the stub on 127.0.0.1, which a real GoatCounter on a public
 * https origin never meets.
 */
export const withLoopbackCounter = {
  launchOptions: async (
    { launchOptions }: { launchOptions: import('@playwright/test').LaunchOptions },
    use: (options: import('@playwright/test').LaunchOptions) => Promise<void>,
  ) => {
    await use({ ...launchOptions, args: [...(launchOptions.args ?? []), '--disable-features=LocalNetworkAccessChecks'] });
  },
};

/** How the stub answers `/counter/{path}.json`. */
export type CounterMode = 'counts' | 'forbidden' | 'stall' | 'garbage';

/** One view as the stub received it. */
export type Hit = { method: string; p: string; t: string; r: string; s: string; ns: string };

export class GoatCounterStub {
  readonly hits: Hit[] = [];
  /** Formatted counts by path, as GoatCounter writes them; a path not here answers 404. */
  readonly counts = new Map<string, string>();
  mode: CounterMode = 'counts';
  private server?: Server;

  async start(): Promise<string> {
    this.server = createServer((req, res) => this.answer(req, res));
    await new Promise<void>((done) => this.server?.listen(0, '127.0.0.1', done));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((done) => this.server?.close(done));
  }

  private answer(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://stub');
    res.setHeader('Access-Control-Allow-Origin', '*');
    if (url.pathname === '/count') {
      const q = (name: string) => url.searchParams.get(name) ?? '';
      this.hits.push({ method: req.method ?? '', p: q('p'), t: q('t'), r: q('r'), s: q('s'), ns: q('ns') });
      res.writeHead(200, { 'Content-Type': 'image/gif' }).end();
      return;
    }
    const counter = /^\/counter\/(.+)\.json$/.exec(url.pathname);
    if (!counter) {
      res.writeHead(404).end();
      return;
    }
    if (this.mode === 'stall') return;
    if (this.mode === 'forbidden') {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('visitor counter is not enabled');
      return;
    }
    if (this.mode === 'garbage') {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"count": "many"}');
      return;
    }
    const count = this.counts.get(decodeURIComponent(counter[1]));
    if (count === undefined) {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('no such path');
      return;
    }
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify({ count }));
  }
}

/** The shared test with a started stub, the site configured to use it. */
export const test = base.extend<{ goatcounter: GoatCounterStub }>({
  goatcounter: async ({ page }, use) => {
    const stub = new GoatCounterStub();
    const origin = await stub.start();
    await deployWithCounter(page, origin);
    await use(stub);
    await stub.stop();
  },
});

/**
 * Serves the site as an operator who turned the counter on would: config.json (and the copy each
 * pre-rendered page carries) names the counter, and the CSP's connect-src gains its origin, as
 * docs/view-counter.md says. Nothing else in the policy changes.
 */
export async function deployWithCounter(page: Page, origin: string): Promise<void> {
  await page.route('**/config.json', (route) => route.fulfill({ json: { api_base: 'api/', goatcounter: origin } }));
  await page.route('**/*', async (route) => {
    if (route.request().resourceType() !== 'document') return route.fallback();
    const response = await route.fetch();
    const headers = response.headers();
    const csp = headers['content-security-policy'] ?? '';
    expect(csp, 'the shipped CSP').toContain("connect-src 'self' https:;");
    headers['content-security-policy'] = csp.replace("connect-src 'self' https:;", `connect-src 'self' https: ${origin};`);
    let body = await response.text();
    if (body.includes('id="page-data"')) {
      const configured = body.replace('{"api_base": "api/"}', JSON.stringify({ api_base: 'api/', goatcounter: origin }));
      expect(configured, 'the pre-rendered page carries config.json').not.toBe(body);
      body = configured;
    }
    await route.fulfill({ response, headers, body });
  });
}

export { expect };
