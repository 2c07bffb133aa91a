// compleetheid.test.mjs — completeness and timeliness of rapportages
// (issue 12, src/ops/compleetheid.c) against the real stack.
//
// The test builds its own keten, so no demo data reaches its format: a
// keten K with a ketenpartner indicator (Werkom), a format with version 1
// from 2024-H1 (indientermijn 30 days) and version 2 from 2025-H1 (10
// days). Four wijkteamorganisaties:
//   A runs wijkteam T1 (wijken W1, W2) until 2024-09-30 — it stops
//     mid-year: T1 goes to B;
//   B runs T1 from 2024-10-01 — it starts mid-year;
//   C runs T2 (W3) throughout;
//   D is a wijkteamorganisatie without a wijkteam: it never reports.
// So, counted by hand, the organisaties that should report:
//   2024-H1: A, C      2024-H2: A, B, C      2025-H1: B, C
// (other tests' organisaties appear too; only these four are asserted).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const API = '/api/v1/compleetheid';

let beheer;
let keten;
let fid;
let ind;
const S = {};
const O = {};
const W = {};
const V = {};            // formatversie ids by nummer

const post = (s, p, json, headers = {}) => asSession(s, p, { method: 'POST', json, headers });
const put = (s, p, json, headers = {}) => asSession(s, p, { method: 'PUT', json, headers });
const code = (k) => `${k}-${RUN}`.toUpperCase().slice(0, 32);

async function lees(s, periode, status = 200, k = keten) {
  const r = await asSession(s, `${API}?keten_id=${k}&periode=${periode}`);
  await assertDocumented('GET', API, r);
  assert.equal(r.res.status, status, r.text);
  return r.json;
}

/** The rows of the test's format for the four organisaties, by letter. */
function rijen(c) {
  const f = c.formats.find((x) => x.format_id === fid);
  assert.ok(f, 'the format of the keten is listed');
  const letter = Object.fromEntries(Object.entries(O).map(([k, v]) => [v, k]));
  const out = {};
  for (const r of f.organisaties) if (letter[r.organisatie_id]) out[letter[r.organisatie_id]] = r;
  return { f, rij: out };
}

