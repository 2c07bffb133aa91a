// streefwaarden.test.mjs — targets (issue 11) against the real stack: each
// richting and tolerance gives the status expected from figures counted
// by hand from registrations made here, pro rata only for a telling,
// history over two changes, bad input refused with nothing written,
// roles, and the DHIS2 dataValueSet. Every response is checked against
// the served OpenAPI document.
//
// The world of this file: wijkteamorganisatie A with wijken W1 and W2
// (wijkteam T1). In 2025: six inwoners of W1 have a startgesprek on
// 2025-02-01 (Q1), two of W2 on 2025-05-01 (Q2); three of W1's six go on
// the wachtlijst on 2025-03-01 and are still on it on 2025-06-30. So for
// A in 2025-H1: gesprekken W1 6, W2 2, total 8; in 2025-Q1: W1 6, W2 0,
// total 6; wachtlijst (a stand) W1 3, W2 0, total 3. For a regisseur
// (aggregates) W2's 2 and W1's wachtlijst 3 are below 5 and withheld.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const SW = '/api/v1/streefwaarden';
const SWID = '/api/v1/streefwaarden/{id}';
const WAARDEN = '/api/v1/waarden';

let beheer;
const S = {};
const W = {};
const I = {};
const C = {};            // codes
let A;                   // organisatie A's id
let keten;
let versie;              // a published formatversie
let concept;             // a concept formatversie

const post = (s, p, json, headers = {}) => asSession(s, p, { method: 'POST', json, headers });
const put = (s, p, json, headers = {}) => asSession(s, p, { method: 'PUT', json, headers });

const maak = created;
const gebruiker = (naam, grant) => newUser(beheer, naam, grant);

/** A target set by s (the participatie regisseur by default); checked 201. */
async function streef(body, s = S.regisseur) {
  const r = await post(s, SW, { reden: 'Afspraak in het contractgesprek.', ...body });
  assert.equal(r.res.status, 201, r.text);
  await assertDocumented('POST', SW, r);
  return r.json;
}

/** The figures as s sees them, items by indicator then wijk key. */
async function waarden(s, query) {
  const r = await asSession(s, `${WAARDEN}?organisatie_id=${A}&${query}`);
  assert.equal(r.res.status, 200, r.text);
  await assertDocumented('GET', WAARDEN, r);
  if (r.json.dataValues) return r.json;
  const naam = Object.fromEntries(Object.entries(W).map(([k, v]) => [v, k]));
  const out = {};
  for (const it of r.json.items) {
    const ind = Object.keys(I).find((k) => I[k] === it.indicator_id) || it.indicator_id;
    (out[ind] ||= {})[it.wijk_id === null ? 'totaal' : naam[it.wijk_id] || `w${it.wijk_id}`] = it;
  }
  return out;
}

const aantal = async (where) => Number((await sql(`SELECT COUNT(*) FROM streefwaarde WHERE ${where}`))[0][0]);

