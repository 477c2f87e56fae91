// Browser test of the annals web UI: a real `annals serve` on a loopback port,
// a real database ingested from the seed and the Wikinews sample, and Debian's
// Chromium driven headless by Playwright (playwright-core; no browser download).
//
// Usage: node ui_test.mjs ANNALS_BINARY DB_FILE OUT_DIR
// The path a user takes: search → click a facet → open an article → see the
// seed's quote highlighted with "Sabina Aliyeva" as speaker → her person page;
// plus the incidents and quotes pages, brushing the timeline, sorting and the
// keyboard. Every page is checked with axe-core (WCAG 2 A/AA: labels,
// contrast, names, roles); serious or critical violations fail the test.
// A screenshot of each page goes to OUT_DIR.
import {spawn} from 'node:child_process';
import {mkdirSync, readFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {chromium} from 'playwright-core';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const [annals, db, outDir] = process.argv.slice(2);
if (!annals || !db || !outDir) {
  console.error('usage: node ui_test.mjs ANNALS_BINARY DB_FILE OUT_DIR');
  process.exit(2);
}
mkdirSync(outDir, {recursive: true});

function fail(msg) { throw new Error(msg); }

// Starts the server on a free port and resolves with its base URL.
function startServer() {
  return new Promise((resolve, reject) => {
    const p = spawn(annals, ['serve', '--db', db, '--port', '0'], {stdio: ['ignore', 'pipe', 'pipe']});
    let out = '';
    const timer = setTimeout(() => reject(new Error('server did not start: ' + out)), 15000);
    const onData = d => {
      out += d.toString();
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)/);
      if (m) { clearTimeout(timer); resolve({proc: p, url: m[0]}); }
    };
    p.stdout.on('data', onData);
    p.stderr.on('data', onData);
    p.on('exit', code => reject(new Error('server exited ' + code + ': ' + out)));
  });
}

const {proc, url} = await startServer();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
         '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
