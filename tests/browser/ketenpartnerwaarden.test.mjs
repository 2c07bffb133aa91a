// Browser tests for the ketenpartner values screen (issue 12), in
// headless Chromium: Werkom finds "Aan te leveren cijfers" in the menu
// and fills in several cells of one periode at once — first with a bad
// number and a niet te leveren without a reason (the screen comes back
// with each cell's error, everything typed still there, nothing saved),
// then right; a second tab saving a cell first makes the first tab's save
// a clear "intussen gewijzigd"; all without JavaScript. Uitkeringen sees
// only its own indicator, the contractmanager reads without inputs, a
// teamleider is refused. Every page is checked with axe-core (where
// JavaScript runs) and HTML Tidy.
//
// The periode is one of 2025 .. 2030 chosen by this run: the demo's
// participatie format applies to it and it has no demo values, so the
// demo's values stay as they are for the other tests. Cells are filled on
// the screen of the demo's Werkom indicator (?indicator_id=), which stays
// small however many organisaties other tests made.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, useBrowser, pageChecks, goto, submit, follow } from './lib.mjs';

const P = `${2025 + Math.floor(Math.random() * 6)}-H${1 + Math.floor(Math.random() * 2)}`;

useBrowser();

const { signIn, check, problems } = pageChecks('ketenpartnerwaarden');

/** The cells of the periode as the page's user sees them (the API). */
async function cellen(page, query = '') {
  const r = await page.request.get(new URL(`/api/v1/ketenpartnerwaarden?periode=${P}${query}`, BASE).href);
  assert.equal(r.status(), 200);
  return (await r.json()).items;
}

const id = (c, veld) => `#c${c.indicator_id}_${c.organisatie_id}_${c.wijk_id ?? 0}_${veld}`;

let doel;   // DOCK's first two wijken and its total, of Werkom's indicator
let IND;    // that indicator

