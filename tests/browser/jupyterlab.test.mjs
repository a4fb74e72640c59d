// Kindling in JupyterLab, in a real browser: Debian's Chromium driven by playwright-core.
//
// Against a running JupyterLab whose kernelspecs include kindling_scala ("Kindling (Scala)"):
//   1. create a Kindling (Scala) notebook from the launcher, run a DataFrame cell, see its HTML
//      table and the Spark progress display;
//   2. run a long Spark job, press the toolbar's interrupt button, see the cell stop with an error
//      and the kernel go idle;
//   3. restart the kernel from the Kernel menu (confirming the dialog), run a cell again.
// A screenshot is saved after every step, and on any failure, in the artifacts directory.
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
const labUrl = process.env.KINDLING_LAB_URL;
const chromiumPath = process.env.KINDLING_CHROMIUM || '/usr/bin/chromium';
const artifacts = process.env.KINDLING_BROWSER_ARTIFACTS || join(here, 'artifacts');

// Generous deadlines: the machine running this may be a loaded 2-core CI box.
const KERNEL_START_MS = 180_000; // a JVM with Spark
const CELL_MS = 120_000;
const UI_MS = 60_000;

const KERNEL_NAME = 'Kindling (Scala)';
const DATAFRAME_CELL = 'spark.range(5).selectExpr("id", "id * 2 AS doubled")';
// Ten minutes: only the interrupt can end this cell within the test's deadlines.
const LONG_CELL = 'spark.range(1).map { x => Thread.sleep(600000); x }.count()';
const AFTER_RESTART_CELL = 'spark.range(3).selectExpr("id * 10 AS tens")';

function fail(message) {
  throw new Error(message);
}

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
    page.locator('#jp-main-statusbar .jp-StatusBar-TextItem', { hasText: `${KERNEL_NAME} | Idle` }),
    `status bar "${KERNEL_NAME} | Idle" (${what})`, timeout);
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

