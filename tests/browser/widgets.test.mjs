// ipywidgets in a Kindling (PySpark) notebook in JupyterLab, in Debian's Chromium driven by
// playwright-core: comms both ways between the page and the Python child behind the kernel.
//
// Against a running JupyterLab whose kernelspecs include kindling_pyspark ("Kindling (PySpark)")
// and whose environment has jupyterlab_widgets (the widget manager):
//   1. create a Kindling (PySpark) notebook from the launcher;
//   2. run a cell showing an IntSlider (value 3) and a Label; an observer on the slider writes
//      each new value into a Python list and the label, with a Spark job's result for that value;
//   3. move the slider with the keyboard on its handle: the label shows the kernel's answer;
//   4. a later cell reads back what the observer saw;
//   5. a cell sets slider.value = 7 in Python: the rendered slider and the label follow.
// A screenshot is saved after every step, and on any failure, in the artifacts directory.
// The helpers and environment variables are in lab.mjs. Every wait is on a DOM condition.

import { CELL_MS, UI_MS, fail, openLab, same } from './lab.mjs';

const KERNEL_NAME = 'Kindling (PySpark)';
// The label says "n=N sum=S", S computed by Spark for every value the observer sees.
const WIDGET_CELL = [
  'import ipywidgets as widgets',
  'seen = []',
  'slider = widgets.IntSlider(value=3, min=0, max=10, description="n")',
  'label = widgets.Label()',
  'def show(n):',
  '    total = spark.range(n + 1).selectExpr("sum(id) AS s").first()["s"]',
  '    label.value = f"n={n} sum={total}"',
  'def on_value(change):',
  '    seen.append(change["new"])',
  '    show(change["new"])',
  'slider.observe(on_value, names="value")',
  'show(slider.value)',
  'widgets.VBox([slider, label])',
].join('\n');
const READ_BACK_CELL = 'print("seen", seen, "value", slider.value)';
const FROM_PYTHON_CELL = 'slider.value = 7';
const AFTER_PYTHON_CELL = 'print("seen", seen, "label", label.value)';

const {
  page, step, cell, waitFor, waitForIdle, runCell, finishedPrompt, openLauncher, newNotebook, close,
} = await openLab(KERNEL_NAME);

function slider() {
  return cell(0).locator('.jp-OutputArea-output .jupyter-widgets.widget-slider');
}

function label() {
  return cell(0).locator('.jp-OutputArea-output .jupyter-widgets.widget-label');
}

/** Waits until the slider's readout and handle both show `value`. */
async function sliderShows(value, what) {
  await waitFor(slider().locator('.widget-readout', { hasText: new RegExp(`^\\s*${value}\\s*$`) }),
    `the slider's readout showing ${value} (${what})`, CELL_MS);
  same(await slider().locator('.noUi-handle').getAttribute('aria-valuenow'), `${value}.0`,
    `the slider handle's aria-valuenow (${what})`);
}

async function labelShows(text, what) {
  await waitFor(label().filter({ hasText: text }), `the label saying "${text}" (${what})`, CELL_MS);
}

async function streamText(index) {
  const output = cell(index).locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]');
  await waitFor(output, `cell ${index + 1}'s printed output`, CELL_MS);
  return (await output.innerText()).trim();
}

await step('launcher', openLauncher);

await step('new-pyspark-notebook', newNotebook);

await step('slider-rendered', async () => {
  await runCell(0, WIDGET_CELL);
  await waitFor(slider(), 'the rendered IntSlider (.jupyter-widgets.widget-slider)', CELL_MS);
  await sliderShows(3, 'as created');
  await labelShows('n=3 sum=6', 'as created');
  same(await finishedPrompt(0, CELL_MS), '[1]:', 'the widget cell\'s prompt');
  await waitForIdle(UI_MS, 'after the widget cell');
});

await step('slider-moved-in-browser', async () => {
  const handle = slider().locator('.noUi-handle');
  await handle.focus();
  await handle.press('ArrowRight');
  await handle.press('ArrowRight');
  await sliderShows(5, 'after two ArrowRight presses');
  // The label changes only when the kernel's observer has run and its update came back.
  await labelShows('n=5 sum=15', 'the observer\'s answer to the browser\'s change');
  await waitForIdle(UI_MS, 'after the observer ran');
});

await step('observer-read-back', async () => {
  await runCell(1, READ_BACK_CELL);
  same(await finishedPrompt(1, CELL_MS), '[2]:', 'the read-back cell\'s prompt');
  const text = await streamText(1);
  // Each key press may reach the kernel as its own update, or the widget manager may merge them.
  if (!/^seen \[(4, )?5\] value 5$/.test(text)) {
    fail(`the observer did not see the browser's change: ${JSON.stringify(text)}`);
  }
  console.log(`   kernel read back: ${text}`);
});

await step('changed-from-python', async () => {
  await runCell(2, FROM_PYTHON_CELL);
  same(await finishedPrompt(2, CELL_MS), '[3]:', 'the cell setting slider.value');
  await sliderShows(7, 'after slider.value = 7 in Python');
  await labelShows('n=7 sum=28', 'after slider.value = 7 in Python');
  await runCell(3, AFTER_PYTHON_CELL);
  const text = await streamText(3);
  if (!/^seen \[(4, )?5, 7\] label n=7 sum=28$/.test(text)) {
    fail(`the kernel's state after slider.value = 7: ${JSON.stringify(text)}`);
  }
  console.log(`   kernel read back: ${text}`);
  await waitForIdle(UI_MS, 'after the last cell');
});

await close();
