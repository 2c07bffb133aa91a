// Browser tests for import, export and inzage (issue 4), in headless
// Chromium:
//  - a teamleider uploads a CSV of their own Excel registration, maps its
//    columns (a select per column), sees the dry run with the failing row
//    and its reason, cannot import while a row fails, and then uploads,
//    dry-runs and imports a good file; with JavaScript (upload.js shows a
//    progress bar) and without (the plain multipart form);
//  - a teamleider exports their organisation's registrations as XLSX and
//    as CSV (downloads) and gets a form error for a period that ends
//    before it starts;
//  - a beheerder finds an inwoner's access history by number and by BSN
//    and downloads the AVG article 15 document; an auditor sees the
//    history but cannot produce that document.
// Every page state is checked with axe-core (WCAG 2.1 A/AA) and HTML Tidy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { request } from 'playwright-core';
import {
  BASE, PASSWORD, axeViolations, nieuwBsn, shot, signIn as signInWith, tidyProblems, useBrowser,
} from './lib.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// Patient: another test run may share this machine's two cores.
const TIMEOUT = 30000;

useBrowser();

let tmp;

before(() => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'wijkzicht-import-export-'));
});

after(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

// Logs in through the form, in a context that bypasses the CSP (axe is
// injected as a script, which the real CSP refuses) and accepts
// downloads. Returns the page. options go to browser.newContext
// (javaScriptEnabled: false for the pages without JavaScript).
const signIn = (user, options = {}) =>
  signInWith(user, { acceptDownloads: true, timeout: TIMEOUT, ...options });

const problems = [];

// Checks the page state the browser shows now, whose HTML the server sent
// as html: axe (only where JavaScript runs: axe is a script) and tidy.
async function checkState(page, label, html, { axe = true } = {}) {
  if (axe) for (const v of await axeViolations(page)) problems.push(`axe ${label}: ${v}`);
  for (const t of tidyProblems(html)) problems.push(`tidy ${label}: ${t}`);
  await shot(page, `import-export-${label.replace(/[^a-z0-9]+/gi, '-')}`);
}

// Checks the page the browser shows now; response: the navigation's.
async function check(page, label, response, status = 200, options = {}) {
  assert.ok(response, `${label}: a response`);
  assert.equal(response.status(), status, `${label}: ${page.url()}`);
  await checkState(page, label, await response.text(), options);
}

const goto = (page, p) => page.goto(new URL(p, BASE).href, { waitUntil: 'load' });
const submit = (page, name) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
  page.getByRole('button', { name, exact: true }).click()]).then(([r]) => r);

// Posts a form the page does not offer (to prove the server refuses it),
// with the page's own CSRF token, as a browser navigation. Returns the
// navigation's response.
async function postAnyway(page, action) {
  const token = await page.locator('input[name="csrf_token"]').first().inputValue();
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.evaluate(({ action: a, token: t }) => {
      const f = document.createElement('form');
      f.method = 'post';
      f.action = a;
      const i = document.createElement('input');
      i.type = 'hidden';
      i.name = 'csrf_token';
      i.value = t;
      f.append(i);
      document.body.append(f);
      f.submit();
    }, { action, token })]);
  return res;
}

// A session on the JSON API (as tests/integration/lib.mjs logs in):
// cookies kept by the request context, the CSRF token and Origin sent on
// unsafe requests.
async function apiSession(user) {
  const origin = new URL(BASE).origin;
  const ctx = await request.newContext({ baseURL: BASE, timeout: TIMEOUT });
  const res = await ctx.post('/api/v1/sessies', {
    headers: { origin }, data: { gebruikersnaam: user, wachtwoord: PASSWORD },
  });
  assert.equal(res.status(), 201, `API log-in of ${user}`);
  const { csrf_token: csrf } = await res.json();
  return {
    ctx,
    get: (p) => ctx.get(p),
    post: (p, data) => ctx.post(p, { headers: { origin, 'x-csrf-token': csrf }, data }),
  };
}

// ------------------------------------------------------------------ import

