/**
 * The HTML report in a real browser: headless Chromium (Debian's, installed by
 * scripts/ensure-chromium.sh) driven by playwright-core. Each page is opened from a file, as a
 * user opens a report, and must ask for nothing else, log no error (a refused script or style
 * would), and sort and filter its tables; with JavaScript off every row is there.
 *
 * One browser for the file (starting it is the slowest part), a fresh page per test.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/report/html.js';
import { findChromium, launchChromium, noChromium } from '../helpers/browser.js';
import { scan } from '../helpers/in-process.js';
import { keyFactory } from '../helpers/keys.js';
import { makeFileTmpDir, writeTree } from '../helpers/tmp.js';
import { contextOf } from './findings.js';
import { auditFixture } from './html-fixtures.js';

const chromiumPath = findChromium();
// CI installs Chromium before the tests (.ci/run): there a missing browser is a failure, not a skip.
if (!chromiumPath && process.env['CI']) throw new Error(noChromium);

const hostileName = 'x<img src=q onerror=alert(1)>.env';

/** What the page's rows are in the browser (this project's types have no DOM). */
interface TableRow {
  cells: ArrayLike<{ textContent: string | null }>;
}

interface Opened {
  page: Page;
  /** Console errors, uncaught exceptions and dialogs (an `alert` a path ran): each one a failure. */
  problems: string[];
  /** Every URL the page asked for, its own file first. */
  requests: string[];
}