before(async () => {
  beheer = await login('beheerder');
  keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  const thema = Number((await sql(`SELECT MIN(id) FROM thema WHERE keten_id = ${keten}`))[0][0]);
  const opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);

  C.A = `SWA-${RUN}`.toUpperCase().slice(0, 32);
  A = (await maak(beheer, '/api/v1/organisaties', {
    code: C.A, naam: `Streeftest A ${RUN}`, soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
  })).id;
  for (const k of ['W1', 'W2']) {
    C[k] = `S${k}-${RUN}`.toUpperCase().slice(0, 32);
    W[k] = (await maak(beheer, '/api/v1/wijken', { code: C[k], naam: `Streefwijk ${k}`, geldig_van: '2020-01-01' })).id;
  }
  const t1 = await maak(beheer, '/api/v1/wijkteams', {
    code: `ST1-${RUN}`.toUpperCase().slice(0, 32), naam: 'Streefteam', geldig_van: '2020-01-01',
    organisatie_id: A, wijk_ids: [W.W1, W.W2],
  });
  S.mw = await gebruiker(`streef.mw.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: A });
  S.tl = await gebruiker(`streef.tl.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: A });
  S.regisseur = await login('regisseur.participatie');
  S.regisseurWmo = await login('regisseur.wmo');
  S.werkom = await login('ketenpartner.werkom');

  const registreer = async (wijk, datum, wachtlijst) => {
    const inw = (await maak(S.mw, '/api/v1/inwoners', { naam: `Streef ${RUN}`, geboortejaar: 1980, wijk_id: wijk })).id;
    const t = (await maak(S.mw, `/api/v1/inwoners/${inw}/trajecten`, {
      soort: 'participatie', thema_id: thema, opdracht_id: opdracht, wijkteam_id: t1.id, startdatum: '2024-12-01',
    })).id;
    await maak(S.mw, `/api/v1/inwoners/${inw}/gebeurtenissen`, { type: 'startgesprek', datum, traject_id: t, gegevens: { uitkomst: 'overbrugbaar' } });
    if (wachtlijst) await maak(S.mw, `/api/v1/inwoners/${inw}/gebeurtenissen`, { type: 'wachtlijst_in', datum: '2025-03-01', traject_id: t, gegevens: {} });
  };
  for (let k = 0; k < 6; k++) await registreer(W.W1, '2025-02-01', k < 3);
  for (let k = 0; k < 2; k++) await registreer(W.W2, '2025-05-01', false);

  const ind = async (code, body) => (await maak(beheer, '/api/v1/indicatoren', {
    code: `${code}_${RUN}`, naam: code, definitie: `Test: ${code}.`, doel: 'Testen.', keten_id: keten, ...body,
  })).id;
  I.tel = await ind('sw_gesprekken', { bron: 'berekend', eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek' } });
  I.stand = await ind('sw_wachtlijst', { bron: 'berekend', eenheid: 'aantal', regel: { soort: 'stand', toestand: 'op_wachtlijst' } });
  I.tekst = await ind('sw_toelichting', { bron: 'handmatig', eenheid: 'tekst' });
  C.tel = `sw_gesprekken_${RUN}`;
  C.stand = `sw_wachtlijst_${RUN}`;

  // The format the figures are asked for: version 1 published (2025-H1
  // began long ago, so with a reason), version 2 a concept.
  const fid = (await maak(S.regisseur, '/api/v1/formats', { code: `swtest_${RUN}`, naam: 'Streeftest', keten_id: keten })).id;
  const secties = [{ titel: 'Cijfers', items: [I.tel, I.stand, I.tekst].map((id) => ({ soort: 'indicator', indicator_id: id })) }];
  versie = (await maak(S.regisseur, `/api/v1/formats/${fid}/versies`, { eerste_periode: '2025-H1', secties })).id;
  const p = await post(S.regisseur, `/api/v1/formats/${fid}/versies/1/publiceren`, { reden: 'Test.' });
  assert.equal(p.res.status, 200, p.text);
  concept = (await maak(S.regisseur, `/api/v1/formats/${fid}/versies`, { eerste_periode: '2025-H2', secties })).id;
});

