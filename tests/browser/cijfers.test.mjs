// Browser tests for the figure pages (issue 10), in headless Chromium: a
// teamleider of DOCK chooses 2025-H1 and keten PART (without JavaScript
// and with), sees per indicator a table of wijken and a Totaal row, and
// follows a number to the inwoners behind it; the regisseur of the keten
// sees the same tables protected ("< 5") and no links; the pages work by
// keyboard and at 390 px wide (a table scrolls in its own box). Every page
// is checked with axe-core (WCAG 2.1 A/AA) and HTML Tidy.
//
// The demo catalogue (sql/demo/050_indicatoren.sql) must be there: its
// startgesprekken of footnote ww are checked by name. Two indicators are
// also made here, through the API as the beheerder (codes with this run's
// suffix), for what the demo's may not show (a duur); every other table on
// the page (the demo catalogue's, other tests') is checked for its shape.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, PASSWORD, useBrowser, pageChecks, goto, submit, follow } from './lib.mjs';

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const P = '2025-H1';
const ORIGIN = new URL(BASE).origin;

useBrowser();

const { signIn, check, problems } = pageChecks('cijfers');

// ------------------------------------------------------------ the API

async function api(s, p, { method = 'GET', json } = {}) {
  const headers = { origin: ORIGIN };
  if (s) headers.cookie = s.cookie;
  if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
  if (json !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch(new URL(p, BASE).href, { method, headers, body: json === undefined ? undefined : JSON.stringify(json), redirect: 'manual' });
  const text = await res.text();
  let body;
  try { body = JSON.parse(text); } catch { body = undefined; }
  return { status: res.status, text, body };
}

async function apiLogin(user) {
  const res = await fetch(new URL('/api/v1/sessies', BASE).href, {
    method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ gebruikersnaam: user, wachtwoord: PASSWORD }),
  });
  assert.equal(res.status, 201, `login ${user}`);
  const body = await res.json();
  return { cookie: (res.headers.get('set-cookie') || '').split(';')[0], csrf: body.csrf_token };
}

let keten;        // PART's id
let dock;         // DOCK's id
const ID = {};    // the indicators' ids
let demo;         // the naam of the demo's startgesprekken_gevoerd
const NAAM = {
  gesprekken: `Startgesprekken browsertest ${RUN}`,
  wachttijd: `Wachttijd browsertest ${RUN}`,
};

