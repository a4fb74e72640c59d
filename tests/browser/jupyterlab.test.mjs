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
// The helpers (Chromium, steps with screenshots, notebook locators, waits) are in lab.mjs, which
// also describes the environment variables. Every wait is on a DOM condition with a deadline.

import { CELL_MS, KERNEL_START_MS, UI_MS, fail, openLab, same } from './lab.mjs';

const KERNEL_NAME = 'Kindling (Scala)';
const DATAFRAME_CELL = 'spark.range(5).selectExpr("id", "id * 2 AS doubled")';
// Ten minutes: only the interrupt can end this cell within the test's deadlines.
const LONG_CELL = 'spark.range(1).map { x => Thread.sleep(600000); x }.count()';
const AFTER_RESTART_CELL = 'spark.range(3).selectExpr("id * 10 AS tens")';

const {
  page, step, notebook, cell, kernelIndicator, waitFor, waitForIdle, runCell, finishedPrompt,
  openLauncher, newNotebook, close,
} = await openLab(KERNEL_NAME);

async function tableRows(index) {
  const table = cell(index).locator('.jp-OutputArea-output table.kindling-dataframe');
  const header = await table.locator('thead th').allInnerTexts();
  const rows = await table.locator('tbody tr').evaluateAll(
    (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  return { header, rows };
}

await step('launcher', openLauncher);

await step('new-scala-notebook', newNotebook);

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

await close();