async function tableRows(index) {
  const table = cell(index).locator('.jp-OutputArea-output table.kindling-dataframe');
  const header = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll(
    (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  return { header, rows };
}

function same(actual, expected, what) {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) {
    fail(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

console.log(`JupyterLab: ${labUrl.replace(/token=\w+/, 'token=…')}; browser: ${chromiumPath}`);
console.log(`screenshots: ${artifacts}`);

await step('launcher', async () => {
  const url = new URL(labUrl);
  url.pathname = `${url.pathname.replace(/\/$/, '')}/lab`;
  url.searchParams.set('reset', ''); // a fresh workspace: the launcher, nothing restored
  await page.goto(url.toString(), { timeout: UI_MS });
  await waitFor(page.locator(`.jp-LauncherCard[data-category="Notebook"][title="${KERNEL_NAME}"]`),
    `the launcher's "${KERNEL_NAME}" notebook card`);
});

await step('new-scala-notebook', async () => {
  await page.locator(`.jp-LauncherCard[data-category="Notebook"][title="${KERNEL_NAME}"]`).click();
  await waitFor(cell(0), 'the new notebook\'s first cell');
  await waitForIdle(KERNEL_START_MS, 'after the kernel started');
});

await step('dataframe-table-and-progress', async () => {
  await runCell(0, DATAFRAME_CELL);
  const output = cell(0).locator('.jp-OutputArea-output');
  await waitFor(output.locator('table.kindling-dataframe'), 'the DataFrame\'s HTML table', CELL_MS);
  await waitFor(output.locator('.kindling-spark-progress', { hasText: 'Spark: done' }),
    'the Spark progress display saying "Spark: done"', CELL_MS);
  const prompt = await finishedPrompt(0, CELL_MS);
  same(prompt, '[1]:', 'the first cell\'s prompt');
  const { header, rows } = await tableRows(0);
  same(header, ['id', 'doubled'], 'the table header');
  same(rows, [['0', '0'], ['1', '2'], ['2', '4'], ['3', '6'], ['4', '8']], 'the table rows');
  const progress = await output.locator('.kindling-spark-progress').innerText();
  if (!/Jobs\s+1\/1/.test(progress)) fail(`the progress display shows no finished job: ${JSON.stringify(progress)}`);
  await waitForIdle(UI_MS, 'after the DataFrame cell');
});

await step('long-job-running', async () => {
  await runCell(1, LONG_CELL);
  await waitFor(kernelIndicator('busy'), 'kernel busy with the long job', CELL_MS);
  await waitFor(cell(1).locator('.jp-OutputArea-output .kindling-spark-progress', { hasText: 'Spark: running' }),
    'the long job\'s progress display saying "Spark: running"', CELL_MS);
  same((await cell(1).locator('.jp-InputPrompt').innerText()).trim(), '[*]:', 'the running cell\'s prompt');
});

await step('interrupted', async () => {
  const clicked = Date.now();
  await notebook().locator('[data-command="notebook:interrupt-kernel"]').click();
  await waitFor(cell(1).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]'),
    'an error output in the interrupted cell', CELL_MS);
  const prompt = await finishedPrompt(1, CELL_MS);
  same(prompt, '[2]:', 'the interrupted cell\'s prompt');
  await waitFor(cell(1).locator('.jp-OutputArea-output .kindling-spark-progress', { hasText: 'Spark: cancelled' }),
    'the long job\'s progress display saying "Spark: cancelled"', CELL_MS);
  await waitForIdle(CELL_MS, 'after the interrupt');
  const error = await cell(1).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]').innerText();
  if (!/interrupt/i.test(error)) fail(`the interrupted cell's error does not say so: ${JSON.stringify(error)}`);
  console.log(`   interrupted in ${Date.now() - clicked} ms; error output: ${error.split('\n')[0]}`);
});

await step('restart-dialog', async () => {
  // Record every kernel status the toolbar shows from now on, to see the restart happen.
  await page.evaluate(() => {
    const seen = [];
    window.kindlingStatuses = seen;
    const record = () => {
      const indicator = document.querySelector(
        '.jp-NotebookPanel:not(.lm-mod-hidden) .jp-Notebook-ExecutionIndicator');
      const status = indicator && indicator.getAttribute('data-status');
      if (status && seen[seen.length - 1] !== status) seen.push(status);
    };
    new MutationObserver(record).observe(document.body,
      { subtree: true, childList: true, attributes: true, attributeFilter: ['data-status'] });
    record();
  });
  await page.locator('.lm-MenuBar-item', { hasText: /^Kernel$/ }).click();
  const restart = page.locator('.lm-Menu-item[data-command="kernelmenu:restart"]');
  await waitFor(restart, 'the Kernel menu\'s "Restart Kernel…" item');
  await restart.click();
  await waitFor(page.locator('.jp-Dialog', { hasText: 'Restart Kernel' }), 'the restart confirmation dialog');
});

await step('restarted', async () => {
  await page.locator('.jp-Dialog .jp-mod-accept').click();
  await page.locator('.jp-Dialog').waitFor({ state: 'detached', timeout: UI_MS });
  try {
    await page.waitForFunction(() => {
      const seen = window.kindlingStatuses;
      return seen.some((s) => s !== 'idle') && seen[seen.length - 1] === 'idle';
    }, null, { timeout: KERNEL_START_MS, polling: 250 });
  } catch (error) {
    fail(`the kernel did not go through a restart back to idle within ${KERNEL_START_MS / 1000} s; `
      + `statuses seen: ${JSON.stringify(await page.evaluate(() => window.kindlingStatuses))}`);
  }
  console.log(`   statuses seen: ${(await page.evaluate(() => window.kindlingStatuses)).join(' -> ')}`);
  await waitForIdle(KERNEL_START_MS, 'after the restart');
});

await step('runs-after-restart', async () => {
  await runCell(2, AFTER_RESTART_CELL);
  await waitFor(cell(2).locator('.jp-OutputArea-output table.kindling-dataframe'),
    'the DataFrame table after the restart', CELL_MS);
  // Execution counts start again at 1 in a restarted kernel.
  same(await finishedPrompt(2, CELL_MS), '[1]:', 'the first prompt after the restart');
  const { header, rows } = await tableRows(2);
  same(header, ['tens'], 'the table header after the restart');
  same(rows, [['0'], ['10'], ['20']], 'the table rows after the restart');
  await waitForIdle(UI_MS, 'after the cell that ran after the restart');
});

await browser.close();
console.log(`all ${stepNumber} steps passed; screenshots in ${artifacts}`);
