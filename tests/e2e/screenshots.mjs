// Takes the README's screenshots of the release build in ../../dist (`make screenshots`).
// Usage: node screenshots.mjs <out-dir>
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { once } from 'node:events';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}`;
const outDir = process.argv[2] ?? '../../docs/screenshots';

const server = spawn(process.execPath, ['server.mjs', '--root', '../../dist', '--port', String(PORT)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
await once(server.stdout, 'data');

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
  await page.goto(`${BASE}/`);
  await page.getByRole('list', { name: '文章列表' }).waitFor();
  await page.screenshot({ path: `${outDir}/list.png` });

  await page.getByRole('list', { name: '文章列表' }).getByRole('link').first().click();
  await page.getByRole('region', { name: '相关新闻' }).getByRole('link').first().waitFor();
  await page.screenshot({ path: `${outDir}/article.png` });
  console.log(`screenshots written to ${outDir}`);
} finally {
  await browser.close();
  server.kill();
}