const HEADER = 'Dossiernr;Naam;Geboortejaar;Wijk;BSN;Soort;Thema;Opdracht;Wijkteam;Start;Gebeurtenis;Datum gebeurtenis;Uitkomst';
const CODES = ['extern_kenmerk', 'naam', 'geboortejaar', 'wijk', 'bsn', 'traject_soort', 'thema',
  'opdracht', 'wijkteam', 'startdatum', 'gebeurtenis_type', 'gebeurtenis_datum', 'uitkomst'];

// One row of the file (the layout of tests/integration/import.test.mjs).
function row(kenmerk, naam, o = {}) {
  const r = {
    jaar: '1975', wijk: 'PLB', bsn: '', soort: 'participatie', thema: 'PART', opdracht: 'BREED',
    wijkteam: 'WT-PLB', start: '3-2-2024', geb: '', gebDatum: '', uitkomst: '', ...o,
  };
  return [kenmerk, naam, r.jaar, r.wijk, r.bsn, r.soort, r.thema, r.opdracht,
    r.wijkteam, r.start, r.geb, r.gebDatum, r.uitkomst].join(';');
}

function csvFile(name, rows) {
  const p = path.join(tmp, name);
  writeFileSync(p, `${HEADER}\r\n${rows.join('\r\n')}\r\n`);
  return p;
}

// The inwoners whose name holds word (the teamleider's search, by API).
async function found(api, word) {
  const res = await api.post('/api/v1/inwoners/zoeken', { naam: word });
  assert.equal(res.status(), 200, await res.text());
  return (await res.json()).items.length;
}

// The dry run's counts table: header cell text → number.
async function telling(page) {
  const rows = await page.locator('table:has(caption:text-is("Telling")) tr').evaluateAll(
    (trs) => trs.map((tr) => [tr.querySelector('th').textContent.trim(), tr.querySelector('td').textContent.trim()]));
  return Object.fromEntries(rows.map(([k, v]) => [k, Number(v)]));
}

// The upload with JavaScript: upload.js sends the file by XMLHttpRequest
// and shows its progress element. The request is held back until that
// element has been seen (and checked), then let through. Returns the
// response of the page the script then opens.
async function uploadWithProgress(page, file, label, { axe = true } = {}) {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const url = new URL('/registratie/import', BASE).href;
  const seen = [];
  await page.route(url, async (route) => {
    if (route.request().method() === 'POST') {
      seen.push(route.request().resourceType());
      await held;
    }
    await route.continue();
  });
  await page.locator('#bestand').setInputFiles(file);
  const opened = page.waitForResponse((r) => r.request().resourceType() === 'document' &&
    /\/registratie\/import\/\d+$/.test(new URL(r.url()).pathname), { timeout: TIMEOUT });
  await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
  const box = page.locator('#upload-voortgang');
  await box.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#upload-balk').evaluate((e) => e.tagName), 'PROGRESS');
  assert.match(await page.locator('#upload-tekst').innerText(), /uploaden|verstuurd/i);
  assert.equal(new URL(page.url()).pathname, '/registratie/import', 'still on the form while uploading');
  // The page with its progress shown is a state of its own.
  if (axe) for (const v of await axeViolations(page)) problems.push(`axe ${label}-voortgang: ${v}`);
  await shot(page, `import-export-${label}-voortgang`);
  release();
  const res = await opened;
  await page.waitForLoadState('load');
  await page.unroute(url);
  assert.deepEqual(seen, ['xhr'], 'upload.js sent the file by XMLHttpRequest');
  return res;
}

