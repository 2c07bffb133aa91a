// Browser tests for the targets pages (issue 11), in headless Chromium: the
// regisseur of the participatie keten finds the targets through the menu,
// filters them, sets one for DOCK in a wijk — first with a bandbreedte
// whose grenzen are the wrong way round (the form comes back with the
// error linked and everything typed still there), then right — and changes
// it with a reason, which shows in the history; all without JavaScript.
// With JavaScript the same pages are reached and submitted by keyboard.
// Every page is checked with axe-core (WCAG 2.1 A/AA, where JavaScript
// runs) and HTML Tidy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, useBrowser, pageChecks, goto, submit, follow } from './lib.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

useBrowser();

const { signIn, check, problems } = pageChecks('streefwaarden');

/** A half-year no target of indicator for organisatie/wijk uses yet. */
async function vrijePeriode(page, indicator, org, wijk) {
  const r = await page.request.get(new URL(`/api/v1/streefwaarden?indicator_id=${indicator}&organisatie_id=${org}&wijk_id=${wijk}&limit=500`, BASE).href);
  assert.equal(r.status(), 200);
  const bezet = new Set((await r.json()).items.map((i) => i.periode));
  for (let j = 2030 + Math.floor(Math.random() * 60); ; j++) {
    for (const h of ['H1', 'H2']) if (!bezet.has(`${j}-${h}`)) return `${j}-${h}`;
  }
}

let gemaakt;   // the path of the target made here

test('without JavaScript: a regisseur filters, sets a target (after an error) and changes it', async () => {
  const page = await signIn('regisseur.participatie', { javaScriptEnabled: false });
  let res = await goto(page, '/');
  res = await follow(page, 'Streefwaarden');
  await check(page, 'lijst', res);
  assert.match(await page.locator('main').innerText(), /Hoger is beter: op koers bij/);

  // The filters are a GET form.
  const fte = await page.locator('#indicator_id option', { hasText: 'Inzet voor participatie' }).getAttribute('value');
  await page.getByLabel('Indicator', { exact: true }).selectOption(fte);
  res = await submit(page, 'Tonen');
  assert.match(page.url(), new RegExp(`indicator_id=${fte}`));
  await check(page, 'lijst gefilterd', res);

  res = await follow(page, 'Nieuwe streefwaarde');
  await check(page, 'nieuw', res);
  assert.equal(await page.getByLabel('Indicator', { exact: true }).inputValue(), fte, 'the filtered indicator is chosen');
  const dock = await page.locator('#organisatie_id option', { hasText: 'DOCK' }).getAttribute('value');
  const wijk = await page.locator('#wijk_id option').nth(1).getAttribute('value');
  const periode = await vrijePeriode(page, fte, dock, wijk);
  await page.getByLabel('Periode', { exact: true }).fill(periode);
  await page.locator('#organisatie_id').selectOption(dock);
  await page.locator('#wijk_id').selectOption(wijk);
  await page.getByLabel('Binnen een bandbreedte').check();
  await page.locator('#ondergrens').fill('8');
  await page.locator('#bovengrens').fill('6,5');
  await page.locator('#tolerantie').fill('0,5');
  await page.locator('#reden').fill(`Afspraak met DOCK ${RUN}`);
  res = await submit(page, 'Opslaan');
  await check(page, 'nieuw met fouten', res, 422);
  const main = page.locator('main');
  assert.match(await main.innerText(), /Controleer het formulier/);
  // The summary links to the field; everything typed is still there.
  assert.equal(await page.locator('#fouten a').first().getAttribute('href'), '#ondergrens');
  assert.equal(await page.locator('#ondergrens').inputValue(), '8');
  assert.equal(await page.locator('#bovengrens').inputValue(), '6,5');
  assert.equal(await page.getByLabel('Periode', { exact: true }).inputValue(), periode);
  assert.equal(await page.locator('#wijk_id').inputValue(), wijk);
  assert.equal(await page.locator('#reden').inputValue(), `Afspraak met DOCK ${RUN}`);
  assert.ok(await page.getByLabel('Binnen een bandbreedte').isChecked());

  await page.locator('#ondergrens').fill('4');
  res = await submit(page, 'Opslaan');
  await check(page, 'streefwaarde', res);
  gemaakt = new URL(page.url()).pathname;
  assert.match(gemaakt, /^\/streefwaarden\/\d+$/);
  let tekst = await main.innerText();
  assert.match(tekst, /Binnen een bandbreedte: op koers van 4 tot en met 6,5; met een tolerantie van 0,5 nog op koers van 3,5 tot en met 7\./);
  assert.match(tekst, /DOCK Zaanstad, wijk /);
  assert.match(tekst, /vastgesteld als/);

  res = await follow(page, 'Wijzigen');
  await check(page, 'wijzigen', res);
  await page.getByLabel('Hoger is beter').check();
  await page.getByLabel('Streefwaarde', { exact: true }).fill('5');
  await page.locator('#ondergrens').fill('');
  await page.locator('#bovengrens').fill('');
  await page.locator('#tolerantie').fill('');
  await page.locator('#reden').fill(`Meer uren ${RUN}`);
  res = await submit(page, 'Opslaan');
  await check(page, 'na wijzigen', res);
  tekst = await main.innerText();
  assert.match(tekst, /Hoger is beter: op koers bij 5 of meer, zonder tolerantie\./);
  assert.match(tekst, /Versie 2, .* door Rik Regie \(participatie\): gewijzigd van „Binnen een bandbreedte/);
  assert.match(tekst, new RegExp(`Reden: Meer uren ${RUN}`));
  await page.context().close();
});