before(async () => {
  beheer = await login('beheerder');
  keten = (await created(beheer, '/api/v1/ketens', {
    code: code('KCT'), naam: `Compleetheidketen ${RUN}`, opgave: 'Gezondheid', geldig_van: '2020-01-01',
  })).id;
  for (const k of ['A', 'B', 'C', 'D']) {
    O[k] = (await created(beheer, '/api/v1/organisaties', {
      code: code(`CMP${k}`), naam: `Compleetheid ${k} ${RUN}`, soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
    })).id;
  }
  for (const k of ['W1', 'W2', 'W3']) {
    W[k] = (await created(beheer, '/api/v1/wijken', {
      code: code(`CM${k}`), naam: `Compleetheidwijk ${k}`, geldig_van: '2020-01-01',
    })).id;
  }
  const t1 = await created(beheer, '/api/v1/wijkteams', {
    code: code('CMT1'), naam: 'Compleetheidteam een', geldig_van: '2020-01-01', organisatie_id: O.A, wijk_ids: [W.W1, W.W2],
  });
  await created(beheer, '/api/v1/wijkteams', {
    code: code('CMT2'), naam: 'Compleetheidteam twee', geldig_van: '2020-01-01', organisatie_id: O.C, wijk_ids: [W.W3],
  });
  // T1 goes from A to B on 2024-10-01.
  const mv = await put(beheer, `/api/v1/wijkteams/${t1.id}`, {
    code: t1.code, naam: t1.naam, geldig_van: '2020-01-01', organisatie_id: O.B, wijk_ids: [W.W1, W.W2],
    wijziging_per: '2024-10-01',
  }, { 'if-match': String(t1.versie) });
  assert.equal(mv.res.status, 200, mv.text);

  S.regisseur = await newUser(beheer, `cmp.reg.${RUN}`, { rol: 'regisseur', scope_soort: 'keten', scope_id: keten });
  S.tlA = await newUser(beheer, `cmp.tla.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.A });
  S.tlB = await newUser(beheer, `cmp.tlb.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.B });
  S.tlC = await newUser(beheer, `cmp.tlc.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.C });
  S.mwA = await newUser(beheer, `cmp.mwa.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: O.A });
  S.regisseurWmo = await login('regisseur.wmo');
  S.contract = await login('contractmanager');
  S.auditor = await login('auditor');
  S.werkom = await login('ketenpartner.werkom');

  ind = (await created(beheer, '/api/v1/indicatoren', {
    code: `cmp_werkom_${RUN}`, naam: 'Compleetheid: uitstroom via Werkom', definitie: 'Test.', doel: 'Testen.',
    keten_id: keten, bron: 'ketenpartner', aanleverende_partij: 'werkom', eenheid: 'aantal',
  })).id;
  fid = (await created(S.regisseur, '/api/v1/formats', {
    code: `cmp_${RUN}`, naam: `Compleetheidformat ${RUN}`, omschrijving: 'Voor de test.', keten_id: keten,
  })).id;
  const v1 = await created(S.regisseur, `/api/v1/formats/${fid}/versies`, {
    eerste_periode: '2024-H1', indientermijn_dagen: 30,
    secties: [{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: ind }] }],
  });
  V[1] = v1.id;
  let p = await post(S.regisseur, `/api/v1/formats/${fid}/versies/1/publiceren`, { reden: 'Afgesproken in het ketenoverleg.' });
  assert.equal(p.res.status, 200, p.text);
  const v2 = await created(S.regisseur, `/api/v1/formats/${fid}/versies`, {
    eerste_periode: '2025-H1', indientermijn_dagen: 10,
    secties: [{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: ind, lijn: 'vergelijkbaar', vorige_indicator_id: ind }] }],
  });
  V[2] = v2.id;
  p = await post(S.regisseur, `/api/v1/formats/${fid}/versies/2/publiceren`, { reden: 'Kortere termijn afgesproken.' });
  assert.equal(p.res.status, 200, p.text);
});

test('who should report follows wijkteam_organisatie: one organisatie stopped and one started mid-year', async () => {
  const verwacht = { '2024-H1': ['A', 'C'], '2024-H2': ['A', 'B', 'C'], '2025-H1': ['B', 'C'] };
  for (const [periode, orgs] of Object.entries(verwacht)) {
    const c = await lees(S.regisseur, periode);
    assert.equal(c.keten_id, keten);
    assert.equal(c.periode, periode);
    assert.equal(c.alle_organisaties, true);
    const { rij } = rijen(c);
    assert.deepEqual(Object.keys(rij).sort(), orgs, periode);
  }
  // Before the format's first version no format applies.
  assert.deepEqual((await lees(S.regisseur, '2023-H2')).formats.filter((f) => f.format_id === fid), []);
});

test('the formatversie that applies to the periode, with its deadline', async () => {
  let { f } = rijen(await lees(S.regisseur, '2024-H2'));
  assert.equal(f.formatversie_id, V[1]);
  assert.equal(f.versie_nummer, 1);
  assert.equal(f.indientermijn_dagen, 30);
  assert.equal(f.termijn, '2025-01-30');
  assert.equal(f.termijn_verstreken, true);
  ({ f } = rijen(await lees(S.regisseur, '2025-H1')));
  assert.equal(f.formatversie_id, V[2]);
  assert.equal(f.termijn, '2025-07-10');
  ({ f } = rijen(await lees(S.regisseur, '2027-H1')));
  assert.equal(f.formatversie_id, V[2]);
  assert.equal(f.termijn, '2027-07-10');
  assert.equal(f.termijn_verstreken, false);
});

