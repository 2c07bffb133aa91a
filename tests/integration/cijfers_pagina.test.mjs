// cijfers_pagina.test.mjs — the pages of the figures (issue 10) as HTTP:
// who may open them, what a wrong question answers (the form again, 422,
// in Dutch, never a crash and never another organisation's numbers), the
// herkomst's 403 for aggregate viewers and 404 for everyone else, and that
// the page shows the numbers the JSON API gives.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, looksDutch } from './lib.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const LINK_RE = /\/wachtwoord-instellen\/([A-Za-z0-9_-]{43})/;
const PASSWORD = 'Een lang en sterk wachtwoord 42';
const P = '2025-H1';

const S = {};
let keten;
let dock;
let incluzio;
let ind;

const post = (s, p, json) => asSession(s, p, { method: 'POST', json });
const page = (s, p) => asSession(s, p, { headers: { accept: 'text/html' } });
/** The text of an HTML page without its tags. */
const tekst = (html) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

before(async () => {
  S.beheer = await login('beheerder');
  S.tl = await login('teamleider.dock');
  S.tlIncluzio = await login('teamleider.incluzio');
  S.regisseur = await login('regisseur.participatie');
  S.contract = await login('contractmanager');
  S.auditor = await login('auditor');
  keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  dock = Number((await sql("SELECT id FROM organisatie WHERE code = 'DOCK'"))[0][0]);
  incluzio = Number((await sql("SELECT id FROM organisatie WHERE code = 'INCLUZIO'"))[0][0]);
  const r = await post(S.beheer, '/api/v1/indicatoren', {
    code: `pagina_gesprekken_${RUN}`, naam: `Paginatest startgesprekken ${RUN}`, definitie: 'Inwoners met een startgesprek.',
    doel: 'De pagina testen.', keten_id: keten, bron: 'berekend', eenheid: 'aantal',
    regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst'] },
  });
  assert.equal(r.res.status, 201, r.text);
  ind = r.json.id;
  // A signed-in user without any role.
  const u = await post(S.beheer, '/api/v1/gebruikers', { gebruikersnaam: `zonderrol.${RUN}`, naam: `Zonder rol ${RUN}` });
  assert.equal(u.res.status, 201, u.text);
  const link = LINK_RE.exec(u.json.wachtwoord_link)[0];
  const w = await asSession(null, link, { method: 'POST', form: { nieuw: PASSWORD, herhaling: PASSWORD } });
  assert.equal(w.res.status, 303, w.text);
  S.zonderRol = await login(`zonderrol.${RUN}`, PASSWORD);
});

const cijfers = (q) => `/cijfers?${q}`;
const herkomst = (q) => `/cijfers/herkomst?${q}`;

describe('who may open the figure pages', () => {
  test('without a session: to the log-in page', async () => {
    for (const p of [cijfers(''), herkomst(`indicator_id=${ind}&periode=${P}&organisatie_id=${dock}`)]) {
      const r = await page(null, p);
      assert.equal(r.res.status, 303, p);
      assert.match(r.res.headers.get('location') || '', /\/inloggen/);
    }
  });

  test('a user without a role: 403, and no menu entry', async () => {
    const r = await page(S.zonderRol, cijfers(''));
    assert.equal(r.res.status, 403, r.text);
    assert.equal((await page(S.zonderRol, herkomst(`indicator_id=${ind}&periode=${P}&organisatie_id=${dock}`))).res.status, 403);
    const home = await page(S.zonderRol, '/');
    assert.doesNotMatch(home.text, /href="\/cijfers"/);
  });

  test('every role has the menu entry and the page', async () => {
    for (const user of ['teamleider.dock', 'medewerker.dock', 'regisseur.participatie', 'beheerder', 'contractmanager',
      'auditor', 'ketenpartner.werkom']) {
      const s = await login(user);
      const r = await page(s, cijfers(''));
      assert.equal(r.res.status, 200, `${user}: ${r.text.slice(0, 300)}`);
      assert.match(r.text, /<a class="utrecht-link wz-nav__link" href="\/cijfers" aria-current="page">Cijfers<\/a>/, user);
    }
  });
});

