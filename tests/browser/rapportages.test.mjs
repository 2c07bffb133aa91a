// Browser tests for the rapportage pages (issue 12), in headless Chromium.
// The whole cycle through the forms: teamleider.dock opens a participatie
// rapportage for a periode DOCK has none of yet (2025-H1 in a fresh demo)
// by the menu and the form, without JavaScript; fills a value; indienen is
// refused with an error summary whose links reach the fields; fills the
// toelichtingen and eisen; indient. The regisseur of the participatie
// keten asks a vraag on a value; the teamleider answers it; the regisseur
// sends the rapportage back with a reason (shown as the last step), the
// teamleider indient again, and the regisseur establishes it with a
// terugkoppeling and a beoordeling per eis (a 422 first). Every page is
// checked with Tidy, and with axe-core where JavaScript runs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, useBrowser, pageChecks, goto, submit, follow } from './lib.mjs';

useBrowser();

const { signIn, check, problems } = pageChecks('rapportages');
// 2025-H1 first (the demo leaves it open for DOCK); when another test or an
// earlier run on this stack took it, the next half-year DOCK has none of.
const PERIODES = ['2025-H1', ...Array.from({ length: 16 }, (_, i) => `${2025 + Math.floor((i + 1) / 2)}-H${((i + 1) % 2) + 1}`), '2024-H2', '2024-H1'];

let rapUrl = null;

/** Submits the form matched by sel with its own submit button. */
const post = (page, sel) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
  page.locator(sel).locator('button[type="submit"]').click()]).then(([r]) => r);

/** The periode of PERIODES for which DOCK has no participatie rapportage. */
async function vrijePeriode(page) {
  for (const p of PERIODES) {
    const r = await page.request.get(new URL(`/api/v1/rapportages?periode=${p}&limit=500`, BASE).href);
    assert.equal(r.status(), 200);
    const { items } = await r.json();
    if (!items.some((x) => /participatie/i.test(x.format) && /DOCK/.test(x.organisatie))) return p;
  }
  throw new Error(`DOCK has a participatie rapportage for each of ${PERIODES.join(', ')}`);
}

// Each kind of form checked once (the page is large; a screenshot and
// Tidy per saved value would take minutes), the others by their status.
const gezien = new Set();
async function opgeslagen(page, soort, res) {
  if (gezien.has(soort)) assert.equal(res.status(), 200, `${soort}: ${page.url()}`);
  else { gezien.add(soort); await check(page, soort, res); }
}