let failed = false;
try {
  const page = await browser.newPage({viewport: {width: 1280, height: 900}});
  const errors = [];
  page.on('pageerror', e => errors.push(e.message));
  const rendered = () => page.evaluate(() => new Promise(r => document.addEventListener('annals:rendered', r, {once: true})));
  // axe-core is evaluated through the DevTools protocol, so the page keeps its
  // real Content-Security-Policy (no inline script tag).
  const checkA11y = async name => {
    if (await page.evaluate(() => typeof window.axe === 'undefined')) await page.evaluate(axeSource);
    const res = await page.evaluate(() => window.axe.run(document, {runOnly: ['wcag2a', 'wcag2aa']}));
    const bad = res.violations.filter(v => v.impact === 'serious' || v.impact === 'critical');
    if (bad.length) {
      fail(`${name}: accessibility violations: ` + bad.map(v =>
        `${v.id} [${v.impact}] ×${v.nodes.length} (${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')})`).join('; '));
    }
  };

  // 1. First screen: timeline and facets of the whole sample, interactive fast.
  let r;
  const t0 = Date.now();
  await page.goto(url + '/');
  await page.waitForSelector('#results .hit');
  await page.waitForSelector('#facets button.facet');
  await page.waitForSelector('#timeline svg rect.bar');
  const firstScreenMs = Date.now() - t0;
  console.log(`first screen interactive in ${firstScreenMs} ms`);
  await page.screenshot({path: `${outDir}/1-search.png`, fullPage: true});
  await checkA11y('search page');

  // 1b. Keyboard: "/" focuses the search box from anywhere but a field.
  await page.locator('body').click({position: {x: 5, y: 5}});
  await page.keyboard.press('/');
  if (!(await page.evaluate(() => document.activeElement?.id === 'q'))) fail('"/" did not focus the search box');

  // 1c. Brushing the timeline from one non-empty month to a later one filters
  // the results to that range.
  const bars = await page.locator('#timeline svg rect.bar').evaluateAll(rs =>
    rs.map((r, i) => ({i, h: Number(r.getAttribute('height'))})).filter(b => b.h > 0).map(b => b.i));
  if (bars.length < 2) fail('timeline has fewer than two non-empty months');
  const boxA = await page.locator('#timeline svg rect.bar').nth(bars[0]).boundingBox();
  const boxB = await page.locator('#timeline svg rect.bar').nth(bars[1]).boundingBox();
  r = rendered();
  await page.mouse.move(boxA.x + boxA.width / 2, boxA.y + boxA.height / 2);
  await page.mouse.down();
  await page.mouse.move(boxB.x + boxB.width / 2, boxB.y + boxB.height / 2, {steps: 4});
  await page.mouse.up();
  await r;
  const hp = new URLSearchParams((await page.evaluate(() => location.hash)).split('?')[1] || '');
  const from = hp.get('from'), to = hp.get('to');
  if (!from || !to) fail('brushing the timeline did not set a date range: ' + (await page.evaluate(() => location.hash)));
  await page.waitForSelector('#results .hit .meta');
  const dates = (await page.locator('#results .hit .meta').allTextContents()).map(t => t.split(' · ')[0].trim());
  if (!dates.length) fail('no results in the brushed range');
  const outside = dates.filter(d => d < from || d > to);
  if (outside.length) fail(`results outside the brushed range ${from}..${to}: ${outside.join(', ')}`);
  await page.screenshot({path: `${outDir}/1c-brushed.png`, fullPage: true});

  // 1d. A filtered query's total is only bounded by default (the API's
  // total=fast): the page says "At least N" and offers the next page;
  // "Count all" replaces it with the exact count of total=exact.
  const boundedQuery = 'said has:quote';
  await page.fill('#q', boundedQuery);
  r = rendered();
  await page.press('#q', 'Enter');
  await r;
  await page.waitForSelector('#results .hit');
  const boundText = await page.locator('#total').textContent();
  const boundMatch = boundText.match(/^At least (\d+) articles$/);
  if (!boundMatch) fail(`the total of "${boundedQuery}" is not labelled as a lower bound: ${boundText}`);
  if (await page.locator('#results .pager a', {hasText: 'Next'}).count() === 0) fail('no Next link under a bounded total');
  const exact = await page.evaluate(q => fetch('/api/search?limit=1&total=exact&q=' + encodeURIComponent(q)).then(x => x.json()),
                                    boundedQuery);
  if (exact.total_exact !== true || exact.total < Number(boundMatch[1]))
    fail(`total=exact gave ${JSON.stringify(exact.total)} (exact: ${exact.total_exact}) below the bound ${boundMatch[1]}`);
  await page.screenshot({path: `${outDir}/1d-bounded-total.png`, fullPage: true});
  await page.click('#count-all');
  await page.waitForFunction(t => document.getElementById('total')?.textContent === t, `${exact.total} articles`);
  if (await page.locator('#count-all').count() !== 0) fail('"Count all" stayed after counting');

  // 2. Search for the seed's place, then click the "Baku" place facet.
  await page.fill('#q', 'Baku');
  r = rendered();
  await page.press('#q', 'Enter');
  await r;
  await page.waitForSelector('#results .hit');
  const facet = page.locator('#facets button.facet', {hasText: 'Baku'}).first();
  if (await facet.count() === 0) fail('no "Baku" facet for the query Baku');
  r = rendered();
  await facet.click();
  await r;
  const q = await page.inputValue('#q');
  if (!/place:Baku/.test(q)) fail('facet click did not add place:Baku to the query: ' + q);
  await page.waitForSelector('#results .hit');
  await page.screenshot({path: `${outDir}/2-facet.png`, fullPage: true});

  // 3. Open the seed article from the results.
  const link = page.locator('#results .hit h3 a', {hasText: '20 January Tragedy'}).first();
  if (await link.count() === 0) fail('the seed article is not among the results');
  r = rendered();
  await link.click();
  await r;
  await page.waitForSelector('.article-text');
  const quoteSpans = await page.locator('.article-text .quote').count();
  if (quoteSpans < 7) fail(`expected the seed's quotes highlighted, found ${quoteSpans} quote spans`);
  const speakers = await page.locator('.side li .speaker').allTextContents();
  const byAliyeva = speakers.filter(s => s.includes('Sabina Aliyeva')).length;
  if (byAliyeva < 7) fail(`expected 7 quotes by Sabina Aliyeva in the fact list, got ${byAliyeva}: ${speakers.join(' | ')}`);
  // A fact in the side list scrolls to and flashes its sentence.
  await page.locator('.side button.fact').first().click();
  await page.waitForSelector('.article-text .flash');
  await page.screenshot({path: `${outDir}/3-article.png`, fullPage: true});
  await checkA11y('article page');

  // 4. Her person page: role, quotes in date order, co-mentions.
  r = rendered();
  await page.locator('.side li .speaker a', {hasText: 'Sabina Aliyeva'}).first().click();
  await r;
  await page.waitForSelector('h1');
  const h1 = await page.textContent('h1');
  if (!h1.includes('Sabina Aliyeva')) fail('person page heading: ' + h1);
  const pquotes = await page.locator('blockquote').count();
  if (pquotes < 7) fail(`person page shows ${pquotes} quotes, expected at least 7`);
  await page.screenshot({path: `${outDir}/4-person.png`, fullPage: true});
  await checkA11y('person page');

  // 5. Incidents page: the seed's 150 killed, sortable.
  r = rendered();
  await page.goto(url + '/#/incidents?type=KILL');
  await r;
  await page.waitForSelector('table tbody tr');
  const body = await page.textContent('table tbody');
  if (!body.includes('150')) fail('incidents page lacks the seed KILL 150');
  const numbers = async () => (await page.locator('table tbody tr td:nth-child(2)').allTextContents())
    .map(t => Number((t.match(/(\d+)\s*$/) || [0, NaN])[1]));
  const isSorted = (v, asc) => v.every((x, i) => i === 0 || (asc ? v[i - 1] <= x : v[i - 1] >= x));
  const before = await numbers();
  if (before.length < 2 || !isSorted(before, false)) fail('incidents are not largest first by default: ' + before);
  r = rendered();
  await page.locator('th button[data-sort="number"]').click();
  await r;
  await page.waitForSelector('th[aria-sort="ascending"] button[data-sort="number"]');
  const after = await numbers();
  if (!isSorted(after, true)) fail('clicking Number did not sort ascending: ' + after);
  await page.screenshot({path: `${outDir}/5-incidents.png`, fullPage: true});
  await checkA11y('incidents page');

  // 6. Quotes page filtered by speaker.
  r = rendered();
  await page.goto(url + '/#/quotes?speaker=' + encodeURIComponent('Sabina Aliyeva'));
  await r;
  await page.waitForSelector('#qt-list .hit');
  // Her direct quotes in quotation marks, her indirect speech ("urged the
  // world community to recognize…") without them: a paraphrase is not her words.
  const shown = await page.locator('#qt-list .hit blockquote').allTextContents();
  const inMarks = shown.filter(t => t.trim().startsWith('“')).length;
  const indirect = await page.locator('#qt-list .hit blockquote .indirect').allTextContents();
  if (inMarks < 7) fail(`quotes page shows ${inMarks} of her quotes in quotation marks, expected at least 7`);
  if (indirect.length < 1 || indirect.some(t => t.includes('“'))) fail('indirect speech shown as a quotation: ' + indirect.join(' | '));
  await page.screenshot({path: `${outDir}/6-quotes.png`, fullPage: true});
  await checkA11y('quotes page');

  // 7. A malformed query shows the error position, not a crash.
  r = rendered();
  await page.goto(url + '/#/?q=' + encodeURIComponent('(Baku'));
  await r;
  await page.waitForSelector('.error');
  await page.screenshot({path: `${outDir}/7-error.png`, fullPage: true});

  // 8. Phone-sized viewport still renders the search page.
  await page.setViewportSize({width: 390, height: 844});
  r = rendered();
  await page.goto(url + '/#/?q=Baku');
  await r;
  await page.waitForSelector('#results .hit');
  await page.screenshot({path: `${outDir}/8-phone.png`, fullPage: true});
  await checkA11y('search page on a phone');

  if (errors.length) fail('JavaScript errors: ' + errors.join('; '));
  console.log('ui test: ok (screenshots in ' + outDir + ')');
} catch (e) {
  failed = true;
  console.error('ui test FAILED: ' + e.message);
} finally {
  await browser.close();
  proc.kill('SIGTERM');
}
process.exit(failed ? 1 : 0);