describe('status per richting and tolerance, against hand-counted figures', () => {
  let gemeente;
  let org;
  before(async () => {
    // 1: gemeente, hoger_beter 7, no tolerance.
    gemeente = await streef({ indicator_id: I.tel, periode: '2025-H1', richting: 'hoger_beter', waarde: 7 });
    // 2: wijk W1, hoger_beter 7, absoluut 1: op koers from 6.
    await streef({ indicator_id: I.tel, periode: '2025-H1', wijk_id: W.W1, richting: 'hoger_beter', waarde: '7', tolerantie: 1, tolerantie_soort: 'absoluut' });
    // 3: A in W2, bandbreedte 3..5, procent 50: 1.5 .. 7.5.
    await streef({ indicator_id: I.tel, periode: '2025-H1', organisatie_id: A, wijk_id: W.W2, richting: 'bandbreedte', ondergrens: 3, bovengrens: 5, tolerantie: 50, tolerantie_soort: 'procent' });
    // 4: A, lager_beter 6, procent 25: up to 7.5.
    org = await streef({ indicator_id: I.tel, periode: '2025-H1', organisatie_id: A, richting: 'lager_beter', waarde: 6, tolerantie: 25, tolerantie_soort: 'procent' });
    // The year 2025 for wijk W1: hoger_beter 20, absoluut 4 (a quarter:
    // 5 ± 1); and for the stand hoger_beter 5, absoluut 0. (A count adds
    // up: the gemeente's target 1 applies to no organisatie's or wijk's
    // cell, only to the gemeente's own total.)
    await streef({ indicator_id: I.tel, periode: '2025', wijk_id: W.W1, richting: 'hoger_beter', waarde: 20, tolerantie: 4 });
    await streef({ indicator_id: I.stand, periode: '2025', wijk_id: W.W1, richting: 'hoger_beter', waarde: 5, tolerantie: 0 });
  });

  test('the most specific target applies, and each status is the hand-computed one', async () => {
    const f = await waarden(S.tl, `periode=2025-H1&formatversie_id=${versie}`);
    // W1 6 against wijk target 7 − 1 = 6: op koers, exactly on the bound.
    assert.equal(f.tel.W1.waarde, 6);
    assert.equal(f.tel.W1.streefwaarde.waarde, 7);
    assert.equal(f.tel.W1.streefwaarde.tolerantie, 1);
    assert.equal(f.tel.W1.status, 'op_koers');
    // W2 2 in the band 3 − 1.5 .. 5 + 2.5: op koers.
    assert.equal(f.tel.W2.waarde, 2);
    assert.equal(f.tel.W2.streefwaarde.richting, 'bandbreedte');
    assert.deepEqual([f.tel.W2.streefwaarde.ondergrens, f.tel.W2.streefwaarde.bovengrens], [3, 5]);
    assert.equal(f.tel.W2.status, 'op_koers');
    // Total 8 against A's lager_beter 6 + 25 % = 7.5: afwijking.
    assert.equal(f.tel.totaal.waarde, 8);
    assert.equal(f.tel.totaal.streefwaarde.id, org.id);
    assert.equal(f.tel.totaal.status, 'afwijking');
    // The handmatig tekst indicator has no computed item at all.
    assert.equal(f.tekst, undefined);
  });

  test('the figures page shows each row\'s target and status, and says where there is none', async () => {
    const r = await asSession(S.tl, `/cijfers?organisatie_id=${A}&periode=2025-H1&keten_id=${keten}`);
    assert.equal(r.res.status, 200, r.text.slice(0, 300));
    const sectie = new RegExp(`<section class="wz-cijfer" id="indicator-${I.tel}"[\\s\\S]*?</section>`).exec(r.text);
    assert.ok(sectie, 'the section of the telling');
    const rij = (wijk) => {
      const m = new RegExp(`<th class="utrecht-table__header-cell" scope="row">${wijk}</th>([\\s\\S]*?)</tr>`).exec(sectie[0]);
      assert.ok(m, `a row for ${wijk}`);
      return m[1].replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').replace(/ :/g, ':').trim();
    };
    // The same cells as the API above: W1 on the bound, W2 in its band, the total off course.
    assert.match(rij(`Streefwijk W1`), /minstens 7 \(± 1\): Hoger is beter: op koers bij 7 of meer; met een tolerantie van 1 nog op koers vanaf 6\. Op koers$/);
    assert.match(rij(`Streefwijk W2`), /3 tot en met 5 \(± 50%\): .* Op koers$/);
    assert.match(rij('Totaal'), /hoogstens 6 \(± 25%\): .* Afwijking$/);
    assert.match(sectie[0], new RegExp(`href="/streefwaarden/${org.id}"`));
    // The stand has a target only for W1 in the year: A's total has none, and says so.
    const stand = new RegExp(`<section class="wz-cijfer" id="indicator-${I.stand}"[\\s\\S]*?</section>`).exec(r.text)[0];
    const totaal = /<th class="utrecht-table__header-cell" scope="row">Totaal<\/th>([\s\S]*?)<\/tr>/.exec(stand)[1];
    assert.match(totaal.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' '), /geen streefwaarde Geen streefwaarde\s*$/);
  });

  test('the list filters by indicator and periode: the four 2025-H1 targets', async () => {
    const r = await asSession(S.tl, `${SW}?indicator_id=${I.tel}&periode=2025-H1`);
    assert.equal(r.res.status, 200, r.text);
    await assertDocumented('GET', SW, r);
    assert.equal(r.json.items.length, 4);
    assert.ok(r.json.items.some((x) => x.id === gemeente.id && x.organisatie_id === null && x.wijk_id === null));
  });

  test('pro rata for a telling only: a quarter shows the year ÷ 4', async () => {
    const q = await waarden(S.tl, `periode=2025-Q1&formatversie_id=${versie}`);
    // Q1: W1 6, total 6; only the year target applies to a quarter:
    // 20 ÷ 4 = 5, tolerance 4 ÷ 4 = 1, op koers from 4.
    assert.equal(q.tel.W1.waarde, 6);
    assert.equal(q.tel.W1.streefwaarde.periode, '2025');
    assert.equal(q.tel.W1.streefwaarde.waarde, 5);
    assert.equal(q.tel.W1.streefwaarde.tolerantie, 1);
    assert.equal(q.tel.W1.streefwaarde.pro_rata, true);
    assert.equal(q.tel.W1.status, 'op_koers');     // unchanged 20 − 4 = 16 would be afwijking
    // W2 has only a half-year target, which no quarter takes, and the
    // gemeente's is no wijk's: none.
    assert.equal(q.tel.W2.waarde, 0);
    assert.equal(q.tel.W2.streefwaarde, null);
    assert.equal(q.tel.W2.status, 'geen_streefwaarde');
    // The stand is no telling: its year target 5 applies to 2025-H1 as
    // it is; W1 3 < 5: afwijking (pro rata 2.5 would be op koers).
    const h = await waarden(S.tl, `periode=2025-H1&formatversie_id=${versie}`);
    assert.equal(h.stand.W1.waarde, 3);
    assert.equal(h.stand.W1.streefwaarde.waarde, 5);
    assert.equal(h.stand.W1.streefwaarde.pro_rata, false);
    assert.equal(h.stand.W1.status, 'afwijking');
  });

  test('no target: geen_streefwaarde', async () => {
    const f = await waarden(S.tl, `periode=2024-H2&indicator_id=${I.tel}`);
    assert.equal(f.tel.totaal.streefwaarde, null);
    assert.equal(f.tel.totaal.status, 'geen_streefwaarde');
  });

  test('a withheld value has a withheld status, never one that tells the number', async () => {
    const f = await waarden(S.regisseur, `periode=2025-H1&formatversie_id=${versie}`);
    assert.equal(f.tel.W2.waarde, null);
    assert.equal(f.tel.W2.status, null);
    assert.ok(f.tel.W2.onderdrukt.includes('waarde'));
    assert.ok(f.tel.W2.onderdrukt.includes('status'));
    assert.notEqual(f.tel.W2.streefwaarde, null);   // the target itself is no secret
    assert.equal(f.stand.W1.status, null);
  });

  test('history is kept over two changes', async () => {
    let cur = await asSession(S.regisseur, `${SW}/${org.id}`);
    assert.equal(cur.res.status, 200);
    await assertDocumented('GET', SWID, cur);
    const eerste = await put(S.regisseur, `${SW}/${org.id}`, { richting: 'lager_beter', waarde: 8, reden: 'Bijgesteld na de nulmeting.' },
      { 'if-match': cur.res.headers.get('etag') });
    assert.equal(eerste.res.status, 200, eerste.text);
    await assertDocumented('PUT', SWID, eerste);
    // Total 8 against lager_beter 8 without tolerance: op koers, on the bound.
    let f = await waarden(S.tl, `periode=2025-H1&formatversie_id=${versie}`);
    assert.equal(f.tel.totaal.status, 'op_koers');
    // A stale If-Match: 412; none: 428.
    const stale = await put(S.regisseur, `${SW}/${org.id}`, { richting: 'lager_beter', waarde: 1, reden: 'Te laat.' }, { 'if-match': '1' });
    assert.equal(stale.res.status, 412, stale.text);
    const geen = await put(S.regisseur, `${SW}/${org.id}`, { richting: 'lager_beter', waarde: 1, reden: 'Zonder.' });
    assert.equal(geen.res.status, 428, geen.text);
    const tweede = await put(S.regisseur, `${SW}/${org.id}`, { richting: 'bandbreedte', ondergrens: '8.5', bovengrens: 10, reden: 'Een bandbreedte is eerlijker.' },
      { 'if-match': String(eerste.json.versie) });
    assert.equal(tweede.res.status, 200, tweede.text);
    f = await waarden(S.tl, `periode=2025-H1&formatversie_id=${versie}`);
    assert.equal(f.tel.totaal.status, 'afwijking');   // 8 < 8.5
    cur = await asSession(S.tl, `${SW}/${org.id}`);
    assert.equal(cur.res.status, 200);
    const h = cur.json.historie;
    assert.deepEqual(h.map((x) => x.versie), [1, 2, 3]);
    assert.deepEqual(h.map((x) => x.richting), ['lager_beter', 'lager_beter', 'bandbreedte']);
    assert.deepEqual(h.map((x) => x.waarde), [6, 8, null]);
    assert.equal(h[0].tolerantie, 25);
    assert.equal(h[2].ondergrens, 8.5);
    assert.deepEqual(h.map((x) => x.reden), ['Afspraak in het contractgesprek.', 'Bijgesteld na de nulmeting.', 'Een bandbreedte is eerlijker.']);
    assert.equal(cur.json.versie, 3);
    const rows = await sql(`SELECT COUNT(*) FROM streefwaarde_historie WHERE streefwaarde_id = ${org.id}`);
    assert.equal(rows[0][0], '3');
  });
});