/** Fixes what the error summary asks, form by form; returns how many. */
async function herstel(page) {
  const hrefs = await page.locator('#fouten a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  let n = 0;
  for (const href of hrefs) {
    let m;
    if ((m = /^#waarde-(\d+)-toelichting$/.exec(href))) {
      await page.locator(`#waarde-${m[1]}-toelichting`).fill('De verandering komt door een kleine groep inwoners.');
      await opgeslagen(page, 'toelichting', await post(page, `form[action$="/waarden/${m[1]}"]`));
    } else if ((m = /^#waarde-(\d+)-waarde$/.exec(href))) {
      await page.locator(`#waarde-${m[1]}-niet_te_leveren`).check();
      await page.locator(`#waarde-${m[1]}-niet_te_leveren_reden`).fill('Wordt niet apart bijgehouden.');
      await opgeslagen(page, 'niet-te-leveren', await post(page, `form[action$="/waarden/${m[1]}"]`));
    } else if ((m = /^#eis-(\d+)-antwoord$/.exec(href))) {
      await page.locator(`#eis-${m[1]}-antwoord`).selectOption('voldaan');
      await page.locator(`#eis-${m[1]}-toelichting`).fill('Zie het jaarverslag.');
      await opgeslagen(page, 'eis', await post(page, `form[action$="/eisen/${m[1]}"]`));
    } else if ((m = /^#eis-(\d+)-toelichting$/.exec(href))) {
      await page.locator(`#eis-${m[1]}-toelichting`).fill('Ons antwoord op de open vraag.');
      await opgeslagen(page, 'open-vraag', await post(page, `form[action$="/eisen/${m[1]}"]`));
    } else {
      assert.fail(`an error the page cannot link: ${href}`);
    }
    n++;
  }
  return n;
}

test('without JavaScript: a new rapportage by form, a value, indienen refused with linked errors, then indienen', async () => {
  const page = await signIn('teamleider.dock', { javaScriptEnabled: false });
  const periode = await vrijePeriode(page);
  await goto(page, '/');
  let res = await follow(page, 'Rapportages');
  await check(page, 'lijst', res);
  assert.equal(await page.locator('nav [aria-current="page"]').innerText(), 'Rapportages');
  res = await follow(page, 'Nieuwe rapportage');
  await check(page, 'nieuw', res);
  // A 422 keeps what was typed.
  const opt = await page.locator('#formatversie_id option', { hasText: /Rapportage participatie/ }).last().getAttribute('value');
  await page.locator('#formatversie_id').selectOption(opt);
  await page.getByLabel('Periode').fill('2025-H7');
  res = await submit(page, 'Rapportage openen');
  await check(page, 'nieuw-422', res, 422);
  assert.ok(await page.locator('#fouten a[href="#periode"]').count() > 0);
  assert.equal(await page.getByLabel('Periode').inputValue(), '2025-H7');
  assert.equal(await page.locator('#formatversie_id').inputValue(), opt);
  await page.getByLabel('Periode').fill(periode);
  res = await submit(page, 'Rapportage openen');
  await check(page, 'rapportage', res);
  assert.match(new URL(page.url()).pathname, /^\/rapportages\/\d+$/);
  rapUrl = new URL(page.url()).pathname;
  const main = await page.locator('main').innerText();
  assert.match(main, /Concept/);
  assert.match(main, /Uiterste indiendatum/);
  assert.match(main, /Aangemaakt op \d+ [a-z]+ \d{4} door/);
  assert.doesNotMatch(main, /\bniet_te_leveren\b|\bconcept\b|\bberekend\b/, 'no raw codes');

  // Fill one value: an own value for a computed one needs a reason (422,
  // what was typed kept), then with the reason.
  const eerste = await page.locator('form[action*="/waarden/"]').first().getAttribute('action');
  const wid = /\/waarden\/(\d+)$/.exec(eerste)[1];
  await page.locator(`#waarde-${wid}-waarde`).fill('7');
  res = await post(page, `form[action$="/waarden/${wid}"]`);
  if (res.status() === 422) {
    await check(page, 'waarde-422', res, 422);
    assert.equal(await page.locator(`#waarde-${wid}-waarde`).inputValue(), '7');
    assert.ok(await page.locator('#fouten a').count() > 0);
    await page.locator(`#waarde-${wid}-reden`).fill('Handmatig geteld');
    res = await post(page, `form[action$="/waarden/${wid}"]`);
  }
  await check(page, 'waarde', res);
  assert.equal(new URL(page.url()).hash, `#waarde-${wid}`);
  assert.equal(await page.locator(`#waarde-${wid}-waarde`).inputValue(), '7');

  // Indienen: refused while something is missing, every item linked.
  res = await submit(page, 'Indienen');
  await check(page, 'indienen-422', res, 422);
  const links = await page.locator('#fouten a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.length > 0, 'missing items listed');
  for (const h of links) {
    assert.match(h, /^#(waarde|eis)-\d+-(toelichting|waarde|antwoord)$/);
    assert.equal(await page.locator(h).count(), 1, `${h} names a field`);
  }
  // The link goes to the field (without JavaScript: plain anchors).
  await page.locator('#fouten a').first().click();
  assert.equal(new URL(page.url()).hash, links[0]);

  for (let ronde = 0; ronde < 4; ronde++) {
    await herstel(page);
    res = await submit(page, 'Indienen');
    if (res.status() !== 422) break;
    await check(page, `indienen-422-${ronde}`, res, 422);
  }
  await check(page, 'ingediend', res);
  assert.match(await page.locator('main dl').first().innerText(), /Ingediend/);
  assert.equal(await page.locator('form[action*="/waarden/"]').count(), 0, 'no value forms once ingediend');
  await page.context().close();
});

test('the regisseur asks a vraag, the teamleider answers, terugsturen, indienen, vaststellen with terugkoppeling', async () => {
  assert.ok(rapUrl, 'the first test made a rapportage');
  const reg = await signIn('regisseur.participatie');
  await goto(reg, '/');
  let res = await follow(reg, 'Rapportages');
  await check(reg, 'regisseur-lijst', res);
  await check(reg, 'regisseur-rapportage', await goto(reg, rapUrl));
  await reg.locator('#vraag-onderwerp').selectOption({ index: 1 });
  await reg.locator('#vraag-vraag').fill('Waarom is dit aantal zo veel lager dan vorig halfjaar?');
  res = await submit(reg, 'Vraag stellen');
  await check(reg, 'vraag', res);
  assert.match(await reg.locator('#vragen').innerText(), /zo veel lager[\s\S]*Nog niet beantwoord/);

  const tl = await signIn('teamleider.dock');
  await check(tl, 'teamleider-vraag', await goto(tl, rapUrl));
  await tl.locator('textarea[id^="antwoord-"]').first().fill('Twee trajecten zijn naar Werkom overgedragen.');
  res = await submit(tl, 'Antwoord versturen');
  await check(tl, 'antwoord', res);
  assert.match(await tl.locator('#vragen').innerText(), /Antwoord van .* op \d+ [a-z]+ \d{4}: Twee trajecten/);

  await check(reg, 'regisseur-antwoord', await goto(reg, rapUrl));
  await reg.locator('#terugsturen-reden').fill('Graag de toelichting bij de wachtlijst aanvullen.');
  res = await submit(reg, 'Terugsturen naar de organisatie');
  await check(reg, 'teruggestuurd', res);
  assert.match(await reg.locator('#laatste-stap').innerText(),
    /^Teruggestuurd op \d+ [a-z]+ \d{4} door .+: Graag de toelichting bij de wachtlijst aanvullen\.$/);

  await check(tl, 'teamleider-teruggestuurd', await goto(tl, rapUrl));
  assert.match(await tl.locator('main dl').first().innerText(), /Concept/);
  res = await submit(tl, 'Indienen');
  if (res.status() === 422) {
    await check(tl, 'opnieuw-422', res, 422);
    await herstel(tl);
    res = await submit(tl, 'Indienen');
  }
  await check(tl, 'opnieuw-ingediend', res);

  await check(reg, 'regisseur-ingediend', await goto(reg, rapUrl));
  // Vaststellen without terugkoppeling or beoordelingen: 422, linked.
  res = await submit(reg, 'Vaststellen');
  await check(reg, 'vaststellen-422', res, 422);
  assert.ok(await reg.locator('#fouten a[href="#vaststellen-terugkoppeling"]').count() === 1);
  await reg.locator('#fouten a[href="#vaststellen-terugkoppeling"]').click();
  assert.equal(await reg.evaluate(() => document.activeElement.id), 'vaststellen-terugkoppeling');
  await reg.locator('#vaststellen-terugkoppeling').fill('De gemeente neemt de wachtlijst mee in het volgende resultaatgesprek.');
  for (const sel of await reg.locator('select[id^="beoordeling-"]').all()) await sel.selectOption('deels');
  res = await submit(reg, 'Vaststellen');
  await check(reg, 'vastgesteld', res);
  assert.match(await reg.locator('main dl').first().innerText(), /Vastgesteld/);

  await check(tl, 'teamleider-vastgesteld', await goto(tl, rapUrl));
  assert.match(await tl.locator('#terugkoppeling').innerText(), /volgende resultaatgesprek/);
  assert.match(await tl.locator('main').innerText(), /Beoordeling door de gemeente[\s\S]*Deels voldaan/);
  await reg.context().close();
  await tl.context().close();
});

test('a stale form is refused with a clear message (412), a ketenpartner gets 403', async () => {
  assert.ok(rapUrl, 'the first test made a rapportage');
  const reg = await signIn('regisseur.participatie', { javaScriptEnabled: false });
  await goto(reg, rapUrl);
  // Heropenen needs a reason: 422, the summary links to the field, which
  // shows its own message.
  let res = await submit(reg, 'Heropenen');
  await check(reg, 'heropenen-422', res, 422);
  assert.equal(await reg.locator('#fouten a[href="#heropenen-reden"]').count(), 1);
  assert.equal(await reg.locator('#heropenen-reden').getAttribute('aria-invalid'), 'true');
  assert.match(await reg.locator('#heropenen-reden-fout').innerText(), /\S/);
  // Heropenen with an old version.
  await reg.locator('#heropenen-reden').fill('Een correctie.');
  await reg.locator('#stap-heropenen input[name="versie"]').evaluate((e) => { e.value = '1'; });
  res = await submit(reg, 'Heropenen');
  await check(reg, 'heropenen-412', res, 412);
  assert.match(await reg.locator('#melding').innerText(), /intussen gewijzigd/);
  await reg.context().close();

  const kp = await signIn('ketenpartner.werkom');
  assert.doesNotMatch(await kp.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Rapportages/);
  await check(kp, 'ketenpartner', await goto(kp, '/rapportages'), 403);
  await kp.context().close();
});

test('every rapportage page is axe- and tidy-clean', () => {
  assert.deepEqual(problems, []);
});
