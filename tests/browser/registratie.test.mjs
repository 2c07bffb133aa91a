// Browser tests for registration (issue 4), in headless Chromium as a
// medewerker would work: find and register an inwoner, open a traject,
// register a startgesprek (choose the type, then only that type's fields),
// and see the ketenstatus on the inwoner page change from "Geen" to the
// wijkteam. Every registration page is checked with axe-core (WCAG 2.1
// A/AA) and HTML Tidy, also as the teamleider (wachtlijst) and the
// ketenpartners (overdrachten, their restricted inwoner page).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axeViolations, nieuwBsn, shot, signIn as signInWith, tidyProblems, useBrowser } from './lib.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

useBrowser();

function dag(n) {
  const t = new Date();
  t.setUTCHours(12, 0, 0, 0);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

// Logs in through the form, in a context that bypasses the CSP (axe is
// injected as a script, which the real CSP refuses). Returns the page.
const signIn = (user) => signInWith(user, { timeout: 10000 });

const problems = [];
// Checks the page the browser shows now; response: the navigation's.
async function check(page, label, response, status = 200) {
  assert.ok(response, `${label}: a response`);
  assert.equal(response.status(), status, `${label}: ${page.url()}`);
  for (const v of await axeViolations(page)) problems.push(`axe ${label}: ${v}`);
  for (const t of tidyProblems(await response.text())) problems.push(`tidy ${label}: ${t}`);
  await shot(page, `registratie-${label.replace(/[^a-z0-9]+/gi, '-')}`);
}

const goto = (page, p) => page.goto(new URL(p, BASE).href, { waitUntil: 'load' });
const submit = (page, name) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
  page.getByRole('button', { name, exact: true }).click()]).then(([r]) => r);

let inwonerUrl;

