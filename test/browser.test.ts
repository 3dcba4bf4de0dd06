import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { createApp, type App } from '../src/server';
import { openSeededStore, type TestStore } from './support/backends';

/**
 * The explorer and GraphiQL as a person meets them: Debian's Chromium, driven by Playwright,
 * against a live server over the seeded store, on pages built from web/ for this run. Any console
 * error, uncaught exception or request to another host fails the test. Screenshots of each view go
 * to test/artifacts/.
 */

const root = join(__dirname, '..');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const ARTIFACTS = join(__dirname, 'artifacts');
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && !process.env.CI) {
  console.warn(`\nWARNING: no Chromium at ${CHROMIUM} (apt-get install chromium); the browser tests are SKIPPED.\n`);
}

/** The Vite build of web/ into a folder of its own, so the test sees the current sources. */
function buildPages(): string {
  const outDir = mkdtempSync(join(tmpdir(), 'newsgraph-pages-'));
  execFileSync(process.execPath, [join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', join(root, 'web', 'vite.config.mts'), '--outDir', outDir, '--emptyOutDir', '--logLevel', 'error'], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  return outDir;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

let pages: string;
beforeAll(() => {
  pages = buildPages();
}, 180_000);
afterAll(() => {
  if (pages) rmSync(pages, { recursive: true, force: true });
});

describe('the built pages', () => {
  it('load nothing from another host: no http(s) URL as a script, style, font, worker, import or fetch', () => {
    const files = filesUnder(pages).filter((file) => /\.(html|js|css)$/.test(file));
    expect(files.some((file) => /ide-.*\.js$/.test(file))).toBe(true);
    expect(files.some((file) => /worker-.*\.js$/.test(file))).toBe(true);
    const loads = [
      /<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*["']?(?:https?:)?\/\//gi,
      /url\(\s*["']?(?:https?:)?\/\/[^)]*\)/gi,
      /@import\s+(?:url\()?\s*["']?(?:https?:)?\/\//gi,
      /\b(?:import|importScripts|fetch|new\s+(?:Shared)?Worker)\s*\(\s*["'`](?:https?:)?\/\//g,
      /\bfrom\s*["'`](?:https?:)?\/\//g,
    ];
    const found = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return loads.flatMap((pattern) => [...text.matchAll(pattern)].map((match) => `${file.slice(pages.length)}: ${match[0].slice(0, 120)}`));
    });
    expect(found).toEqual([]);
  });
});

(haveChromium || process.env.CI ? describe : describe.skip)('in Chromium', () => {
  let store: TestStore;
  let app: App;
  let base: string;
  let profile: string;
  let browser: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    if (!haveChromium) throw new Error(`no Chromium at ${CHROMIUM}: CI must run the browser tests (.ci/run installs it)`);
    mkdirSync(ARTIFACTS, { recursive: true });
    store = await openSeededStore('pglite');
    app = await createApp(store.db, { ideEnabled: true, webRoot: pages });
    await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`;
    profile = mkdtempSync(join(tmpdir(), 'newsgraph-chromium-'));
    browser = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
      viewport: { width: 1280, height: 900 },
    });
    // Nothing may leave this machine: a request to another host is refused and reported.
    await browser.route(/^(?!http:\/\/127\.0\.0\.1[:/]|data:|blob:)/, async (route) => {
      problems.push(`request to another host: ${route.request().url()}`);
      await route.abort();
    });
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
    await app?.stop();
    await store?.close();
  });

  beforeEach(async () => {
    problems = [];
    page = await browser.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('requestfailed', (request) => {
      if (request.failure()?.errorText !== 'net::ERR_ABORTED') problems.push(`failed request: ${request.url()} ${request.failure()?.errorText}`);
    });
  });

  afterEach(async () => {
    await page.close();
    expect(problems).toEqual([]);
  });

  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('searches "Witkof", reaches Witkoff\'s page and sees Putin among his counterparts with the third meeting', async () => {
    await page.goto(`${base}/`);
    await page.getByText(/Showing \d+ of \d+ events/).waitFor();
    await shot('network');

    // By keyboard: type, arrow down into the results, Enter.
    await page.locator('#search-input').fill('Witkof');
    const result = page.locator('.search-results a', { hasText: 'Steve Witkoff' }).first();
    await result.waitFor();
    await shot('search');
    await page.locator('#search-input').press('ArrowDown');
    await page.waitForFunction("document.activeElement?.matches('.search-results a') === true");
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/actor\/steve-witkoff$/);
    await page.getByRole('heading', { level: 1, name: 'Steve Witkoff' }).waitFor();

    const counterparts = page.locator('section.counterparts');
    await counterparts.getByRole('link', { name: 'Vladimir Putin', exact: true }).waitFor();
    expect(await counterparts.textContent()).toContain('2 meetings');
    await counterparts.getByRole('link', { name: /third meeting with Vladimir Putin/ }).waitFor();
    expect(await counterparts.locator('.badge', { hasText: '3rd meeting' }).count()).toBe(1);
    expect(await page.locator('section[aria-labelledby="roles"]').textContent()).toContain('Special envoy of Donald Trump');

    // A role's evidence opens onto the article with the span highlighted.
    await page.locator('section[aria-labelledby="roles"] summary').first().click();
    await showsText(page.locator('section[aria-labelledby="roles"] mark').first(), 'Donald Trump’s special envoy');
    expect(await page.locator('ol.timeline > li').count()).toBeGreaterThanOrEqual(3);
    await shot('actor');
  });

  it('opens the pledge: "more than €21 billion" with its evidence highlighted, then 23.8 billion in USD', async () => {
    await page.goto(`${base}/#/actor/ukraine`);
    const received = page.locator('.pledge-group', { hasText: 'Received' });
    await received.waitFor();
    await page.locator('#actor-currency').selectOption('EUR');
    await showsText(received.locator('h3'), 'total more than €21 billion');
    await received.getByRole('link', { name: /NATO allies pledge more than €21 billion/ }).click();
    await page.waitForURL(/#\/event\/nato-allies-pledge-to-ukraine$/);

    await showsText(page.locator('.stated-amount'), 'more than €21 billion');
    const mark = page.locator('section.amount details[open] mark').first();
    await mark.waitFor();
    expect(await mark.textContent()).toContain('more than €21 billion($23.8 billion)');
    expect(await mark.isVisible()).toBe(true);
    await shot('pledge');

    await page.locator('#event-currency').selectOption('USD');
    await showsText(page.locator('.converted-amount'), 'more than $23.8 billion');
    expect(await page.locator('section.amount').textContent()).toContain('the article reports this figure itself');
    await page.locator('#event-currency').selectOption('GBP');
    await showsText(page.locator('.converted-amount'), 'more than £18.175 billion');
    expect(await page.locator('section.amount').textContent()).toMatch(/converted at 1 EUR = 0\.8655 GBP/);
    await page.locator('#event-currency').selectOption('USD');
    await showsText(page.locator('.converted-amount'), 'more than $23.8 billion');
    await shot('pledge-usd');

    // The chosen currency carries over to the actor's totals.
    await page.goto(`${base}/#/actor/ukraine`);
    await showsText(page.locator('.pledge-group', { hasText: 'Received' }).locator('h3'), /total more than \$23\.8 billion/);
  });

  it('expands a neighbourhood in the network and filters links by kind and date', async () => {
    await page.goto(`${base}/#/network/steve-witkoff`);
    const actors = page.locator('.node-list');
    await actors.getByRole('link', { name: 'Vladimir Putin' }).waitFor();
    expect(await actors.getByRole('link', { name: 'Donald Trump' }).count()).toBe(0);
    // A click on Putin's node in the drawing (located through the registry Cytoscape keeps on its container).
    const point = (await page.evaluate(`(() => {
      const canvas = document.querySelector('.network-canvas');
      const at = canvas._cyreg.cy.getElementById('vladimir-putin').renderedPosition();
      const box = canvas.getBoundingClientRect();
      return { x: box.left + at.x, y: box.top + at.y };
    })()`)) as { x: number; y: number };
    await page.mouse.click(point.x, point.y);
    await page.locator('.selection h2', { hasText: 'Vladimir Putin' }).waitFor();
    await actors.getByRole('link', { name: 'Donald Trump' }).waitFor();
    await actors.getByRole('link', { name: 'Biden administration' }).waitFor();
    expect(await page.getByRole('button', { name: 'Expand Vladimir Putin' }).isDisabled()).toBe(true);

    // The same by keyboard: Trump's neighbourhood brings his cease-fire proposal and Ukraine's stance on it.
    await page.getByRole('button', { name: 'Expand Donald Trump' }).focus();
    await page.keyboard.press('Enter');
    await actors.getByRole('link', { name: /30-day cease-fire/ }).waitFor();
    await actors.getByRole('link', { name: 'Ukraine', exact: true }).waitFor();
    const status = page.locator('p[role="status"]');
    const count = async () => Number((await status.textContent())!.match(/(\d+) links shown/)![1]);
    const all = await count();

    await page.getByLabel('Actions').uncheck();
    expect(await count()).toBeLessThan(all);
    expect(await actors.getByRole('link', { name: 'Biden administration' }).count()).toBe(0);
    await page.getByLabel('Actions').check();
    expect(await count()).toBe(all);

    await page.getByLabel('undated events').uncheck();
    await page.locator('input[type="date"]').first().fill('2025-01-01');
    const dated = await count();
    expect(dated).toBeGreaterThan(0);
    expect(dated).toBeLessThan(all);
    const events = await page.locator('.event-list').textContent();
    expect(events).toContain('third meeting');
    expect(events).not.toContain('first meeting');
    await shot('network-expanded');
  });

  it('fits a phone screen: no sideways scrolling on the actor and pledge pages', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    for (const [hash, name] of [['#/actor/steve-witkoff', 'phone-actor'], ['#/event/nato-allies-pledge-to-ukraine', 'phone-pledge'], ['#/', 'phone-network']] as const) {
      await page.goto(`${base}/${hash}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      // A hash change keeps the page: let the new view render and lay out (slow on a loaded machine).
      let widths: [number, number] = [0, 0];
      for (let tries = 0; tries < 50; tries++) {
        widths = (await page.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as [number, number];
        if (widths[0] <= widths[1]) break;
        await page.waitForTimeout(100);
      }
      const [scroll, client] = widths;
      expect({ page: name, scroll }).toEqual({ page: name, scroll: Math.min(scroll, client) });
      await shot(name);
    }
  });

  it('loads GraphiQL at /graphql with the docs, the README examples as tabs, and a headers pane whose headers are sent', async () => {
    await page.goto(`${base}/graphql`);
    await page.locator('.graphiql-container').waitFor();
    await page.locator('.graphiql-doc-explorer').getByText('Root Types').waitFor({ timeout: 20_000 });
    await page.locator('.graphiql-doc-explorer').getByRole('link', { name: 'Query' }).first().waitFor();
    for (const tab of ['WhoMetWhom', 'SteveWitkoffsCounterparts', 'Search']) {
      await page.locator(`.graphiql-tab-button[title="${tab}"]`).waitFor();
    }
    const headers = page.locator('section.graphiql-editor-tool[aria-label="Headers"] .graphiql-editor:not(.hidden)');
    await showsText(headers, /"Authorization": "Bearer <your API key>"/);

    const run = async (check: (request: import('playwright-core').Request) => boolean) => {
      const sent = page.waitForRequest((request) => request.method() === 'POST' && request.url().endsWith('/graphql') && check(request));
      await page.locator('.graphiql-execute-button').click();
      return sent;
    };
    const first = await run((request) => (request.postData() ?? '').includes('query WhoMetWhom'));
    expect(first.headers()['content-type']).toBe('application/json');
    await showsText(page.locator('.result-window'), /"meetingCount": 2/);

    // The headers pane is editable, and what is typed there goes with the request.
    await headers.locator('.view-lines').click();
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.press('Delete');
    await page.keyboard.insertText('{ "Authorization": "Bearer browser-test-key" }');
    const second = await run((request) => request.headers()['authorization'] !== undefined);
    expect(second.headers()['authorization']).toBe('Bearer browser-test-key');
    await shot('graphiql');
  });
});

/** Waits (up to 10 s) until the element's text contains (or matches) what is expected. */
async function showsText(locator: Locator, expected: string | RegExp): Promise<void> {
  const deadline = Date.now() + 10_000;
  let seen: string | null = null;
  while (Date.now() < deadline) {
    // Monaco draws spaces as no-break spaces.
    seen = (await locator.first().textContent({ timeout: 10_000 }).catch(() => null))?.replace(/\u00a0/g, ' ') ?? null;
    if (seen !== null && (typeof expected === 'string' ? seen.includes(expected) : expected.test(seen))) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`expected ${locator} to show ${String(expected)}; it shows ${JSON.stringify(seen)}`);
}
