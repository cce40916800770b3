// Draws the app's raster icons (public/icon-192.png, public/icon-512.png) from the favicon's
// design, full-bleed so that they also serve as maskable icons (the lines stay in the central
// safe zone). Run by hand after changing public/favicon.svg: node icons.mjs
import { readFileSync } from 'node:fs';
import { launchChromium } from './harness.mjs';

const svg = readFileSync(new URL('../../public/favicon.svg', import.meta.url), 'utf8')
  // Square corners: a launcher applies its own mask.
  .replace(/ rx="[^"]*"/, '');
const browser = await launchChromium();
try {
  for (const size of [192, 512]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const sized = svg.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(`<body style="margin:0">${sized}</body>`);
    await page.screenshot({ path: `../../public/icon-${size}.png` });
    await page.close();
  }
} finally {
  await browser.close();
}