describe('a wrong question is the form again (422), in Dutch', () => {
  const fouten = [
    [`periode=2024-H3&keten_id=KETEN`, 'periode', /geen periode/],
    [`periode=abc&keten_id=KETEN`, 'periode', /geen periode/],
    [`organisatie_id=abc&keten_id=KETEN`, 'organisatie_id', /Kies een organisatie/],
    [`organisatie_id=-1&keten_id=KETEN`, 'organisatie_id', /Kies een organisatie/],
    [`organisatie_id=99999999999999999999&keten_id=KETEN`, 'organisatie_id', /Kies een organisatie/],
    [`keten_id=0`, 'keten_id', /Kies een keten/],
    [`keten_id=999999999`, 'keten_id', /Kies een keten/],
  ];
  for (const [q, veld, melding] of fouten) {
    test(`/cijfers?${q}`, async () => {
      const r = await page(S.tl, cijfers(q.replace('KETEN', keten)));
      assert.equal(r.res.status, 422, r.text.slice(0, 500));
      assert.match(r.res.headers.get('content-type'), /^text\/html/);
      assert.match(r.text, new RegExp(`href="#${veld}"`), 'the summary links to the field');
      assert.match(r.text, new RegExp(`id="${veld}-fout"`), 'the field has its message');
      assert.match(tekst(r.text), melding);
      assert.ok(looksDutch(tekst(r.text)));
      assert.doesNotMatch(r.text, /<table/, 'no figures with a wrong question');
      assert.match(r.text, /<form method="get" action="\/cijfers"/, 'the form again');
    });
  }

  test('another organisation is not offered to a teamleider, and its numbers are not shown', async () => {
    const r = await page(S.tl, cijfers(`periode=${P}&organisatie_id=${incluzio}&keten_id=${keten}`));
    assert.equal(r.res.status, 422, r.text.slice(0, 500));
    assert.doesNotMatch(r.text, /<table/);
    assert.doesNotMatch(r.text, /Incluzio/i, 'not even its name');
    const ok = await page(S.tl, cijfers(''));
    const keuze = ok.text.slice(ok.text.indexOf('id="organisatie_id"'));
    const opties = keuze.slice(0, keuze.indexOf('</select>'));
    assert.match(opties, new RegExp(`<option value="${dock}" selected>DOCK Zaanstad</option>`));
    assert.doesNotMatch(opties, new RegExp(`<option value="${incluzio}"`));
  });

  const linkfouten = [
    [`periode=${P}&organisatie_id=DOCK`, /indicator ontbreekt/],
    [`indicator_id=IND&periode=2025-H3&organisatie_id=DOCK`, /periode ontbreekt of bestaat niet/],
    [`indicator_id=IND&organisatie_id=DOCK`, /periode ontbreekt/],
    [`indicator_id=abc&periode=${P}&organisatie_id=DOCK`, /indicator ontbreekt of is geen id/],
    [`indicator_id=IND&periode=${P}`, /organisatie ontbreekt/],
    [`indicator_id=IND&periode=${P}&organisatie_id=DOCK&wijk_id=x`, /wijk is geen id/],
    [`indicator_id=IND&periode=${P}&organisatie_id=DOCK&cursor=0`, /cursor/],
    [`indicator_id=IND&periode=${P}&organisatie_id=DOCK&cursor=-5`, /cursor/],
  ];
  for (const [q, melding] of linkfouten) {
    test(`/cijfers/herkomst?${q}`, async () => {
      const r = await page(S.tl, herkomst(q.replace('IND', ind).replace('DOCK', dock)));
      assert.equal(r.res.status, 422, r.text.slice(0, 500));
      assert.match(r.text, /id="linkfouten"/);
      assert.match(tekst(r.text), melding);
      assert.ok(looksDutch(tekst(r.text)));
      assert.match(r.text, /<form method="get" action="\/cijfers"/, 'the form again');
      assert.doesNotMatch(r.text, /<table/);
    });
  }
});

describe('the herkomst: 403 for aggregate viewers, 404 for others', () => {
  const q = () => herkomst(`indicator_id=${ind}&periode=${P}&organisatie_id=${dock}`);

  test('aggregate viewers get the 403 page', async () => {
    for (const s of ['regisseur', 'contract', 'auditor', 'beheer']) {
      const r = await page(S[s], q());
      assert.equal(r.res.status, 403, `${s}: ${r.text.slice(0, 300)}`);
      assert.match(r.res.headers.get('content-type'), /^text\/html/);
      assert.match(tekst(r.text), /alleen de totalen/);
      assert.doesNotMatch(r.text, /\/registratie\/inwoners\/\d/, 'no inwoner');
    }
  });

  test('another organisation\'s teamleider and an unknown indicator: 404', async () => {
    const r = await page(S.tlIncluzio, q());
    assert.equal(r.res.status, 404, r.text.slice(0, 300));
    assert.doesNotMatch(r.text, /\/registratie\/inwoners\/\d/);
    assert.equal((await page(S.tl, herkomst(`indicator_id=999999999&periode=${P}&organisatie_id=${dock}`))).res.status, 404);
  });

  test('the organisatie itself sees the inwoners, and the read is audited', async () => {
    const voor = Number((await sql('SELECT COALESCE(MAX(id), 0) FROM audit'))[0][0]);
    const r = await page(S.tl, q());
    assert.equal(r.res.status, 200, r.text.slice(0, 300));
    const ids = [...r.text.matchAll(/<th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="\/registratie\/inwoners\/(\d+)">/g)].map((m) => m[1]);
    assert.ok(ids.length > 0, 'records');
    const audit = await sql(`SELECT COUNT(DISTINCT inwoner_id) FROM audit WHERE id > ${voor} AND doel = 'verantwoording'`);
    assert.equal(Number(audit[0][0]), new Set(ids).size);
  });
});