// A long step (dry run, import) with JavaScript: bezig.js shows that it
// runs and counts the seconds, and the button cannot be pressed twice.
// Playwright cannot look into a page whose navigation is in flight, so the
// first submit is stopped after bezig.js has seen it; once the indicator
// has been checked (and axe has run on it) the form is posted for real.
// Returns that navigation's response.
async function submitWithBusy(page, name, box, label) {
  const vorm = (naam) => [...document.querySelectorAll('button[type="submit"]')]
    .find((b) => b.textContent.trim() === naam).form;
  await page.evaluate(`(${vorm})(${JSON.stringify(name)}).addEventListener('submit',
    (e) => e.preventDefault(), { once: true })`);
  await page.getByRole('button', { name, exact: true }).click();
  await page.locator(`#${box}`).waitFor({ state: 'visible' });
  assert.equal(await page.locator(`#${box} progress`).count(), 1);
  await page.waitForFunction((id) => /Bezig… \d+ seconde/.test(
    document.querySelector(`#${id} [role="status"]`).textContent), box);
  assert.ok(await page.getByRole('button', { name, exact: true }).isDisabled(), 'pressed once');
  for (const v of await axeViolations(page)) problems.push(`axe ${label}-bezig: ${v}`);
  await shot(page, `import-export-${label}-bezig`);
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load', timeout: TIMEOUT }),
    page.evaluate(`(${vorm})(${JSON.stringify(name)}).submit()`)]);
  return res;
}

