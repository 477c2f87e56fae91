// Benchmark (not a test): how long the UI's first screen takes to become
// interactive against a running `annals serve` — results, facets and the
// timeline all drawn — over RUNS fresh page loads (the first one cold).
// Usage: node first_screen.mjs URL [RUNS=5]   (bench/ui_first_screen.sh runs it)
import {chromium} from 'playwright-core';

const [url, runsArg] = process.argv.slice(2);
if (!url) {
  console.error('usage: node first_screen.mjs URL [RUNS]');
  process.exit(2);
}
const runs = Number(runsArg || 5);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
const times = [];
try {
  for (let i = 0; i < runs; ++i) {
    const page = await browser.newPage({viewport: {width: 1280, height: 900}});
    const t0 = Date.now();
    await page.goto(url + '/');
    await page.waitForSelector('#results .hit', {timeout: 120000});
    await page.waitForSelector('#facets button.facet', {timeout: 120000});
    await page.waitForSelector('#timeline svg rect.bar', {timeout: 120000});
    times.push(Date.now() - t0);
    await page.close();
  }
} finally {
  await browser.close();
}
const sorted = [...times].sort((a, b) => a - b);
console.log(`first screen interactive: ${times.join(', ')} ms (first load cold; median ${sorted[Math.floor(sorted.length / 2)]} ms)`);