describe('bad input: Dutch field errors, nothing written', () => {
  const fout = async (body, veld) => {
    const voor = await aantal('1 = 1');
    const r = await post(S.regisseur, SW, body);
    assert.equal(r.res.status, 422, r.text);
    await assertDocumented('POST', SW, r);
    const e = r.json.errors.find((x) => x.veld === veld || x.field === veld || x.name === veld || x.pointer === veld || JSON.stringify(x).includes(`"${veld}"`));
    assert.ok(e, `${veld} in ${r.text}`);
    assert.equal(await aantal('1 = 1'), voor);
  };
  test('a quarter as periode', () => fout({ indicator_id: I.tel, periode: '2025-Q3', richting: 'hoger_beter', waarde: 1, reden: 'x' }, 'periode'));
  test('a tekst indicator', () => fout({ indicator_id: I.tekst, periode: '2025-H2', richting: 'hoger_beter', waarde: 1, reden: 'x' }, 'indicator_id'));
  test('ondergrens above bovengrens', () => fout({ indicator_id: I.tel, periode: '2025-H2', richting: 'bandbreedte', ondergrens: 5, bovengrens: 3, reden: 'x' }, 'ondergrens'));
  test('no reden', () => fout({ indicator_id: I.tel, periode: '2025-H2', richting: 'hoger_beter', waarde: 1 }, 'reden'));
  test('a negative tolerance and an unknown richting', () => fout({ indicator_id: I.tel, periode: '2025-H2', richting: 'omhoog', waarde: 1, tolerantie: -1, reden: 'x' }, 'richting'));
  test('an organisatie that is no wijkteamorganisatie', async () => {
    const ketenpartner = (await sql("SELECT id FROM organisatie WHERE soort = 'ketenpartner' LIMIT 1"))[0][0];
    await fout({ indicator_id: I.tel, periode: '2025-H2', organisatie_id: Number(ketenpartner), richting: 'hoger_beter', waarde: 1, reden: 'x' }, 'organisatie_id');
  });
  test('the same indicator, periode and scope twice', () => fout({ indicator_id: I.tel, periode: '2025-H1', richting: 'hoger_beter', waarde: 1, reden: 'x' }, 'periode'));
});