test('a teamleider uploads a CSV, maps it, sees the failing row, cannot import it, then imports a good file', async () => {
  const api = await apiSession('teamleider.dock');
  const page = await signIn('teamleider.dock');
  assert.match(await page.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Importeren/);
  await check(page, 'import', await goto(page, '/registratie/import'));
  assert.equal(await page.locator('form#upload-formulier').getAttribute('enctype'), 'multipart/form-data');
  assert.equal(await page.locator('#upload-voortgang').isVisible(), false, 'no progress before an upload');

  // A file with one bad row (the birth year in words).
  const fout = `Fout${RUN}`;
  let res = await uploadWithProgress(page, csvFile(`fout-${RUN}.csv`, [
    row(`BRW-${RUN}-F1`, `Importbrowser ${fout} Een`),
    row(`BRW-${RUN}-F2`, `Importbrowser ${fout} Twee`, { jaar: 'negentien' }),
  ]), 'import-upload-fout');
  const detail = new URL(page.url()).pathname;
  assert.match(detail, /^\/registratie\/import\/\d+$/);
  await check(page, 'import-koppelen', res);
  assert.match(await page.locator('h1').innerText(), new RegExp(`fout-${RUN}\\.csv`));

  // The mapping: a labelled select per column.
  const cols = HEADER.split(';');
  assert.equal(await page.locator('main select').count(), cols.length, 'one select per column');
  for (let i = 0; i < cols.length; i++) {
    const select = page.getByLabel(`Kolom ‘${cols[i]}’`);
    assert.equal(await select.getAttribute('name'), `kolom_${i}`);
    await select.selectOption(CODES[i]);
  }
  assert.equal(await page.getByRole('button', { name: 'Importeren', exact: true }).count(), 0, 'no import before a dry run');

  // The dry run: the counts and the failing row with its reason.
  res = await submit(page, 'Proefimport');
  assert.equal(new URL(page.url()).pathname, detail);
  await check(page, 'import-proefimport-fout', res);
  assert.match(await page.locator('main').innerText(), /Resultaat van de proefimport/);
  const t = await telling(page);
  assert.equal(t.Regels, 2);
  assert.equal(t['Nieuwe inwoners met traject'], 1);
  assert.equal(t['Regels met fouten'], 1);
  const foutRegels = await page.locator('table:has(caption:text-matches("Regels met fouten")) tbody tr').evaluateAll(
    (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent.trim())));
  assert.equal(foutRegels.length, 1, JSON.stringify(foutRegels));
  assert.equal(foutRegels[0][0], '3', 'line 3 (the header is line 1)');
  assert.equal(foutRegels[0][1], 'geboortejaar');
  assert.match(foutRegels[0][2], /geboortejaar/i);
  // Importing is not offered while a row fails ...
  assert.equal(await page.getByRole('button', { name: 'Importeren', exact: true }).count(), 0,
    'no import button while a row fails');
  // ... and refused when posted anyway: nothing is imported.
  res = await postAnyway(page, `${detail}/uitvoeren`);
  assert.equal(new URL(page.url()).pathname, detail);
  await check(page, 'import-mislukt', res);
  assert.match(await page.locator('[role="alert"]').first().innerText(), /Er is niets geïmporteerd/);
  assert.match(await page.locator('main').innerText(), /Import mislukt/);
  assert.equal(await page.getByRole('button', { name: 'Importeren', exact: true }).count(), 0);
  assert.equal(await found(api, fout), 0, 'not even the good row was imported');

  // A good file: upload, dry run, import. The saved mapping is proposed.
  const goed = `Goed${RUN}`;
  await goto(page, '/registratie/import');
  res = await uploadWithProgress(page, csvFile(`goed-${RUN}.csv`, [
    row(`BRW-${RUN}-G1`, `Importbrowser ${goed} Een`, {
      bsn: nieuwBsn(), geb: 'startgesprek', gebDatum: '2024-02-05', uitkomst: 'overbrugbaar',
    }),
    row(`BRW-${RUN}-G2`, `Importbrowser ${goed} Twee`, { wijk: 'Poelenburg', wijkteam: 'WT-ZDO' }),
  ]), 'import-upload-goed');
  await check(page, 'import-koppelen-goed', res);
  for (let i = 0; i < cols.length; i++) {
    assert.equal(await page.locator(`#kolom_${i}`).inputValue(), CODES[i], `the saved mapping of ${cols[i]}`);
  }
  assert.equal(await page.locator('#bezig-proef').isVisible(), false, 'nothing runs yet');
  res = await submitWithBusy(page, 'Proefimport', 'bezig-proef', 'import-proefimport-goed');
  await check(page, 'import-proefimport-goed', res);
  const t2 = await telling(page);
  assert.equal(t2['Nieuwe inwoners met traject'], 2);
  assert.equal(t2.Gebeurtenissen, 1);
  assert.equal(t2['Regels met fouten'], 0);
  assert.equal(await page.locator('table:has(caption:text-matches("Regels met fouten"))').count(), 0);
  assert.match(await page.locator('table:has(caption:text-matches("eerste regels")) tbody').innerText(), new RegExp(goed));
  assert.equal(await found(api, goed), 0, 'a dry run writes nothing');
  res = await submitWithBusy(page, 'Importeren', 'bezig-import', 'import-klaar');
  await check(page, 'import-klaar', res);
  assert.match(await page.locator('[role="status"]').first().innerText(), /De import is klaar\. Inwoners met hun traject aangemaakt: 2\. Gebeurtenissen geregistreerd: 1\./);
  assert.match(await page.locator('main').innerText(), /Geïmporteerd/);
  assert.equal(await page.getByRole('button', { name: 'Importeren', exact: true }).count(), 0, 'no second import');
  assert.equal(await page.locator('main select').count(), 0, 'no mapping once imported');
  assert.equal(await found(api, goed), 2);

  // The list of imports now holds both files.
  await check(page, 'import-lijst', await goto(page, '/registratie/import'));
  const lijst = await page.locator('main table').innerText();
  assert.match(lijst, new RegExp(`fout-${RUN}\\.csv`));
  assert.match(lijst, new RegExp(`goed-${RUN}\\.csv`));

  // A refused upload with JavaScript: upload.js shows the server's answer
  // (the form with the error at the file field).
  const leeg = path.join(tmp, `leeg-${RUN}.csv`);
  writeFileSync(leeg, `${HEADER}\r\n`);
  await page.locator('#bestand').setInputFiles(leeg);
  const [xhr] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/registratie/import'),
    page.getByRole('button', { name: 'Uploaden', exact: true }).click(),
  ]);
  assert.equal(xhr.status(), 422);
  await page.locator('#bestand-fout').waitFor();
  await checkState(page, 'import-upload-fout-js', await xhr.text());
  assert.equal(await page.locator('#bestand').getAttribute('aria-describedby'), 'bestand-fout');
  assert.equal(await page.locator('#bestand').getAttribute('aria-invalid'), 'true');
  await page.context().close();
  await api.ctx.dispose();
});