test('a medewerker registers an inwoner, a traject and a startgesprek; the ketenstatus changes', async () => {
  const page = await signIn('medewerker.dock');
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  assert.match(menu, /Inwoners/);

  await check(page, 'inwoners', await goto(page, '/registratie/inwoners'));
  // A wijk's inwoners (a list with results).
  await page.getByLabel('Wijk').selectOption({ label: 'Poelenburg' }); // a DOCK wijk
  await check(page, 'inwoners-zoeken-wijk', await submit(page, 'Zoeken'));
  assert.ok(await page.locator('main table tbody tr').count() > 0, 'the demo wijk has inwoners');

  // Register.
  await check(page, 'inwoner-nieuw', await goto(page, '/registratie/inwoners/nieuw'));
  const naam = `Browserinwoner Reg${RUN}`;
  await page.getByLabel('Naam', { exact: false }).first().fill(naam);
  await page.getByLabel('Geboortejaar').fill('1981');
  await page.getByLabel('Wijk').selectOption({ label: 'Poelenburg' });
  const bsn = nieuwBsn();
  await page.getByLabel(/BSN/).fill(bsn);
  let res = await submit(page, 'Registreren');
  assert.match(page.url(), /\/registratie\/inwoners\/\d+\?nieuw=1$/);
  await check(page, 'inwoner', res);
  inwonerUrl = new URL(page.url()).pathname;
  assert.equal((await page.locator('#ketenstatus').innerText()).trim(), 'Geen');
  const tekst = await page.locator('main').innerText();
  assert.ok(!tekst.includes(bsn), 'the page does not show the full BSN');
  assert.match(tekst, new RegExp(`\\*{5}${bsn.slice(5)}`));

  // Find them again by name (a search with results).
  await goto(page, '/registratie/inwoners');
  await page.getByLabel('Naam').fill(`Reg${RUN}`);
  await check(page, 'inwoners-zoeken-naam', await submit(page, 'Zoeken'));
  assert.equal(await page.locator('main table tbody tr').count(), 1);
  // A search with an error (a name without a letter or digit, an invalid
  // BSN): 422, axe-clean.
  await goto(page, '/registratie/inwoners');
  await page.getByLabel('Naam').fill('- -');
  await check(page, 'inwoners-zoeken-fouten', await submit(page, 'Zoeken'), 422);
  await page.getByLabel('Naam').fill('');
  await page.getByLabel(/BSN/).fill('123456789');
  await check(page, 'inwoners-zoeken-bsn-fout', await submit(page, 'Zoeken'), 422);
  assert.ok(!(await page.content()).includes('123456789'), 'the invalid BSN is not re-shown');
  await page.getByLabel('Naam').fill(`Reg${RUN}`);
  await page.getByLabel(/BSN/).fill('');
  await submit(page, 'Zoeken');
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: naam }).click()]);
  assert.equal(new URL(page.url()).pathname, inwonerUrl);

  // Open a traject.
  res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.getByRole('link', { name: 'Nieuw traject' }).click()]).then(([r]) => r);
  await check(page, 'traject-nieuw', res);
  await page.getByLabel('Soort traject').selectOption({ index: 1 });
  await page.getByLabel('Thema').selectOption({ index: 1 });
  await page.getByLabel('Opdracht').selectOption({ label: 'Brede opdracht Sociale Wijkteams' });
  await page.getByLabel('Wijkteam').selectOption({ label: 'Sociaal Wijkteam Poelenburg/Peldersveld' });
  await page.getByLabel('Startdatum').fill(dag(-14));
  res = await submit(page, 'Traject openen');
  assert.equal(new URL(page.url()).pathname, inwonerUrl);
  assert.equal((await page.locator('#ketenstatus').innerText()).trim(), 'Geen', 'a traject alone moves nobody');
  assert.match(await page.locator('main').innerText(), /Sociaal Wijkteam Poelenburg\/Peldersveld/);

  // Register a startgesprek: first the type, then only its fields.
  res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.getByRole('link', { name: 'Gebeurtenis registreren' }).click()]).then(([r]) => r);
  await check(page, 'gebeurtenis-kies-type', res);
  assert.equal(await page.locator('input[name="uitkomst"]').count(), 0, 'no payload fields before a type is chosen');
  await page.getByLabel('Soort gebeurtenis').selectOption({ label: 'Startgesprek' });
  res = await submit(page, 'Verder');
  assert.match(page.url(), /type=startgesprek/);
  await check(page, 'gebeurtenis-startgesprek', res);
  assert.equal(await page.locator('input[name="uitkomst"]').count(), 2, 'the two uitkomsten');
  assert.equal(await page.locator('[name="hulpvragen"]').count(), 1);
  for (const other of ['besluit', 'warm', 'profiel', 'warme_overdracht', 'vervalt_id']) {
    assert.equal(await page.locator(`[name="${other}"]`).count(), 0, `no field ${other} on a startgesprek`);
  }
  // Submitted without the uitkomst: the form again, with the error.
  await page.getByLabel('Datum', { exact: true }).fill(dag(-7));
  await page.getByLabel(/Hulpvragen/).fill('Woning en schulden');
  res = await submit(page, 'Registreren');
  await check(page, 'gebeurtenis-startgesprek-fouten', res, 422);
  assert.match(await page.locator('#uitkomst-fout').innerText(), /Uitkomst/);
  assert.equal(await page.getByLabel(/Hulpvragen/).inputValue(), 'Woning en schulden', 'what was typed is kept');
  await page.getByLabel('Overbrugbare afstand tot de arbeidsmarkt').check();
  await page.locator('input[name="met_inkomensconsulent"][value="ja"]').check();
  res = await submit(page, 'Registreren');
  assert.equal(new URL(page.url()).pathname, inwonerUrl);
  await check(page, 'inwoner-met-tijdlijn', res);
  const status = (await page.locator('#ketenstatus').innerText()).trim();
  assert.match(status, /^Sociaal Wijkteam Poelenburg\/Peldersveld/, `ketenstatus: ${status}`);
  assert.match(status, new RegExp(dag(-7)));
  assert.match(await page.locator('main').innerText(), /Startgesprek/);

  // The change form and a form with errors.
  await check(page, 'inwoner-bewerken', await goto(page, `${inwonerUrl}/bewerken`));
  await check(page, 'gebeurtenis-correctie', await goto(page, `${inwonerUrl}/gebeurtenissen/nieuw?type=correctie`));
  await goto(page, '/registratie/inwoners/nieuw');
  await page.getByLabel('Naam', { exact: false }).first().fill(`Foutinwoner Reg${RUN}`);
  await page.getByLabel('Geboortejaar').fill('19x1');
  await page.getByLabel('Wijk').selectOption({ label: 'Poelenburg' });
  res = await submit(page, 'Registreren');
  await check(page, 'inwoner-nieuw-fouten', res, 422);
  assert.equal(await page.getByLabel('Geboortejaar').inputValue(), '19x1');
  assert.match(await page.locator('main').innerText(), /Controleer het formulier/);
  await page.context().close();
});

test('a teamleider\'s wachtlijst and the ketenpartners\' pages', async () => {
  let page = await signIn('teamleider.dock');
  await check(page, 'wachtlijst', await goto(page, '/registratie/wachtlijst'));
  assert.match(await page.locator('main').innerText(), /Wachtlijst|wachtlijst/);
  await check(page, 'wachtlijst-afgewezen', await goto(page, '/registratie/wachtlijst?afgewezen=1'));
  await check(page, 'overdrachten-teamleider', await goto(page, '/registratie/overdrachten'));
  await page.context().close();

  page = await signIn('ketenpartner.werkom');
  await check(page, 'overdrachten', await goto(page, '/registratie/overdrachten'));
  await check(page, 'inwoners-werkom', await goto(page, '/registratie/inwoners'));
  await page.context().close();

  // Uitkeringen sees the startgesprek registered above, without the notes.
  if (inwonerUrl) {
    page = await signIn('ketenpartner.uitkeringen');
    await check(page, 'inwoner-uitkeringen', await goto(page, inwonerUrl));
    const tekst = await page.locator('main').innerText();
    assert.match(tekst, /Startgesprek/);
    assert.ok(!tekst.includes('Woning en schulden'), 'the wijkteam\'s notes are not shown');
    await check(page, 'gebeurtenis-kies-type-uitkeringen', await goto(page, `${inwonerUrl}/gebeurtenissen/nieuw`));
    await check(page, 'gebeurtenis-uitkeringsbesluit', await goto(page, `${inwonerUrl}/gebeurtenissen/nieuw?type=uitkeringsbesluit`));
    await page.context().close();
  }
});

test('every registration page is axe- and tidy-clean', () => {
  assert.deepEqual(problems, []);
});