describe('who may', () => {
  test('a regisseur of another keten may not set a target (403), nothing written', async () => {
    const voor = await aantal(`indicator_id = ${I.tel}`);
    const r = await post(S.regisseurWmo, SW, { indicator_id: I.tel, periode: '2025-H2', richting: 'hoger_beter', waarde: 1, reden: 'x' });
    assert.equal(r.res.status, 403, r.text);
    await assertDocumented('POST', SW, r);
    assert.equal(await aantal(`indicator_id = ${I.tel}`), voor);
  });
  test('a teamleider reads but does not write', async () => {
    const l = await asSession(S.tl, `${SW}?keten_id=${keten}`);
    assert.equal(l.res.status, 200, l.text);
    const r = await post(S.tl, SW, { indicator_id: I.tel, periode: '2025-H2', richting: 'hoger_beter', waarde: 1, reden: 'x' });
    assert.equal(r.res.status, 403, r.text);
  });
  test('a ketenpartner gets 403', async () => {
    const r = await asSession(S.werkom, SW);
    assert.equal(r.res.status, 403, r.text);
    await assertDocumented('GET', SW, r);
  });
  test('the Idempotency-Key replays a create', async () => {
    const key = `sw-${RUN}`;
    const body = { indicator_id: I.stand, periode: '2025-H2', richting: 'lager_beter', waarde: 2, reden: 'Eenmaal.' };
    const a = await post(S.regisseur, SW, body, { 'idempotency-key': key });
    const b = await post(S.regisseur, SW, body, { 'idempotency-key': key });
    assert.equal(a.res.status, 201, a.text);
    assert.equal(b.res.status, 201, b.text);
    assert.equal(a.json.id, b.json.id);
    assert.match(a.res.headers.get('location'), new RegExp(`/api/v1/streefwaarden/${a.json.id}$`));
  });
});