test('submitted on time, submitted late, not started; vastgesteld; missing ketenpartner values per partij', async () => {
  // A: ingediend now — long after 2025-01-30, so late.
  const ra = await created(S.tlA, '/api/v1/rapportages', { formatversie_id: V[1], periode: '2024-H2', organisatie_id: O.A });
  let r = await post(S.tlA, `/api/v1/rapportages/${ra.id}/indienen`, {}, { 'if-match': `"${ra.versie}"` });
  assert.equal(r.res.status, 200, r.text);
  // C: ingediend, dated back to within the term, then vastgesteld.
  const rc = await created(S.tlC, '/api/v1/rapportages', { formatversie_id: V[1], periode: '2024-H2', organisatie_id: O.C });
  r = await post(S.tlC, `/api/v1/rapportages/${rc.id}/indienen`, {}, { 'if-match': `"${rc.versie}"` });
  assert.equal(r.res.status, 200, r.text);
  await sql(`UPDATE rapportage SET ingediend_op = '2025-01-30 16:00:00' WHERE id = ${rc.id}`);
  r = await post(S.regisseur, `/api/v1/rapportages/${rc.id}/vaststellen`, {
    terugkoppeling: 'Dank; we nemen de cijfers mee in het resultaatgesprek.', beoordelingen: [],
  }, { 'if-match': r.res.headers.get('etag') });
  assert.equal(r.res.status, 200, r.text);
  // One of A's three cells (W1, W2, total) delivered by Werkom.
  const door = (await sql("SELECT id FROM gebruiker WHERE gebruikersnaam = 'ketenpartner.werkom'"))[0][0];
  await sql(`INSERT INTO ketenpartner_waarde (indicator_id, periode, organisatie_id, wijk_id, waarde, gewijzigd_door)
    VALUES (${ind}, '2024-H2', ${O.A}, ${W.W1}, 3, ${door})`);

  const { f, rij } = rijen(await lees(S.regisseur, '2024-H2'));
  assert.equal(rij.A.rapportage_id, ra.id);
  assert.equal(rij.A.status, 'ingediend');
  assert.equal(rij.A.ingediend, true);
  assert.ok(rij.A.ingediend_op);
  assert.equal(rij.A.tijdigheid, 'te_laat');
  assert.equal(rij.A.vastgesteld_op, null);
  assert.equal(rij.C.rapportage_id, rc.id);
  assert.equal(rij.C.status, 'vastgesteld');
  assert.equal(rij.C.ingediend_op, '2025-01-30T16:00:00Z');
  assert.equal(rij.C.tijdigheid, 'op_tijd', 'the last day of the term is on time');
  assert.ok(rij.C.vastgesteld_op);
  assert.equal(rij.B.rapportage_id, null);
  assert.equal(rij.B.status, null);
  assert.equal(rij.B.ingediend, false);
  assert.equal(rij.B.tijdigheid, 'te_laat', 'not submitted after the term is late');
  assert.deepEqual(rij.A.ketenpartnerwaarden, [{ aanleverende_partij: 'werkom', verwacht: 3, ontbreekt: 2 }]);
  assert.equal(rij.A.ketenpartnerwaarden_ontbreken, 2);
  assert.deepEqual(rij.B.ketenpartnerwaarden, [{ aanleverende_partij: 'werkom', verwacht: 3, ontbreekt: 3 }]);
  assert.deepEqual(rij.C.ketenpartnerwaarden, [{ aanleverende_partij: 'werkom', verwacht: 2, ontbreekt: 2 }]);
  // Totals count every organisatie of the periode (also other tests'): at least ours.
  assert.ok(f.totalen.op_tijd >= 1 && f.totalen.te_laat >= 2 && f.totalen.vastgesteld >= 1);
  assert.equal(f.totalen.organisaties, f.organisaties.length);

  // 2024-H2 submitted after the day after the term: late by one day.
  await sql(`UPDATE rapportage SET ingediend_op = '2025-01-31 00:00:01' WHERE id = ${rc.id}`);
  assert.equal(rijen(await lees(S.regisseur, '2024-H2')).rij.C.tijdigheid, 'te_laat');
  await sql(`UPDATE rapportage SET ingediend_op = '2025-01-15 09:00:00' WHERE id = ${rc.id}`);

  // A future periode: the term is still running.
  const toekomst = rijen(await lees(S.regisseur, '2027-H1')).rij;
  assert.equal(toekomst.B.tijdigheid, 'open');
  assert.equal(toekomst.C.tijdigheid, 'open');
});