describe('the herkomst is paged', () => {
  test('51 records: 50 and "Volgende pagina", then 1 and "Vorige pagina"', async () => {
    // One inwoner of DOCK with 51 startgesprekken in 2020-H1 (a period no
    // other test looks at), counted as events.
    const mw = await login('medewerker.dock');
    const wijk = Number((await sql("SELECT id FROM wijk WHERE code = 'PLB'"))[0][0]);
    const wijkteam = Number((await sql("SELECT id FROM wijkteam WHERE code = 'WT-PLB'"))[0][0]);
    const thema = Number((await sql(`SELECT MIN(id) FROM thema WHERE keten_id = ${keten}`))[0][0]);
    const opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);
    const inw = await post(mw, '/api/v1/inwoners', { naam: `Veelgesprek Pagina${RUN}`, geboortejaar: 1975, wijk_id: wijk });
    assert.equal(inw.res.status, 201, inw.text);
    const trj = await post(mw, `/api/v1/inwoners/${inw.json.id}/trajecten`, {
      soort: 'participatie', thema_id: thema, opdracht_id: opdracht, wijkteam_id: wijkteam, startdatum: '2020-01-01',
    });
    assert.equal(trj.res.status, 201, trj.text);
    for (let d = 0; d < 51; d++) {
      const datum = new Date(Date.UTC(2020, 0, 2 + d)).toISOString().slice(0, 10);
      const e = await post(mw, `/api/v1/inwoners/${inw.json.id}/gebeurtenissen`, {
        type: 'startgesprek', datum, traject_id: trj.json.id, gegevens: { uitkomst: 'overbrugbaar' },
      });
      assert.equal(e.res.status, 201, e.text);
    }
    const r = await post(S.beheer, '/api/v1/indicatoren', {
      code: `pagina_gesprekken_ev_${RUN}`, naam: `Paginatest gesprekken ${RUN}`, definitie: 'Startgesprekken.',
      doel: 'Het bladeren testen.', keten_id: keten, bron: 'berekend', eenheid: 'aantal',
      regel: { soort: 'telling', tel: 'gebeurtenissen', type: 'startgesprek' },
    });
    assert.equal(r.res.status, 201, r.text);
    const rijen = (html) => [...html.matchAll(/<tr class="utrecht-table__row"><th class="utrecht-table__header-cell" scope="row"><a class="utrecht-link" href="\/registratie\/inwoners\/(\d+)">/g)].length;
    const eerste = await page(S.tl, herkomst(`indicator_id=${r.json.id}&periode=2020-H1&organisatie_id=${dock}`));
    assert.equal(eerste.res.status, 200, eerste.text.slice(0, 300));
    assert.ok(rijen(eerste.text) === 50, `50 on the first page, not ${rijen(eerste.text)}`);
    const volgende = /<a class="utrecht-link" href="([^"]+)" rel="next">Volgende pagina<\/a>/.exec(eerste.text);
    assert.ok(volgende, 'a link to the next page');
    assert.doesNotMatch(eerste.text, /rel="prev"/);
    const href = volgende[1].replace(/&amp;/g, '&');
    assert.match(href, /cursor=50$/);
    const tweede = await page(S.tl, href);
    assert.equal(tweede.res.status, 200);
    assert.equal(rijen(tweede.text), 1);
    assert.doesNotMatch(tweede.text, /rel="next"/);
    assert.match(tweede.text, /rel="prev">Vorige pagina/);
    // Past the end: an empty page, not an error.
    const leeg = await page(S.tl, herkomst(`indicator_id=${r.json.id}&periode=2020-H1&organisatie_id=${dock}&cursor=500`));
    assert.equal(leeg.res.status, 200);
    assert.equal(rijen(leeg.text), 0);
    assert.match(tekst(leeg.text), /Niemand meer/);
  });
});

describe('the page shows the numbers of the figure service', () => {
  test('the teamleider\'s Totaal is the API\'s total, with a herkomst link; the regisseur\'s page has no links', async () => {
    const api = await asSession(S.tl, `/api/v1/waarden?periode=${P}&organisatie_id=${dock}&indicator_id=${ind}`);
    assert.equal(api.res.status, 200, api.text);
    const tot = api.json.items.find((it) => it.wijk_id === null);
    const r = await page(S.tl, cijfers(`periode=${P}&organisatie_id=${dock}&keten_id=${keten}`));
    assert.equal(r.res.status, 200);
    const sectie = r.text.slice(r.text.indexOf(`id="indicator-${ind}"`));
    const voet = sectie.slice(sectie.indexOf('<tfoot'), sectie.indexOf('</tfoot>'));
    assert.match(voet, new RegExp(`href="/cijfers/herkomst\\?indicator_id=${ind}&amp;periode=${P}&amp;organisatie_id=${dock}">${tot.waarde}<`));
    const reg = await page(S.regisseur, cijfers(`periode=${P}&organisatie_id=${dock}&keten_id=${keten}`));
    assert.equal(reg.res.status, 200);
    assert.doesNotMatch(reg.text, /\/cijfers\/herkomst/);
    assert.match(reg.text, /beschermde cijfers/);
  });
});