test('the import works without JavaScript: upload, a refused upload, dry run and import', async () => {
  const api = await apiSession('teamleider.dock');
  const page = await signIn('teamleider.dock', { javaScriptEnabled: false });
  let res = await goto(page, '/registratie/import');
  await check(page, 'import-zonder-js', res, 200, { axe: false });

  // A file with only its header: the form again, the error at its field.
  const leeg = path.join(tmp, `leeg-zonder-js-${RUN}.csv`);
  writeFileSync(leeg, `${HEADER}\r\n`);
  await page.locator('#bestand').setInputFiles(leeg);
  res = await submit(page, 'Uploaden');
  await check(page, 'import-upload-fout-zonder-js', res, 422, { axe: false });
  assert.equal(new URL(page.url()).pathname, '/registratie/import');
  assert.equal(await page.locator('#bestand').getAttribute('aria-describedby'), 'bestand-fout');
  assert.match(await page.locator('#fouten').innerText(), /Controleer het formulier/);
  assert.equal(await page.locator('#fouten a').first().getAttribute('href'), '#bestand');
  assert.equal(await page.locator('#upload-voortgang').isVisible(), false, 'no progress bar without JavaScript');

  const naam = `Zonderjs${RUN}`;
  await page.locator('#bestand').setInputFiles(csvFile(`zonder-js-${RUN}.csv`, [
    row(`BRW-${RUN}-Z1`, `Importbrowser ${naam} Een`),
  ]));
  res = await submit(page, 'Uploaden');
  assert.match(new URL(page.url()).pathname, /^\/registratie\/import\/\d+$/, 'the plain form redirects to the mapping');
  await check(page, 'import-koppelen-zonder-js', res, 200, { axe: false });
  assert.equal(await page.locator('main select').count(), HEADER.split(';').length);
  res = await submit(page, 'Proefimport');
  await check(page, 'import-proefimport-zonder-js', res, 200, { axe: false });
  assert.equal((await telling(page))['Regels met fouten'], 0);
  res = await submit(page, 'Importeren');
  await check(page, 'import-klaar-zonder-js', res, 200, { axe: false });
  assert.match(await page.locator('main').innerText(), /De import is klaar\. Inwoners met hun traject aangemaakt: 1\./);
  assert.equal(await found(api, naam), 1);
  await page.context().close();
  await api.ctx.dispose();
});

test('upload.js works under the real Content-Security-Policy', async () => {
  // No bypassCSP here (and so no axe): what a user's browser does.
  const page = await signIn('teamleider.dock', { bypassCSP: false });
  const csp = [];
  page.on('console', (m) => { if (/Content.Security.Policy/i.test(m.text())) csp.push(m.text()); });
  const res = await goto(page, '/registratie/import');
  assert.ok(res.headers()['content-security-policy'], 'nginx sends a CSP');
  const naam = `Metcsp${RUN}`;
  await uploadWithProgress(page, csvFile(`csp-${RUN}.csv`, [row(`BRW-${RUN}-C1`, `Importbrowser ${naam} Een`)]),
    'import-upload-csp', { axe: false });
  assert.match(new URL(page.url()).pathname, /^\/registratie\/import\/\d+$/);
  assert.equal(await page.locator('main select').count(), HEADER.split(';').length);
  // A refused upload: upload.js writes the server's answer into the page.
  await goto(page, '/registratie/import');
  const leeg = path.join(tmp, `leeg-csp-${RUN}.csv`);
  writeFileSync(leeg, `${HEADER}\r\n`);
  await page.locator('#bestand').setInputFiles(leeg);
  await page.getByRole('button', { name: 'Uploaden', exact: true }).click();
  await page.locator('#bestand-fout').waitFor();
  assert.deepEqual(csp, [], 'the CSP blocked nothing');
  await page.context().close();
});

// ------------------------------------------------------------------ export

const vandaag = () => new Date().toISOString().slice(0, 10);

