/**
 * docs/html-report.png, the README's picture of `--format html`: the audit fixture the tests
 * render (seeded keys, redacted), in the test's Chromium. Run again when the page changes:
 *
 *   npx tsx scripts/html-report-png.ts [OUT.png]
 */
import { renderHtml } from '../src/report/html.js';
import { findChromium, launchChromium, noChromium } from '../test/helpers/browser.js';
import { auditFixture } from '../test/report/html-fixtures.js';

const out = process.argv[2] ?? new URL('../docs/html-report.png', import.meta.url).pathname;
const executable = findChromium();
if (!executable) throw new Error(noChromium);
const browser = await launchChromium(executable);
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 }, deviceScaleFactor: 1, colorScheme: 'light' });
  await page.setContent(renderHtml(auditFixture().result, { toolVersion: '0.1.0', showSecrets: false }));
  await page.screenshot({ path: out, fullPage: true });
  process.stdout.write(`wrote ${out}\n`);
} finally {
  await browser.close();
}
