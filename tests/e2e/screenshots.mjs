// Takes the documentation screenshots of the release build in ../../dist (`make screenshots`):
// the list and an article at 360, 768 and 1280 px wide, in the light and the dark theme, and both
// in the elder-friendly mode (长辈版) at 360 px.
// Usage: node screenshots.mjs <out-dir>
import { launchChromium, startServer } from './harness.mjs';

const PORT = 4174;
const BASE = `http://127.0.0.1:${PORT}`;
const outDir = process.argv[2] ?? '../../docs/screenshots';
const WIDTHS = [360, 768, 1280];
const THEMES = ['light', 'dark'];

const server = await startServer('../../dist', PORT);

const browser = await launchChromium();
try {
  for (const theme of THEMES) {
    for (const width of WIDTHS) {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      await page.addInitScript((t) => localStorage.setItem('theme', t), theme);
      await page.goto(`${BASE}/`);
      const list = page.getByRole('list', { name: '文章列表' });
      await list.waitFor();
      await page.screenshot({ path: `${outDir}/list-${width}-${theme}.png` });

      await list.getByRole('link').first().click();
      await page.getByRole('region', { name: '相关新闻' }).getByRole('link').first().waitFor();
      await page.screenshot({ path: `${outDir}/article-${width}-${theme}.png` });
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 360, height: 900 }, locale: 'zh-CN' });
    await page.addInitScript((t) => {
      localStorage.setItem('theme', t);
      localStorage.setItem('elder', 'on');
    }, theme);
    await page.goto(`${BASE}/`);
    const list = page.getByRole('list', { name: '文章列表' });
    await list.waitFor();
    await page.screenshot({ path: `${outDir}/elder-list-360-${theme}.png` });
    await list.getByRole('link').first().click();
    await page.getByRole('region', { name: '相关新闻' }).getByRole('link').first().waitFor();
    await page.screenshot({ path: `${outDir}/elder-article-360-${theme}.png` });
    await page.close();
  }
  console.log(`${(WIDTHS.length + 1) * THEMES.length * 2} screenshots written to ${outDir}`);
} finally {
  await browser.close();
  server.kill();
}
