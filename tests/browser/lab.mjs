// What the JupyterLab browser scripts share: the environment they read, Chromium through
// playwright-core, steps with screenshots, and the notebook locators and waits.
//
// Environment:
//   KINDLING_LAB_URL        JupyterLab's base URL with its token, e.g. http://127.0.0.1:8888/?token=abc
//                           (required; tests/e2e/test_browser.py starts JupyterLab and sets it)
//   KINDLING_CHROMIUM       the browser to drive (default /usr/bin/chromium)
//   KINDLING_BROWSER_ARTIFACTS  where screenshots go (default tests/browser/artifacts)
//
// Every wait is on a DOM condition with a deadline; no fixed sleeps.

import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));

// Generous deadlines: the machine running this may be a loaded 2-core CI box.
export const KERNEL_START_MS = 180_000; // a JVM with Spark
export const CELL_MS = 120_000;
export const UI_MS = 60_000;

export function fail(message) {
  throw new Error(message);
}

export function same(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

/**
 * Starts Chromium on a blank page and returns the helpers a script's steps use, for notebooks of
 * the kernel whose display name is `kernelName`. Exits with status 2 when the environment is
 * incomplete.
 */
export async function openLab(kernelName) {
  const labUrl = process.env.KINDLING_LAB_URL;
  const chromiumPath = process.env.KINDLING_CHROMIUM || '/usr/bin/chromium';
  const artifacts = process.env.KINDLING_BROWSER_ARTIFACTS || join(here, 'artifacts');
  if (!labUrl) {
    console.error('KINDLING_LAB_URL is not set: run this through tests/e2e/test_browser.py, '
      + 'or start JupyterLab and set KINDLING_LAB_URL=http://127.0.0.1:PORT/?token=TOKEN');
    process.exit(2);
  }
  if (!existsSync(chromiumPath)) {
    console.error(`no browser at ${chromiumPath}: install Debian's Chromium `
      + '(apt-get install --no-install-recommends chromium) or set KINDLING_CHROMIUM');
    process.exit(2);
  }
  mkdirSync(artifacts, { recursive: true });

  const browser = await chromium.launch({
    executablePath: chromiumPath,
    // --no-sandbox: CI containers run as root, where Chromium's sandbox cannot start.
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  page.on('pageerror', (e) => console.log(`browser page error: ${e.message}`));

  let stepNumber = 0;

  function notebook() {
    return page.locator('.jp-NotebookPanel:not(.lm-mod-hidden)');
  }

  function cell(index) {
    return notebook().locator('.jp-Notebook .jp-CodeCell').nth(index);
  }

  /** The notebook toolbar's kernel execution indicator with the given data-status. */
  function kernelIndicator(status) {
    return notebook().locator(`.jp-NotebookPanel-toolbar .jp-Notebook-ExecutionIndicator[data-status="${status}"]`);
  }

  async function kernelStatusText() {
    return page.locator('#jp-main-statusbar .jp-StatusBar-TextItem[title^="Change kernel"]').innerText({ timeout: 2000 });
  }

  /** Runs one step; saves a screenshot after it, or on failure, and then fails loudly. */
  async function step(name, body) {
    stepNumber += 1;
    const file = join(artifacts, `${String(stepNumber).padStart(2, '0')}-${name}`);
    const started = Date.now();
    try {
      await body();
    } catch (error) {
      const shot = `${file}-FAILED.png`;
      await page.screenshot({ path: shot, fullPage: true }).catch(() => {});
      console.error(`FAILED step ${stepNumber} (${name}) after ${Date.now() - started} ms: ${error.message}`);
      console.error(`kernel status: ${await kernelStatusText().catch(() => '?')}`);
      console.error(`screenshot: ${shot}`);
      await browser.close();
      process.exit(1);
    }
    await page.screenshot({ path: `${file}.png`, fullPage: true });
    console.log(`ok ${stepNumber} ${name} (${Date.now() - started} ms) screenshot: ${file}.png`);
  }

  async function waitFor(locator, what, timeout = UI_MS) {
    try {
      await locator.first().waitFor({ state: 'visible', timeout });
    } catch (error) {
      fail(`${what}: not seen within ${timeout / 1000} s`);
    }
  }

  async function waitForIdle(timeout, what) {
    await waitFor(kernelIndicator('idle'), `kernel idle (${what})`, timeout);
    await waitFor(
      page.locator('#jp-main-statusbar .jp-StatusBar-TextItem', { hasText: `${kernelName} | Idle` }),
      `status bar "${kernelName} | Idle" (${what})`, timeout);
  }

  /** Types code into the cell (no auto-closed brackets) and runs it with the toolbar's run button. */
  async function runCell(index, code) {
    const target = cell(index);
    await waitFor(target, `cell ${index + 1}`);
    await target.locator('.cm-content').click();
    await page.keyboard.insertText(code);
    const typed = await target.locator('.cm-content').innerText();
    if (typed.trim() !== code) fail(`cell ${index + 1} holds ${JSON.stringify(typed)}, not ${JSON.stringify(code)}`);
    await notebook().locator('[data-command="notebook:run-cell-and-select-next"]').click();
  }

  /** The prompt of a cell once it has finished: "[N]:". */
  async function finishedPrompt(index, timeout) {
    const prompt = cell(index).locator('.jp-InputPrompt');
    await waitFor(cell(index).locator('.jp-InputPrompt', { hasText: /^\s*\[\d+\]:\s*$/ }),
      `cell ${index + 1} finished (a number in its prompt)`, timeout);
    return (await prompt.innerText()).trim();
  }

  /** Opens JupyterLab with a fresh workspace and waits for the launcher's card of the kernel. */
  async function openLauncher() {
    const url = new URL(labUrl);
    url.pathname = `${url.pathname.replace(/\/$/, '')}/lab`;
    url.searchParams.set('reset', ''); // a fresh workspace: the launcher, nothing restored
    await page.goto(url.toString(), { timeout: UI_MS });
    await waitFor(launcherCard(), `the launcher's "${kernelName}" notebook card`);
  }

  function launcherCard() {
    return page.locator(`.jp-LauncherCard[data-category="Notebook"][title="${kernelName}"]`);
  }

  /** Creates a notebook of the kernel from the launcher and waits until its kernel is idle. */
  async function newNotebook() {
    await launcherCard().click();
    await waitFor(cell(0), 'the new notebook\'s first cell');
    await waitForIdle(KERNEL_START_MS, 'after the kernel started');
  }

  async function close() {
    await browser.close();
    console.log(`all ${stepNumber} steps passed; screenshots in ${artifacts}`);
  }

  console.log(`JupyterLab: ${labUrl.replace(/token=\w+/, 'token=…')}; browser: ${chromiumPath}`);
  console.log(`screenshots: ${artifacts}`);
  return {
    page, step, notebook, cell, kernelIndicator, waitFor, waitForIdle, runCell, finishedPrompt,
    openLauncher, newNotebook, close,
  };
}