test('who sees what: regisseur of the keten, contractmanager and auditor all; a teamleider only their own row', async () => {
  for (const s of [S.contract, S.auditor]) {
    const c = await lees(s, '2024-H2');
    assert.equal(c.alle_organisaties, true);
    assert.deepEqual(Object.keys(rijen(c).rij).sort(), ['A', 'B', 'C']);
  }
  const eigen = await lees(S.tlA, '2024-H2');
  assert.equal(eigen.alle_organisaties, false);
  const { f, rij } = rijen(eigen);
  assert.deepEqual(f.organisaties.map((o) => o.organisatie_id), [O.A]);
  assert.equal(rij.A.tijdigheid, 'te_laat');
  // At the start of a periode: which format applies and its deadline, even
  // without a row (A no longer runs a wijkteam in 2025-H1).
  const later = rijen(await lees(S.tlA, '2025-H1'));
  assert.equal(later.f.termijn, '2025-07-10');
  assert.deepEqual(later.f.organisaties, []);
  assert.deepEqual(rijen(await lees(S.tlB, '2027-H1')).f.organisaties.map((o) => o.organisatie_id), [O.B]);

  await lees(S.regisseurWmo, '2024-H2', 403);
  await lees(S.mwA, '2024-H2', 403);
  await lees(S.werkom, '2024-H2', 403);
  await lees(beheer, '2024-H2', 403);
  await lees(null, '2024-H2', 401);
});

test('keten and periode are required and checked', async () => {
  for (const q of [`periode=2024-H2`, `keten_id=${keten}`, `keten_id=${keten}&periode=2024-H9`, `keten_id=x&periode=2024-H2`]) {
    const r = await asSession(S.regisseur, `${API}?${q}`);
    assert.equal(r.res.status, 400, `${q}: ${r.text}`);
    assert.match(r.res.headers.get('content-type'), /problem\+json/);
  }
  await lees(S.contract, '2024-H2', 404, 999999999);
});

test('the page: a table per format, Dutch labels, the teamleider\'s own row, a menu item for the regisseur', async () => {
  let r = await asSession(S.regisseur, `/compleetheid?keten_id=${keten}&periode=2024-H2`);
  assert.equal(r.res.status, 200, r.text);
  assert.match(r.res.headers.get('content-type'), /text\/html/);
  for (const k of ['A', 'B', 'C']) assert.ok(r.text.includes(`Compleetheid ${k} ${RUN}`), k);
  assert.ok(!r.text.includes(`Compleetheid D ${RUN}`));
  assert.match(r.text, /Op tijd/);
  assert.match(r.text, /Te laat/);
  assert.match(r.text, /Niet gestart/);
  assert.match(r.text, /Vastgesteld/);
  assert.match(r.text, /2 van 3 ontbreken — aan te leveren door Werkom/);
  assert.match(r.text, /Indienen uiterlijk <time datetime="2025-01-30">/);
  assert.match(r.text, /href="\/compleetheid"/, 'the menu item');
  r = await asSession(S.tlA, `/compleetheid?keten_id=${keten}&periode=2024-H2`);
  assert.equal(r.res.status, 200);
  assert.ok(r.text.includes(`Compleetheid A ${RUN}`));
  assert.ok(!r.text.includes(`Compleetheid B ${RUN}`));
  assert.doesNotMatch(r.text, /href="\/compleetheid"/, 'no menu item for a teamleider');
  // Without a choice: the form only; a bad choice: 400 with the form.
  r = await asSession(S.regisseur, '/compleetheid');
  assert.equal(r.res.status, 200);
  assert.match(r.text, /<select[^>]*name="keten_id"/);
  r = await asSession(S.regisseur, `/compleetheid?keten_id=${keten}&periode=nooit`);
  assert.equal(r.res.status, 400);
  assert.match(r.text, /Vul een periode in/);
  assert.equal((await asSession(S.regisseurWmo, `/compleetheid?keten_id=${keten}&periode=2024-H2`)).res.status, 403);
  assert.equal((await asSession(S.mwA, '/compleetheid')).res.status, 403);
});