before(async () => {
  const beheer = await apiLogin('beheerder');
  const ketens = await api(beheer, '/api/v1/ketens?limit=500');
  assert.equal(ketens.status, 200, ketens.text);
  keten = ketens.body.items.find((k) => k.code === 'PART').id;
  const orgs = await api(beheer, '/api/v1/organisaties?limit=500');
  assert.equal(orgs.status, 200, orgs.text);
  dock = orgs.body.items.find((o) => o.code === 'DOCK').id;
  const cat = await api(beheer, '/api/v1/indicatoren?limit=500&bron=berekend');
  assert.equal(cat.status, 200, cat.text);
  demo = cat.body.items.find((i) => i.code === 'startgesprekken_gevoerd' && i.actief)?.naam;
  assert.ok(demo, 'the demo catalogue has startgesprekken_gevoerd (sql/demo/050_indicatoren.sql)');
  for (const [code, eenheid, regel] of [
    ['gesprekken', 'aantal', { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst', 'ketenstatus'] }],
    ['wachttijd', 'dagen', { soort: 'duur', van: 'wachtlijst_in', tot: 'wachtlijst_uit', statistiek: 'mediaan' }],
  ]) {
    const r = await api(beheer, '/api/v1/indicatoren', {
      method: 'POST',
      json: {
        code: `bt_${code}_${RUN}`, naam: NAAM[code], definitie: `Browsertest: ${code}.`,
        doel: 'De pagina van de cijfers testen.', keten_id: keten, bron: 'berekend', eenheid, regel,
      },
    });
    assert.equal(r.status, 201, r.text);
    ID[code] = r.body.id;
  }
});

// ------------------------------------------------------------ the page

/** The tables of the page as { caption: { head, rows: [[cells]], totaal } }. */
function tabellen(page) {
  return page.evaluate(() => {
    const out = {};
    for (const t of document.querySelectorAll('main table')) {
      const cells = (tr) => [...tr.children].map((c) => c.innerText.trim());
      out[t.querySelector('caption').innerText.trim()] = {
        head: [...t.querySelectorAll('thead th')].map((c) => c.innerText.trim()),
        rows: [...t.querySelectorAll('tbody tr')].map(cells),
        totaal: [...t.querySelectorAll('tfoot tr')].map(cells),
        links: [...t.querySelectorAll('a')].map((a) => a.getAttribute('href')),
        // per row (the total last): whether its value cell links
        waardeLinks: [...t.querySelectorAll('tbody tr, tfoot tr')].map((tr) => !!tr.children[1].querySelector('a')),
      };
    }
    return out;
  });
}

const tabel = (all, naam) => Object.entries(all).find(([c]) => c.startsWith(`${naam}:`))?.[1];

// A number as the page writes it: "12", "1.234", "12,5", "12,5 dagen",
// "12,5%"; withheld "< 5"; no value "—" (with hidden text for screen
// readers after it).
const GETAL = /^(\d{1,3}(\.\d{3})*(,\d)?( dagen|%| fte)?|< \d+|—)/;
// A target as the page writes it, or "—" without one; and its status.
const STREEF = /^(minstens |hoogstens |[\d.,]+ tot en met |—)/;
const STATUS = /^(Op koers|Afwijking|Geen streefwaarde|Niet getoond|Geen waarde)$/;
// A count from 1 to 4 (and not the start of 12 or 1.234).
const KLEIN = /^[1-4](?![\d.,])/;

function vormVanDeTabellen(all, { exact }) {
  assert.ok(Object.keys(all).length >= 2, 'at least the two indicators of this test');
  for (const [caption, t] of Object.entries(all)) {
    assert.match(caption, /: DOCK Zaanstad, eerste halfjaar 2025$/, caption);
    assert.equal(t.head[0], 'Wijk', caption);
    assert.ok(t.head.some((h) => /^Vorige periode/.test(h)), `${caption}: a column Vorige periode`);
    assert.ok(t.head.includes('Streefwaarde') && t.head.includes('Status'), `${caption}: columns Streefwaarde and Status`);
    assert.ok(t.rows.length > 0, `${caption}: wijk rows`);
    assert.equal(t.totaal.length, 1, `${caption}: one Totaal row`);
    assert.equal(t.totaal[0][0], 'Totaal', caption);
    for (const row of [...t.rows, ...t.totaal]) {
      assert.notEqual(row[0], '', `${caption}: every row names its wijk`);
      for (const c of row.slice(1, -2)) assert.match(c, GETAL, `${caption}: cell ${JSON.stringify(c)}`);
      assert.match(row.at(-2), STREEF, `${caption}: target ${JSON.stringify(row.at(-2))}`);
      assert.match(row.at(-1), STATUS, `${caption}: status ${JSON.stringify(row.at(-1))}`);
    }
    const herkomst = t.links.filter((h) => !h.startsWith('/streefwaarden/'));
    if (!exact) assert.deepEqual(herkomst, [], `${caption}: no herkomst links for an aggregate viewer`);
  }
}

async function kies(page) {
  await page.getByLabel('Periode').selectOption(P);
  await page.getByLabel('Organisatie').selectOption(String(dock));
  await page.getByLabel('Keten').selectOption(String(keten));
}

test('a teamleider without JavaScript: the form, the tables and the herkomst of a number', async () => {
  const page = await signIn('teamleider.dock', { javaScriptEnabled: false });
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  assert.match(menu, /Cijfers/);
  let res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
    page.locator('nav[aria-label="Hoofdmenu"]').getByRole('link', { name: 'Cijfers' }).click()]).then(([r]) => r);
  await check(page, 'teamleider-start', res);
  assert.equal(await page.locator('nav [aria-current="page"]').innerText(), 'Cijfers');
  // The organisatie select offers DOCK only: nothing of another
  // organisation can be chosen.
  assert.deepEqual(await page.locator('#organisatie_id option').allInnerTexts(), ['DOCK Zaanstad']);
  // The default periode is the last complete half-year.
  assert.match(await page.locator('#periode option:checked').innerText(), /halfjaar/);
  await kies(page);
  res = await submit(page, 'Cijfers tonen');
  await check(page, 'teamleider-2025-H1', res);
  const url = new URL(page.url());
  assert.equal(url.pathname, '/cijfers');
  assert.equal(url.searchParams.get('periode'), P);
  assert.equal(url.searchParams.get('keten_id'), String(keten));
  assert.match(await page.locator('#zicht').innerText(), /exacte cijfers/);
  assert.match(await page.locator('#kleine-aantallen').innerText(), /onder de 5/);

  const all = await tabellen(page);
  vormVanDeTabellen(all, { exact: true });
  const g = tabel(all, NAAM.gesprekken);
  assert.ok(g, 'the startgesprekken table');
  assert.equal(g.head[1], 'Aantal');
  for (const h of ['Uitkomst', 'Overbrugbare afstand tot de arbeidsmarkt', 'Stand van zaken aan het eind van de periode', 'Sociaal wijkteam', 'Werkom']) {
    assert.ok(g.head.includes(h), `column ${h} in ${g.head.join(' | ')}`);
  }
  // The demo's own: for DOCK in 2025-H1 a wijk with 1 to 4 startgesprekken
  // (the number the regisseur must not see, a later test).
  const d = tabel(all, demo);
  assert.ok(d, `the demo catalogue's table "${demo}"`);
  assert.deepEqual(d.head.slice(0, 4), g.head.slice(0, 4), 'the same columns as this test\'s startgesprekken');
  const klein = d.rows.filter((r) => KLEIN.test(r[1]));
  assert.ok(klein.length > 0, `a wijk cell with 1..4: ${JSON.stringify(d.rows.map((r) => r.slice(0, 2)))}`);
  // Every value of an exact viewer links to its herkomst.
  assert.ok(g.links.every((h) => h.startsWith('/cijfers/herkomst?')), g.links.join(' '));
  assert.ok(g.waardeLinks.every(Boolean), `the value of every row links: ${g.waardeLinks}`);
  const w = tabel(all, NAAM.wachttijd);
  assert.ok(w, 'the wachttijd table');
  for (const r of [...w.rows, ...w.totaal]) assert.match(r[1], /^(\d+,\d dagen|—)/, `wachttijd ${r[1]}`);

  // The Totaal's number → the inwoners behind it.
  const totaal = Number(g.totaal[0][1].match(/^[\d.]+/)[0].replace(/\./g, ''));
  const link = page.locator('main table').filter({ hasText: NAAM.gesprekken }).locator('tfoot a').first();
  res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), link.click()]).then(([r]) => r);
  await check(page, 'herkomst', res);
  assert.equal(new URL(page.url()).pathname, '/cijfers/herkomst');
  assert.match(await page.locator('h1').innerText(), new RegExp(`Herkomst: ${NAAM.gesprekken}`));
  assert.match(await page.locator('main').innerText(), /alle wijken \(het totaal\)/);
  const namen = page.locator('main tbody th a');
  const n = await namen.count();
  assert.ok(n >= Math.min(totaal, 50) && n <= 50, `${n} records for ${totaal} inwoners on the first page`);
  for (const href of await namen.evaluateAll((as) => as.map((a) => a.getAttribute('href')))) {
    assert.match(href, /^\/registratie\/inwoners\/\d+$/);
  }
  assert.ok((await namen.first().innerText()).trim().length > 0, 'a name');
  assert.match(await page.locator('main tbody td').first().innerText(), /Startgesprek/);
  // Paged: the next page, when there is one, goes on.
  const volgende = page.getByRole('link', { name: 'Volgende pagina' });
  if (await volgende.count()) {
    res = await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), volgende.click()]).then(([r]) => r);
    await check(page, 'herkomst-volgende', res);
    assert.match(page.url(), /cursor=50/);
    assert.ok(await page.locator('main tbody tr').count() > 0);
  }
  // Back to the same choice.
  await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Terug naar de cijfers' }).click()]);
  assert.equal(new URL(page.url()).searchParams.get('periode'), P);
  await page.context().close();
});

