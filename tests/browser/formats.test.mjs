// Browser tests for the rapportage format pages (issue 11), in headless
// Chromium: without JavaScript the regisseur of the participatie keten
// finds the formats through the menu, opens the demo's second version
// (its mid-period reden shown), compares it with the first and reads its
// dekking; makes a format by form (after a 422 that keeps what was
// typed); a teamleider reads the list without the menu item's concepts.
// With JavaScript the same pages are reached by keyboard. Every page is
// checked with axe-core (WCAG 2.1 A/AA, where JavaScript runs) and Tidy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, useBrowser, pageChecks, goto, submit, follow } from './lib.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

useBrowser();

const { signIn, check, problems } = pageChecks('formats');

test('without JavaScript: the list, a version, its verschil and dekking, and a new format after a 422', async () => {
  const page = await signIn('regisseur.participatie', { javaScriptEnabled: false });
  await goto(page, '/');
  let res = await follow(page, 'Formats');
  await check(page, 'lijst', res);
  assert.equal(await page.locator('nav [aria-current="page"]').innerText(), 'Formats');
  assert.match(await page.locator('main').innerText(), /Rapportage participatie/);
  res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('main a', { hasText: 'Versie 2' }).first().click()]).then(([r]) => r);
  await check(page, 'versie', res);
  assert.match(await page.locator('#midden-in-periode').innerText(), /Gepubliceerd midden in de periode[\s\S]*Reden:/);
  res = await follow(page, 'Vergelijken met versie 1');
  await check(page, 'verschil', res);
  assert.match(await page.locator('h1').innerText(), /van versie 1 naar versie 2/);
  await page.goBack();
  res = await follow(page, 'Dekking en registratielast van deze versie');
  await check(page, 'dekking', res);
  assert.match(await page.locator('main').innerText(), /Registratielast/);

  res = await goto(page, '/formats');
  res = await follow(page, 'Nieuw format');
  await check(page, 'nieuw', res);
  await page.getByLabel('Code').fill('Geen Code');
  await page.getByLabel('Naam').fill(`Browserformat ${RUN}`);
  await page.locator('#keten_id').selectOption({ label: 'Participatie en Armoede' });
  res = await submit(page, 'Opslaan');
  await check(page, 'nieuw-422', res, 422);
  assert.ok(await page.locator('#fouten').isVisible());
  assert.equal(await page.getByLabel('Naam').inputValue(), `Browserformat ${RUN}`);
  assert.equal(await page.locator('#code').getAttribute('aria-invalid'), 'true');
  await page.getByLabel('Code').fill(`bf_${RUN}`);
  res = await submit(page, 'Opslaan');
  await check(page, 'format', res);
  assert.match(new URL(page.url()).pathname, /^\/formats\/\d+$/);
  assert.match(await page.locator('h1').innerText(), new RegExp(`Browserformat ${RUN}`));
  await page.context().close();
});

test('with JavaScript and by keyboard: from the list to a version', async () => {
  const page = await signIn('teamleider.dock');
  await check(page, 'teamleider-lijst', await goto(page, '/formats'));
  assert.doesNotMatch(await page.locator('main').innerText(), /Nieuw format/);
  let href = null;
  for (let i = 0; i < 200 && !href; i++) {
    await page.keyboard.press('Tab');
    const h = await page.evaluate(() => document.activeElement.getAttribute('href'));
    if (h && /^\/formats\/\d+\/versies\/\d+$/.test(h)) href = h;
  }
  assert.ok(href, 'a version link is reached by Tab');
  const [res] = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  await check(page, 'teamleider-versie', res);
  assert.equal(new URL(page.url()).pathname, href);
  assert.match(await page.locator('main').innerText(), /Inhoud/);
  await page.context().close();
});

test('with JavaScript: a new version of the new format by its form, a 422 at the text area first', async () => {
  const page = await signIn('regisseur.participatie');
  await goto(page, '/formats');
  let res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('main a', { hasText: `Browserformat ${RUN}` }).first().click()]).then(([r]) => r);
  res = await follow(page, 'Nieuwe versie maken');
  await check(page, 'versie-nieuw', res);
  const ind = await page.locator('main table tbody tr td').first().innerText();
  await page.getByLabel('Eerste periode').fill('2033-H1');
  await page.getByLabel('Indientermijn in dagen').fill('30');
  await page.getByLabel('Inhoud').fill('[{"titel": "Cijfers", "items": [');
  res = await submit(page, 'Opslaan als concept');
  await check(page, 'versie-nieuw-422', res, 422);
  await page.locator('#fouten a[href="#secties"]').first().click();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'secties', 'the summary link reaches the text area');
  await page.getByLabel('Inhoud').fill(JSON.stringify([{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: Number(ind) }] }]));
  res = await submit(page, 'Opslaan als concept');
  await check(page, 'versie-concept', res);
  assert.match(new URL(page.url()).pathname, /^\/formats\/\d+\/versies\/1$/);
  assert.match(await page.locator('main').innerText(), /Dit is een concept/);
  res = await follow(page, 'De inhoud van dit concept wijzigen');
  await check(page, 'versie-wijzigen', res);
  await page.context().close();
});

test('a ketenpartner has no Formats menu item and gets 403', async () => {
  const page = await signIn('ketenpartner.werkom');
  assert.doesNotMatch(await page.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Formats/);
  await check(page, 'ketenpartner', await goto(page, '/formats'), 403);
  await page.context().close();
});

test('every format page is axe- and tidy-clean', () => {
  assert.deepEqual(problems, []);
});