// Submits the export form and returns the download it starts.
async function download(page) {
  const [dl] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Exporteren', exact: true }).click()]);
  assert.equal(await dl.failure(), null, 'the download completed');
  const file = await dl.path();
  assert.ok(statSync(file).size > 0, `${dl.suggestedFilename()} is not empty`);
  return { name: dl.suggestedFilename(), bytes: readFileSync(file) };
}

test('a teamleider exports as XLSX and CSV; a period that ends before it starts is a form error', async () => {
  const page = await signIn('teamleider.dock');
  assert.match(await page.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Exporteren/);
  await check(page, 'export', await goto(page, '/registratie/export'));
  const tot = vandaag();
  await page.getByLabel('Vanaf (datum)').fill('2023-01-01');
  await page.getByLabel('Tot en met (datum)').fill(tot);

  await page.getByLabel(/^Excel \(xlsx\)/).check();
  const xlsx = await download(page);
  assert.equal(xlsx.name, `registratie-2023-01-01-${tot}.xlsx`);
  assert.equal(xlsx.bytes.subarray(0, 2).toString('latin1'), 'PK', 'an XLSX is a zip file');
  assert.ok(xlsx.bytes.length > 1000, `the XLSX has content (${xlsx.bytes.length} bytes)`);
  assert.equal(new URL(page.url()).pathname, '/registratie/export', 'the form stays');

  await page.getByLabel(/^CSV/).check();
  await page.getByLabel('Trajecten', { exact: true }).check();
  const csv = await download(page);
  assert.equal(csv.name, `registratie-2023-01-01-${tot}.csv`);
  const lines = csv.bytes.toString('utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '');
  assert.ok(lines.length > 1, 'a header and the demo trajecten');
  assert.match(lines[0], /;/, 'semicolon-separated');

  await page.getByLabel('Gebeurtenissen', { exact: true }).check();
  const geb = await download(page);
  assert.equal(geb.name, `registratie-gebeurtenissen-2023-01-01-${tot}.csv`);

  // Tot en met before Vanaf: 422, the form again with the error at "tot".
  await page.getByLabel('Vanaf (datum)').fill('2025-06-30');
  await page.getByLabel('Tot en met (datum)').fill('2025-01-01');
  const res = await submit(page, 'Exporteren');
  await check(page, 'export-fout', res, 422);
  const veld = page.getByLabel('Tot en met (datum)');
  assert.equal(await veld.getAttribute('aria-invalid'), 'true');
  assert.equal(await veld.getAttribute('aria-describedby'), 'tot-fout');
  assert.match(await page.locator('#tot-fout').innerText(), /vóór/);
  assert.equal(await page.locator('#fouten a[href="#tot"]').count(), 1, 'the summary links to the field');
  assert.equal(await veld.inputValue(), '2025-01-01', 'what was typed is kept');
  assert.equal(await page.getByLabel('Vanaf (datum)').getAttribute('aria-invalid'), null, 'only the wrong field is marked');
  await page.context().close();
});

// ------------------------------------------------------------------ inzage

let inwoner;        // { id, bsn } created by medewerker.dock

async function maakInwoner() {
  if (inwoner) return inwoner;
  const api = await apiSession('medewerker.dock');
  const wijken = await (await api.get('/api/v1/wijken?limit=1')).json();
  const bsn = nieuwBsn();
  const res = await api.post('/api/v1/inwoners', {
    naam: `Inzagebrowser Avg${RUN}`, geboortejaar: 1979, wijk_id: wijken.items[0].id, bsn,
  });
  assert.equal(res.status(), 201, await res.text());
  inwoner = { id: (await res.json()).id, bsn };
  await api.ctx.dispose();
  return inwoner;
}

test('a beheerder finds an access history by number and by BSN and downloads the AVG document', async () => {
  const { id, bsn } = await maakInwoner();
  const page = await signIn('beheerder');
  await check(page, 'inzage', await goto(page, '/inzage'));

  // By number (a GET form), first a wrong one.
  await page.getByLabel('Inwonernummer').fill('twaalf');
  let res = await submit(page, 'Historie bekijken');
  await check(page, 'inzage-nummer-fout', res, 422);
  assert.equal(await page.getByLabel('Inwonernummer').getAttribute('aria-describedby'), 'inwoner-fout');
  assert.equal(await page.locator('#fouten a[href="#inwoner"]').count(), 1);
  await page.getByLabel('Inwonernummer').fill(String(id));
  res = await submit(page, 'Historie bekijken');
  assert.equal(new URL(page.url()).pathname, `/inzage/inwoners/${id}`);
  await check(page, 'inzage-historie', res);
  const tabel = await page.locator('main table').innerText();
  assert.match(tabel, /medewerker\.dock/, 'the medewerker who registered them');
  assert.match(tabel, /beheerder/, 'this visit itself');
  const tekst = await page.locator('main').innerText();
  assert.ok(!tekst.includes(bsn), 'no full BSN');
  assert.ok(!tekst.includes(`Avg${RUN}`), 'no name');
  assert.match(tekst, new RegExp(`\\*{5}${bsn.slice(5)}`), 'the masked BSN');

  // By BSN (a POST form): a wrong one, one nobody has, and theirs.
  await goto(page, '/inzage');
  await page.getByLabel('Burgerservicenummer').fill('123456789');
  res = await submit(page, 'Zoeken');
  await check(page, 'inzage-bsn-fout', res, 422);
  assert.match(await page.getByLabel('Burgerservicenummer').getAttribute('aria-describedby'), /\bbsn-fout\b/);
  assert.ok(!(await page.content()).includes('123456789'), 'the BSN is not shown again');
  let ander;
  do ander = nieuwBsn(); while (ander === bsn);
  await page.getByLabel('Burgerservicenummer').fill(ander);
  res = await submit(page, 'Zoeken');
  await check(page, 'inzage-bsn-onbekend', res);
  assert.match(await page.locator('main').innerText(), /Er is geen inwoner met dit BSN/);
  await page.getByLabel('Burgerservicenummer').fill(bsn);
  res = await submit(page, 'Zoeken');
  assert.equal(new URL(page.url()).pathname, `/inzage/inwoners/${id}`, 'one match: straight to the history');
  assert.ok(!page.url().includes(bsn), 'no BSN in the URL');
  await check(page, 'inzage-historie-bsn', res);
  assert.match(await page.locator('main table').innerText(), /gevonden|zoeken/i, 'the search by BSN is in the history');

  // The AVG document: a JSON download about this inwoner only.
  const [dl] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'AVG-inzage downloaden (JSON)' }).click()]);
  assert.match(dl.suggestedFilename(), new RegExp(`^avg-inzage-inwoner-${id}-\\d{8}\\.json$`));
  const doc = JSON.parse(readFileSync(await dl.path(), 'utf8'));
  assert.equal(doc.inwoner.id, id);
  assert.equal(doc.inwoner.bsn, bsn, 'the document holds the full BSN');
  assert.ok(Array.isArray(doc.toegang) && doc.toegang.length > 0, 'the accesses');
  assert.ok(!JSON.stringify(doc).includes('medewerker.dock'), 'no names of employees');
  await page.context().close();
});

test('an auditor sees the access history but cannot produce the AVG document', async () => {
  const { id } = await maakInwoner();
  const page = await signIn('auditor');
  await check(page, 'inzage-auditor', await goto(page, '/inzage'));
  await page.getByLabel('Inwonernummer').fill(String(id));
  const res = await submit(page, 'Historie bekijken');
  await check(page, 'inzage-historie-auditor', res);
  assert.match(await page.locator('main table').innerText(), /auditor/);
  assert.equal(await page.getByRole('button', { name: /AVG/ }).count(), 0, 'no AVG button');
  // Posted anyway: refused.
  const refused = await postAnyway(page, `/inzage/inwoners/${id}/avg-export`);
  await check(page, 'inzage-avg-auditor-403', refused, 403);
  await page.context().close();
});

test('every import, export and inzage page is axe- and tidy-clean', () => {
  assert.deepEqual(problems, []);
});