test('with JavaScript and by keyboard: choose, submit, reach a number and open it', async () => {
  const page = await signIn('teamleider.dock');
  await check(page, 'teamleider-js', await goto(page, '/cijfers'));
  await kies(page);
  // Submit from the keyboard.
  await page.locator('#keten_id').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.textContent), 'Cijfers tonen');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).searchParams.get('periode'), P);
  vormVanDeTabellen(await tabellen(page), { exact: true });
  // Tab on: a table's box takes focus (so it can be scrolled), then its
  // links; Enter opens the herkomst.
  let regio = false;
  let herkomst = null;
  for (let i = 0; i < 400 && !herkomst; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => ({
      cls: document.activeElement.className, href: document.activeElement.getAttribute('href'),
    }));
    if (f.cls === 'wz-tabel') regio = true;
    if (f.href && f.href.startsWith('/cijfers/herkomst')) herkomst = f.href;
  }
  assert.ok(regio, 'the table box is in the tab order');
  assert.ok(herkomst, 'a herkomst link is reached by Tab');
  await Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.keyboard.press('Enter')]);
  assert.equal(new URL(page.url()).pathname, '/cijfers/herkomst');
  assert.match(await page.locator('h1').innerText(), /^Herkomst/);
  await page.context().close();
});

test('390 px wide: the page does not scroll sideways, the tables scroll in their box', async () => {
  const page = await signIn('teamleider.dock', { viewport: { width: 390, height: 844 } });
  await check(page, 'teamleider-390', await goto(page, `/cijfers?periode=${P}&organisatie_id=${dock}&keten_id=${keten}`));
  const maat = await page.evaluate((naam) => {
    const t = [...document.querySelectorAll('main table')].find((x) => x.caption.innerText.startsWith(naam));
    const box = t.closest('.wz-tabel');
    const r = box.getBoundingClientRect();
    return {
      pagina: document.documentElement.scrollWidth, venster: window.innerWidth,
      boxRechts: r.right, boxBreed: box.clientWidth, tabelBreed: box.scrollWidth,
      velden: [...document.querySelectorAll('main select, main button')].map((e) => e.getBoundingClientRect().right),
    };
  }, NAAM.gesprekken);
  assert.ok(maat.pagina <= maat.venster, `the page is ${maat.pagina} px wide in a ${maat.venster} px window`);
  assert.ok(maat.boxRechts <= maat.venster, 'the table box fits the window');
  assert.ok(maat.tabelBreed > maat.boxBreed, 'the wide table scrolls inside its box');
  for (const x of maat.velden) assert.ok(x <= maat.venster, `a form control ends at ${x} px`);
  // By keyboard: focus the box, scroll it with the arrow keys.
  const box = page.locator('main .wz-tabel').filter({ hasText: NAAM.gesprekken });
  await box.focus();
  for (let i = 0; i < 10; i++) await page.keyboard.press('ArrowRight');
  assert.ok(await box.evaluate((b) => b.scrollLeft) > 0, 'the arrow keys scroll the table');
  await page.context().close();
});

