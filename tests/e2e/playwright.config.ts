import { defineConfig, devices } from '@playwright/test';

// End-to-end tests against the built app in ../../dist (build it first with Trunk).
// Run from this folder:  npx playwright test
// Chromium is Debian's (/usr/bin/chromium); Playwright's own browser downloads are not used.

const PORT = 4173;
const BASE_URL = `http://127.0.0.1:${PORT}`;
// The real-host setups of hosting.spec.ts (docs/deploy.md):
// a GitHub Pages-like host (no rewrites, 404.html as a 404) with the build under /news/, and
// Debian's nginx running docs/examples/nginx.conf with the root build.
const PAGES_PORT = 4174;
const NGINX_PORT = 4175;
// A debug build of the hydrating app (`make build-debug`): a hydration mismatch panics there and
// names the `view!` it happened in.
const DEBUG_PORT = 4176;

const chromium = {
  ...devices['Desktop Chrome'],
  browserName: 'chromium' as const,
  launchOptions: {
    executablePath: '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  },
};

export type HostOptions = { sitePath: string };

export default defineConfig<HostOptions>({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  testIgnore: '**/node_modules/**',
  fullyParallel: true,
  forbidOnly: !!process.env.CI,
  workers: 2,
  retries: 0,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    trace: 'retain-on-failure',
    // The service worker (public/sw.js) would answer requests before page.route sees them: specs
    // that intercept requests need it out of the way. offline.spec.ts allows it.
    serviceWorkers: 'block',
    screenshot: 'only-on-failure',
  },
  projects: [
    // The app itself, behind a static server with an SPA fallback and the shipped _headers (CSP).
    { name: 'app', testIgnore: 'hosting.spec.ts', use: { ...chromium, sitePath: '/' } },
    {
      name: 'github-pages',
      testMatch: 'hosting.spec.ts',
      use: { ...chromium, baseURL: `http://127.0.0.1:${PAGES_PORT}`, sitePath: '/news/' },
    },
    {
      name: 'nginx',
      testMatch: 'hosting.spec.ts',
      use: { ...chromium, baseURL: `http://127.0.0.1:${NGINX_PORT}`, sitePath: '/' },
    },
    {
      name: 'hydrate-debug',
      testMatch: 'prerender.spec.ts',
      use: { ...chromium, baseURL: `http://127.0.0.1:${DEBUG_PORT}`, sitePath: '/' },
    },
  ],
  webServer: [
    {
      command: `node server.mjs --root ../../dist --port ${PORT} --headers`,
      url: `${BASE_URL}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node server.mjs --root ../../target/dist-news --port ${PAGES_PORT} --prefix /news/ --fallback 404 --headers`,
      url: `http://127.0.0.1:${PAGES_PORT}/news/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node server.mjs --root ../../target/dist-debug --port ${DEBUG_PORT} --headers`,
      url: `http://127.0.0.1:${DEBUG_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node nginx.mjs --root ../../dist --port ${NGINX_PORT}`,
      url: `http://127.0.0.1:${NGINX_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