test('with JavaScript and by keyboard: filter, open a target, open the form', async () => {
  const page = await signIn('regisseur.participatie');
  let res = await goto(page, '/streefwaarden');
  await check(page, 'lijst met js', res);
  // Submit the filter from the keyboard: focus the periode field, Enter.
  await page.getByLabel('Periode', { exact: true }).focus();
  await page.keyboard.type('zomer');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.match(await page.locator('main').innerText(), /Dit is geen periode/);
  await check(page, 'lijst filterfout', await page.reload({ waitUntil: 'load' }));
  // Tab to the first target and open it with Enter.
  let href = null;
  for (let i = 0; i < 60 && !href?.match(/^\/streefwaarden\/\d+$/); i++) {
    await page.keyboard.press('Tab');
    href = await page.evaluate(() => document.activeElement?.getAttribute('href'));
  }
  assert.match(href ?? '', /^\/streefwaarden\/\d+$/, 'a target link is reached by Tab');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).pathname, href);
  await check(page, 'streefwaarde met js', await page.reload({ waitUntil: 'load' }));
  // The new form and the form with errors, for axe (with JavaScript).
  res = await goto(page, '/streefwaarden/nieuw');
  await check(page, 'nieuw met js', res);
  await page.locator('#indicator_id').selectOption({ index: 1 });
  await page.getByLabel('Periode', { exact: true }).fill('2025-Q1');
  await page.getByLabel('Hoger is beter').check();
  await page.locator('#waarde').fill('10');
  await page.locator('#reden').fill('Een kwartaal kan niet.');
  res = await submit(page, 'Opslaan');
  await check(page, 'nieuw met fouten met js', res, 422);
  // The summary's link moves the focus to the field.
  await page.locator('#fouten a[href="#periode"]').focus();
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'periode');
  if (gemaakt) {
    res = await goto(page, `${gemaakt}/wijzigen`);
    await check(page, 'wijzigen met js', res);
    // The richting radios are one group, reached and changed by keyboard.
    await page.getByLabel('Hoger is beter').focus();
    await page.keyboard.press('ArrowDown');
    assert.ok(await page.getByLabel('Lager is beter').isChecked());
  }
  await page.context().close();
});

test('a ketenpartner gets no menu item and is refused the pages', async () => {
  const page = await signIn('ketenpartner.werkom');
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  assert.doesNotMatch(menu, /Streefwaarden/);
  const res = await goto(page, '/streefwaarden');
  await check(page, 'ketenpartner', res, 403);
  await page.context().close();
});

test('no axe or tidy problems on any page', () => {
  assert.deepEqual(problems, []);
});