test('the regisseur sees DOCK 2025-H1 protected: "< 5", no small number, no herkomst links', async () => {
  const page = await signIn('regisseur.participatie');
  assert.match(await page.locator('nav[aria-label="Hoofdmenu"]').innerText(), /Cijfers/);
  await goto(page, '/cijfers');
  // The regisseur's own keten comes first and is chosen.
  assert.equal(await page.locator('#keten_id').inputValue(), String(keten));
  await kies(page);
  const res = await submit(page, 'Cijfers tonen');
  await check(page, 'regisseur-2025-H1', res);
  assert.match(await page.locator('#zicht').innerText(), /beschermde cijfers/);
  const all = await tabellen(page);
  vormVanDeTabellen(all, { exact: false });
  assert.equal(await page.locator('main a[href*="/cijfers/herkomst"]').count(), 0);
  for (const naam of [demo, NAAM.gesprekken]) {
    const g = tabel(all, naam);
    assert.ok(g, naam);
    const cellen = [...g.rows, ...g.totaal].flatMap((r) => r.slice(1));
    assert.ok(cellen.some((c) => c.startsWith('< 5')), `${naam}: "< 5" in ${JSON.stringify(cellen)}`);
    for (const c of cellen) assert.doesNotMatch(c, KLEIN, `${naam}: no count from 1 to 4 is shown`);
  }
  // The herkomst is not for an aggregate viewer.
  const h = await goto(page, `/cijfers/herkomst?indicator_id=${ID.gesprekken}&periode=${P}&organisatie_id=${dock}`);
  await check(page, 'regisseur-herkomst', h, 403);
  await page.context().close();
});

test('a wrong choice is the form again, in Dutch, with nothing of another organisation', async () => {
  const page = await signIn('teamleider.dock');
  let res = await goto(page, `/cijfers?periode=2025-H3&keten_id=${keten}`);
  await check(page, 'fout-periode', res, 422);
  assert.match(await page.locator('#fouten').innerText(), /geen periode/);
  assert.equal(await page.locator('#periode').getAttribute('aria-invalid'), 'true');
  assert.equal(await page.locator('main table').count(), 0);
  res = await goto(page, `/cijfers/herkomst?indicator_id=abc&periode=${P}&organisatie_id=${dock}`);
  await check(page, 'fout-herkomst', res, 422);
  assert.match(await page.locator('#linkfouten').innerText(), /indicator/);
  await page.context().close();
});

test('every figure page is axe- and tidy-clean', () => {
  assert.deepEqual(problems, []);
});