test('without JavaScript: Werkom fills in a screen, after errors, and a stale cell is refused clearly', async () => {
  const page = await signIn('ketenpartner.werkom', { javaScriptEnabled: false });
  let res = await goto(page, '/');
  res = await follow(page, 'Aan te leveren cijfers');
  await check(page, 'scherm standaard', res);
  res = await goto(page, `/ketenpartnerwaarden?periode=${P}`);
  await check(page, 'scherm', res);
  const main = page.locator('main');
  assert.match(await main.innerText(), /Uitstroom naar werk vanuit Werkom/);
  assert.doesNotMatch(await main.innerText(), /Aanvragen bijstandsuitkering/);

  const dock = (await cellen(page)).filter((c) => c.indicator_code === 'werkom_uitstroom_werk' &&
    c.organisatie === 'DOCK Zaanstad');
  IND = dock[0].indicator_id;
  res = await goto(page, `/ketenpartnerwaarden?periode=${P}&indicator_id=${IND}`);
  await check(page, 'scherm van een indicator', res);
  assert.ok(dock.length >= 3, 'DOCK has wijken and a total');
  assert.ok(dock.every((c) => c.id === null), 'nothing delivered yet in this periode');
  doel = [dock[0], dock[1], dock.find((c) => c.wijk_id === null)];
  assert.equal(dock[dock.length - 1].wijk_id, null, 'the total comes last');
  // Each input has a label that names the organisatie and wijk.
  assert.equal(await page.getByLabel(`Uitstroom naar werk vanuit Werkom: waarde voor DOCK Zaanstad, ${doel[0].wijk}`,
    { exact: true }).count(), 1);

  await page.locator(id(doel[0], 'waarde')).fill('7');
  await page.locator(id(doel[1], 'waarde')).fill('zeven');
  await page.locator(id(doel[2], 'niet_te_leveren')).check();
  res = await submit(page, 'Opslaan');
  await check(page, 'scherm met fouten', res, 422);
  assert.match(await main.innerText(), /Controleer het formulier/);
  assert.match(await main.innerText(), /Geef een getal, bijvoorbeeld 12 of 12,5/);
  assert.match(await main.innerText(), /Geef de reden waarom deze waarde niet te leveren is/);
  const links = await page.locator('#fouten a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  assert.ok(links.includes(id(doel[1], 'waarde')), links.join(' '));
  assert.deepEqual(links.sort(), [id(doel[1], 'waarde'), id(doel[2], 'reden')].sort(),
    'only the two cells in error; empty cells are not judged');
  // Everything typed is still there, and nothing was saved.
  assert.equal(await page.locator(id(doel[0], 'waarde')).inputValue(), '7');
  assert.equal(await page.locator(id(doel[1], 'waarde')).inputValue(), 'zeven');
  assert.ok(await page.locator(id(doel[2], 'niet_te_leveren')).isChecked());
  assert.ok((await cellen(page)).every((c) => c.id === null));

  await page.locator(id(doel[1], 'waarde')).fill('3');
  await page.locator(id(doel[2], 'reden')).fill('Werkom registreert uitstroom niet per organisatie.');
  res = await submit(page, 'Opslaan');
  await check(page, 'scherm opgeslagen', res);
  assert.match(await main.innerText(), /3 waarden opgeslagen\./);
  assert.equal(await page.locator(id(doel[0], 'waarde')).inputValue(), '7');
  assert.equal(await page.locator(id(doel[1], 'waarde')).inputValue(), '3');
  let nu = await cellen(page);
  const van = (c) => nu.find((x) => x.organisatie_id === c.organisatie_id && x.wijk_id === c.wijk_id &&
    x.indicator_id === c.indicator_id);
  assert.equal(van(doel[0]).waarde, 7);
  assert.equal(van(doel[1]).waarde, 3);
  assert.equal(van(doel[2]).niet_te_leveren, true);
  assert.equal(van(doel[2]).reden, 'Werkom registreert uitstroom niet per organisatie.');

  // Saving again without a change saves nothing.
  res = await submit(page, 'Opslaan');
  assert.match(await main.innerText(), /Er was niets gewijzigd/);

  // A second tab changes the first cell first: the first tab's save is
  // refused, says so at that cell, and keeps what was typed.
  const tweede = await page.context().newPage();
  await goto(tweede, `/ketenpartnerwaarden?periode=${P}&indicator_id=${IND}`);
  await tweede.locator(id(doel[0], 'waarde')).fill('8');
  await submit(tweede, 'Opslaan');
  assert.match(await tweede.locator('main').innerText(), /1 waarde opgeslagen\./);
  await page.locator(id(doel[0], 'waarde')).fill('9');
  await page.locator(id(doel[1], 'waarde')).fill('4');
  res = await submit(page, 'Opslaan');
  await check(page, 'scherm intussen gewijzigd', res, 409);
  const tekst = await main.innerText();
  assert.match(tekst, /Gegevens intussen gewijzigd/);
  assert.match(tekst, /Intussen gewijzigd door Wim Werkom: nu 8\./);
  assert.equal(await page.locator(id(doel[0], 'waarde')).inputValue(), '9');
  assert.equal(await page.locator(id(doel[1], 'waarde')).inputValue(), '4');
  nu = await cellen(page);
  assert.equal(van(doel[0]).waarde, 8);
  assert.equal(van(doel[1]).waarde, 3, 'nothing of the refused save was written');
  // Saving again now is a choice made knowingly: it goes through.
  res = await submit(page, 'Opslaan');
  await check(page, 'scherm na conflict', res);
  nu = await cellen(page);
  assert.equal(van(doel[0]).waarde, 9);
  assert.equal(van(doel[1]).waarde, 4);
  await page.context().close();
});

test('Uitkeringen sees only its own indicator; the contractmanager reads; a teamleider is refused', async () => {
  let page = await signIn('ketenpartner.uitkeringen', { javaScriptEnabled: false });
  let res = await goto(page, `/ketenpartnerwaarden?periode=${P}`);
  await check(page, 'uitkeringen', res);
  let tekst = await page.locator('main').innerText();
  assert.match(tekst, /Aanvragen bijstandsuitkering/);
  assert.doesNotMatch(tekst, /Uitstroom naar werk/);
  await page.context().close();

  page = await signIn('contractmanager');
  res = await goto(page, `/ketenpartnerwaarden?periode=${P}`);
  await check(page, 'contractmanager', res);
  tekst = await page.locator('main').innerText();
  assert.match(tekst, /Cijfers van ketenpartners/);
  assert.match(tekst, /Uitstroom naar werk vanuit Werkom/);
  assert.match(tekst, /ontbreekt/);
  if (doel) assert.match(tekst, /niet te leveren: Werkom registreert uitstroom niet per organisatie\./);
  assert.equal(await page.getByRole('button', { name: 'Opslaan' }).count(), 0);
  assert.equal(await page.locator('main input[type="checkbox"]').count(), 0);
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  assert.doesNotMatch(menu, /Aan te leveren cijfers/);
  await page.context().close();

  page = await signIn('teamleider.dock');
  assert.doesNotMatch(await page.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Aan te leveren cijfers/);
  res = await goto(page, `/ketenpartnerwaarden?periode=${P}`);
  await check(page, 'teamleider', res, 403);
  await page.context().close();
});

test('with JavaScript: the screen and its errors, and a bad periode said plainly', async () => {
  const page = await signIn('ketenpartner.werkom');
  let res = await goto(page, `/ketenpartnerwaarden?periode=${P}`);
  await check(page, 'scherm met js', res);
  const c = (await cellen(page)).find((x) => x.indicator_code === 'werkom_uitstroom_werk' && x.id === null);
  res = await goto(page, `/ketenpartnerwaarden?periode=${P}&indicator_id=${c.indicator_id}`);
  await check(page, 'scherm van een indicator met js', res);
  if (c) {
    await page.locator(id(c, 'waarde')).fill('-2');
    res = await submit(page, 'Opslaan');
    await check(page, 'scherm met fouten met js', res, 422);
    assert.match(await page.locator('main').innerText(), /Een aantal is een heel getal van 0 of meer\./);
    assert.equal(await page.locator(id(c, 'waarde')).getAttribute('aria-invalid'), 'true');
  }
  res = await goto(page, '/ketenpartnerwaarden?periode=zomer');
  await check(page, 'periode fout', res);
  assert.match(await page.locator('main').innerText(), /Dit is geen periode/);
  await page.context().close();
});

test('no axe or tidy problems on any page', () => {
  assert.deepEqual(problems, []);
});