describe.skipIf(!chromiumPath)(chromiumPath ? 'html report in Chromium' : `html report in Chromium: skipped, ${noChromium}`, () => {
  let browser: Browser;
  let dir: string;
  let auditPage: string;
  let scanPage: string;
  let shared: Opened;

  beforeAll(async () => {
    dir = makeFileTmpDir('html-browser');
    // A real scan of a tree holding a file whose name is markup, as the bin would write the page.
    const keys = keyFactory(0x62726f77);
    const tree = writeTree(makeFileTmpDir('html-browser-tree'), { [hostileName]: `TOKEN=${keys.tokenrouterLive()}\n`, 'app.env': `KEY=${keys.openrouter()}\n` });
    const scanned = await scan(tree, { format: 'html' });
    expect(scanned.code).toBe(1);
    scanPage = join(dir, 'scan.html');
    writeFileSync(scanPage, scanned.report);
    auditPage = join(dir, 'audit.html');
    writeFileSync(auditPage, renderHtml(auditFixture().result, contextOf()));
    browser = await launchChromium(chromiumPath ?? '');
    shared = await newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** A page that records what it logs, throws, shows and asks for; opening a page costs ~1 s, so tests share one. */
  async function newPage(options: BrowserContextOptions = {}): Promise<Opened> {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    // A missing element fails in seconds, not in playwright's default 30.
    page.setDefaultTimeout(5_000);
    const opened: Opened = { page, problems: [], requests: [] };
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') opened.problems.push(`console ${message.type()}: ${message.text()}`);
    });
    page.on('pageerror', (error) => opened.problems.push(`uncaught: ${error.message}`));
    page.on('dialog', (dialog) => {
      opened.problems.push(`dialog: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('request', (request) => opened.requests.push(request.url()));
    return opened;
  }

  /** `file` in the shared page, its records started afresh. */
  async function open(file: string, opened: Opened = shared): Promise<Opened> {
    opened.problems.length = 0;
    opened.requests.length = 0;
    await opened.page.emulateMedia({ media: 'screen' });
    await opened.page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    return opened;
  }

  const visibleRows = (page: Page, table = 'table.findings') => page.locator(`${table} tbody tr:visible`).count();
  const columnOf = (page: Page, table: number, column: number) =>
    page
      .locator('table.findings')
      .nth(table)
      .locator('tbody tr')
      .evaluateAll((rows, index) => rows.map((row) => (row as unknown as TableRow).cells[index]?.textContent ?? ''), column);

  it('a file named as markup shows as its name and runs nothing; the page asks for nothing else and logs no error', async () => {
    const { page, problems, requests } = await open(scanPage);
    await expect(page.locator('td.place', { hasText: hostileName }).count()).resolves.toBe(1);
    await expect(page.locator('img').count()).resolves.toBe(0);
    await expect(page.locator('script').count()).resolves.toBe(1);
    await page.waitForTimeout(100); // an onerror would have fired by now
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(scanPage).href]);
    const shot = join(dir, 'scan.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect(readFileSync(shot).subarray(1, 4).toString('latin1')).toBe('PNG');
  });

  it('filters by provider, status and text, across the tables of every repository', async () => {
    const { page, problems, requests } = await open(auditPage);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(true);
    await expect(visibleRows(page)).resolves.toBe(7);
    await expect(page.locator('#shown').textContent()).resolves.toBe('7 shown');

    await page.selectOption('select[name=provider]', 'tokenrouter');
    await expect(visibleRows(page)).resolves.toBe(2);
    await expect(page.locator('#shown').textContent()).resolves.toBe('2 of 7 shown');

    await page.selectOption('select[name=status]', 'revoked');
    await expect(visibleRows(page)).resolves.toBe(1);
    await expect(page.locator('table.findings tbody tr:visible td.place').textContent()).resolves.toBe('src/router/client.ts:27');
    await expect(page.locator('table.findings:visible').count()).resolves.toBe(1);
    await expect(page.locator('p.none:visible').textContent()).resolves.toBe('No finding here matches the filters.');

    await page.selectOption('select[name=provider]', '');
    await page.selectOption('select[name=status]', 'live');
    await expect(visibleRows(page)).resolves.toBe(3);

    await page.selectOption('select[name=status]', '');
    await page.fill('input[name=text]', 'HOPPER');
    await expect(visibleRows(page)).resolves.toBe(2);
    await page.fill('input[name=text]', 'no such text');
    await expect(visibleRows(page)).resolves.toBe(0);
    await expect(page.locator('p.none:visible').count()).resolves.toBe(2);
    await page.fill('input[name=text]', '');
    await expect(visibleRows(page)).resolves.toBe(7);

    expect(problems).toEqual([]);
    expect(requests).toHaveLength(1);
  });

  it('sorts a table by the column whose header is clicked, and back', async () => {
    const { page, problems } = await open(auditPage);
    const header = (name: string) => page.locator('table.findings').first().locator('th button', { hasText: name });
    const dateColumn = 6;
    await header('Date').click();
    await expect(columnOf(page, 0, dateColumn)).resolves.toEqual(['2024-03-04', '2024-09-21', '2025-02-11', '2025-06-30']);
    await expect(page.locator('table.findings').first().locator('th[aria-sort=ascending]').textContent()).resolves.toBe('Date');
    await header('Date').click();
    await expect(columnOf(page, 0, dateColumn)).resolves.toEqual(['2025-06-30', '2025-02-11', '2024-09-21', '2024-03-04']);
    await header('Severity').click();
    await expect(columnOf(page, 0, 2)).resolves.toEqual(['critical', 'high', 'high', 'high']);
    // Lines sort as numbers, not as text.
    await header('Location').click();
    await expect(columnOf(page, 0, 0)).resolves.toEqual(['config/settings.py:12', 'deploy/.env.production:3', 'scripts/rotate.sh:8', 'src/router/client.ts:27']);
    expect(problems).toEqual([]);
  });

  it('with JavaScript off: every row, in the order of the report, and no controls that would do nothing', async () => {
    const { page, problems } = await open(auditPage, await newPage({ javaScriptEnabled: false }));
    await expect(visibleRows(page)).resolves.toBe(7);
    await expect(page.locator('#filters').isVisible()).resolves.toBe(false);
    await expect(page.locator('th button').count()).resolves.toBe(0);
    await expect(columnOf(page, 1, 0)).resolves.toEqual(['README.md:41', 'tests/fixtures/keys.json:5', 'notebooks/eval.ipynb:88']);
    expect(problems).toEqual([]);
    await page.context().close();
  });

  it('printed: the controls are left out, every row is in', async () => {
    const { page } = await open(auditPage);
    await page.emulateMedia({ media: 'print' });
    await expect(page.locator('#filters').isVisible()).resolves.toBe(false);
    await expect(visibleRows(page)).resolves.toBe(7);
  });
});
