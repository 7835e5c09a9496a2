// Usage: node render-check.mjs PAGE.html SCREENSHOT.png
// Opens a page drawn by 'newsnlp render' in headless Chromium (CHROMIUM, else /usr/bin/chromium), checks that the
// entity marks are there and coloured by label, that the entity table lists them, and saves a full-page screenshot.
// Prints a JSON summary; exits 1 when a check fails.
import { chromium } from 'playwright-core';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

const [page, shot] = process.argv.slice(2);
if (!page || !shot) { console.error('usage: node render-check.mjs PAGE.html SCREENSHOT.png'); process.exit(2); }
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ['--no-sandbox'] });
try {
  const tab = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await tab.goto('file://' + resolve(page));
  const summary = await tab.evaluate(() => {
    const marks = [...document.querySelectorAll('mark[data-label]')];
    const byLabel = {};
    for (const m of marks) byLabel[m.dataset.label] = (byLabel[m.dataset.label] || 0) + 1;
    const person = document.querySelector('mark[data-label=PERSON]');
    const entityRows = document.querySelectorAll('table.entities tr[data-entity]').length;
    const missingRows = marks.filter(m => !document.querySelector(`table.entities tr[data-entity="${m.dataset.entity}"]`)).length;
    return {
      documents: document.querySelectorAll('article.document').length,
      marks: marks.length, byLabel, entityRows, missingRows,
      personBackground: person ? getComputedStyle(person).backgroundColor : null,
      linked: document.querySelectorAll('table.entities a[href^="https://www.wikidata.org/wiki/Q"]').length,
      boilerplate: document.querySelectorAll('.boilerplate').length,
      title: document.title,
    };
  });
  await tab.screenshot({ path: shot, fullPage: true });
  summary.screenshotBytes = statSync(shot).size;
  const failures = [];
  if (summary.documents < 1) failures.push('no document');
  if (!summary.byLabel.PERSON || !summary.byLabel.GPE) failures.push('no PERSON or GPE mark');
  if (summary.personBackground !== 'rgb(170, 156, 252)') failures.push(`PERSON marks are not coloured: ${summary.personBackground}`);
  if (summary.missingRows > 0) failures.push(`${summary.missingRows} marks without a row in the entity table`);
  if (summary.linked < 1) failures.push('no Wikidata link');
  if (summary.screenshotBytes < 20000) failures.push(`screenshot too small: ${summary.screenshotBytes} bytes`);
  summary.failures = failures;
  console.log(JSON.stringify(summary));
  process.exitCode = failures.length ? 1 : 0;
} finally {
  await browser.close();
}