describe('a formatversie', () => {
  test('a concept is invisible to a teamleider (404), visible to the regisseur', async () => {
    const r = await asSession(S.tl, `${WAARDEN}?organisatie_id=${A}&periode=2025-H2&formatversie_id=${concept}`);
    assert.equal(r.res.status, 404, r.text);
    await assertDocumented('GET', WAARDEN, r);
    const g = await asSession(S.regisseur, `${WAARDEN}?organisatie_id=${A}&periode=2025-H2&formatversie_id=${concept}`);
    assert.equal(g.res.status, 200, g.text);
  });
  test('a version that does not exist: 404', async () => {
    const r = await asSession(S.tl, `${WAARDEN}?organisatie_id=${A}&periode=2025-H1&formatversie_id=999999999`);
    assert.equal(r.res.status, 404, r.text);
  });
  test('a periode before its first: 422 periode', async () => {
    const r = await asSession(S.tl, `${WAARDEN}?organisatie_id=${A}&periode=2024-H2&formatversie_id=${versie}`);
    assert.equal(r.res.status, 422, r.text);
    await assertDocumented('GET', WAARDEN, r);
    assert.ok(JSON.stringify(r.json.errors).includes('periode'));
  });
});

describe('DHIS2 dataValueSet', () => {
  const vind = (d, el, wijk) => d.dataValues.find((x) => x.dataElement === el && x.orgUnit === wijk && x.categoryOptionCombo === 'default');
  test('the organisatie\'s teamleider gets every value, periods and codes in DHIS2 form', async () => {
    const d = await waarden(S.tl, `periode=2025-H1&formatversie_id=${versie}&formaat=dhis2`);
    assert.equal(d.onderdrukt, 0);
    for (const x of d.dataValues) {
      assert.equal(x.period, '2025S1');
      assert.equal(x.attributeOptionCombo, C.A);
      assert.ok([C.W1, C.W2].includes(x.orgUnit), x.orgUnit);
    }
    assert.equal(vind(d, C.tel, C.W1).value, '6');
    assert.equal(vind(d, C.tel, C.W2).value, '2');
    assert.equal(vind(d, C.stand, C.W1).value, '3');
    assert.equal(vind(d, C.stand, C.W2).value, '0');
    assert.equal(d.dataValues.length, 4);
    const q = await waarden(S.tl, `periode=2025-Q1&formatversie_id=${versie}&formaat=dhis2`);
    assert.ok(q.dataValues.every((x) => x.period === '2025Q1'));
    const j = await waarden(S.tl, `periode=2025&formatversie_id=${versie}&formaat=dhis2`);
    assert.ok(j.dataValues.every((x) => x.period === '2025'));
    assert.equal(vind(j, C.tel, C.W1).value, '6');
  });
  test('a regisseur\'s export leaves the withheld values out and counts them', async () => {
    const d = await waarden(S.regisseur, `periode=2025-H1&formatversie_id=${versie}&formaat=dhis2`);
    assert.equal(vind(d, C.tel, C.W2), undefined);
    assert.equal(vind(d, C.stand, C.W1), undefined);
    assert.ok(d.onderdrukt >= 2, String(d.onderdrukt));
    for (const x of d.dataValues) assert.match(x.value, /^[0-9]+$/);
  });
  test('a wrong formaat: 422', async () => {
    const r = await asSession(S.tl, `${WAARDEN}?organisatie_id=${A}&periode=2025-H1&formatversie_id=${versie}&formaat=csv`);
    assert.equal(r.res.status, 422, r.text);
  });
});
