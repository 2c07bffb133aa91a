// format_analyse.test.mjs — comparing two versions of a format and the
// coverage and burden of one (issue 11), through the JSON API.
//
// The format, its two versions and the target are made through the API as
// a regisseur would; the indicators and eisen with SQL, because the test
// needs states the API rightly refuses to make today (an indicator
// without a doel, eisen that ended in 2023). The versions:
//
//   v1 (gepubliceerd, 2022-H1)          v2 (concept, 2023-H1)
//   Instroom: A (ind a, nummer 1)       Instroom: A2 (ind a, nummer 2:
//             B (ind b, handmatig)                other definitie, regel)
//             "Wat ging goed?"                    "Wat ging goed?"
//   Overig:   C (ind c, ketenpartner)   Overig:   C
//             "Wat kan beter?"                    B (moved here)
//                                                 eis E5 (added)
//
// Every response is checked against the served OpenAPI document. What this
// run inserts stays (its codes are its own); its eisen are valid only from
// 2020 to mid-2023, so nothing that asks about today sees them.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql } from './lib.mjs';
import { assertDocumented, openapiDoc } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
const S = {};
const id = {};

async function one(q) {
  const rows = await sql(q);
  assert.equal(rows.length, 1, `one row expected from: ${q}`);
  return Number(rows[0][0]);
}

const q = (s) => `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;

const REGEL_A1 = { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst'] };
const REGEL_A2 = { soort: 'telling', tel: 'trajecten', type: 'startgesprek', uitsplitsing: ['uitkomst'] };

async function indicator(code, nummer, { vorige = null, bron = 'berekend', partij = null, regel = null,
  definitie = `Wat ${code} telt.`, doel = 'Sturen op instroom.' } = {}) {
  await sql(`INSERT INTO indicator (code, nummer, vorige_id, actief, naam, definitie, doel, eenheid,
    keten_id, bron, aanleverende_partij, regel, in_gebruik) VALUES (${q(code)}, ${nummer},
    ${vorige ?? 'NULL'}, 1, ${q(`Naam ${code}`)}, ${q(definitie)}, ${q(doel)}, 'aantal', ${id.part},
    ${q(bron)}, ${partij ? q(partij) : 'NULL'}, ${regel ? q(JSON.stringify(regel)) : 'NULL'}, 1)`);
  return one(`SELECT id FROM indicator WHERE code = ${q(code)} AND nummer = ${nummer}`);
}

async function eis(opdracht, code, van, tot) {
  await sql(`INSERT INTO eis (opdracht_id, code, omschrijving, bron, geldig_van, geldig_tot)
    VALUES (${opdracht}, ${q(code)}, ${q(`Eis ${code}.`)}, 'uvo', ${q(van)}, ${tot ? q(tot) : 'NULL'})`);
  return one(`SELECT id FROM eis WHERE opdracht_id = ${opdracht} AND code = ${q(code)}`);
}

/** POST p as the participatie regisseur; checked 201 (or status). */
async function maak(p, json, status = 201) {
  const r = await asSession(S['regisseur.participatie'], p, { method: 'POST', json });
  assert.equal(r.res.status, status, `${p}: ${r.text}`);
  return r.json;
}

before(async () => {
  for (const u of ['beheerder', 'regisseur.participatie', 'regisseur.wmo', 'teamleider.dock',
    'medewerker.dock', 'contractmanager', 'ketenpartner.werkom']) {
    S[u] = await login(u);
  }
  await openapiDoc();
  id.part = await one("SELECT id FROM keten WHERE code = 'PART'");
  id.breed = await one("SELECT id FROM opdracht WHERE code = 'BREED'");
  id.aanv = await one("SELECT id FROM opdracht WHERE code = 'AANV-PART'");
  id.pilot = await one("SELECT id FROM opdracht WHERE code = 'PILOT-IB'");

  // Eisen valid on 2023-01-01 only (2020 .. mid 2023), so that nothing
  // asking about today sees them; E3 ended before, E4 is another keten's.
  id.e1 = await eis(id.aanv, `T${RUN}-1`, '2020-01-01', '2023-06-30');
  id.e2 = await eis(id.breed, `T${RUN}-2`, '2020-01-01', '2023-06-30');
  id.e3 = await eis(id.aanv, `T${RUN}-3`, '2020-01-01', '2022-12-31');
  id.e4 = await eis(id.pilot, `T${RUN}-4`, '2020-01-01', '2023-06-30');
  id.e5 = await eis(id.aanv, `T${RUN}-5`, '2020-01-01', '2023-06-30');

  const a = `t${RUN}_a`, b = `t${RUN}_b`, c = `t${RUN}_c`;
  id.a1 = await indicator(a, 1, { regel: REGEL_A1 });
  id.b = await indicator(b, 1, { bron: 'handmatig', doel: '' });
  id.c = await indicator(c, 1, { bron: 'ketenpartner', partij: 'werkom' });

  id.format = (await maak('/api/v1/formats', { code: `t${RUN}`, naam: 'Testformat', omschrijving: 'Test', keten_id: id.part })).id;
  const F = `/api/v1/formats/${id.format}/versies`;
  const i = (iid, extra = {}) => ({ soort: 'indicator', indicator_id: iid, ...extra });
  const vraag = (t) => ({ soort: 'vraag', vraag: t });
  await maak(F, { eerste_periode: '2022-H1', toelichting: 'Test', secties: [
    { titel: 'Instroom', items: [i(id.a1), i(id.b), vraag('Wat ging goed?')] },
    { titel: 'Overig', items: [i(id.c), vraag('Wat kan beter?')] },
  ] });
  await maak(`${F}/1/publiceren`, { reden: 'Test: 2022-H1 is voorbij.' }, 200);
  // The new version of a: its definitie and rule changed (an indicator in
  // use is never changed in place).
  await sql(`UPDATE indicator SET actief = 0 WHERE id = ${id.a1}`);
  id.a2 = await indicator(a, 2, { vorige: id.a1, regel: REGEL_A2, definitie: `Wat ${a} nu telt.` });
  await sql(`INSERT INTO indicator_eis (indicator_id, eis_id) VALUES (${id.a1}, ${id.e1}), (${id.a2}, ${id.e1})`);
  // A year target holds for the half-years of that year.
  await maak('/api/v1/streefwaarden', { indicator_id: id.a2, periode: '2023', richting: 'hoger_beter', waarde: 10, reden: 'Test' });
  await maak(F, { eerste_periode: '2023-H1', toelichting: 'Test', secties: [
    { titel: 'Instroom', items: [i(id.a2, { lijn: 'vergelijkbaar', vorige_indicator_id: id.a1 }), vraag('Wat ging goed?')] },
    { titel: 'Overig', items: [i(id.c, { lijn: 'niet_vergelijkbaar' }), i(id.b, { lijn: 'vergelijkbaar', vorige_indicator_id: id.b }),
      { soort: 'eis', eis_id: id.e5 }] },
  ] });
});

const VERSCHIL = '/api/v1/formats/{id}/versies/{nummer}/verschil';
const DEKKING = '/api/v1/formats/{id}/versies/{nummer}/dekking';

async function verschil(u, nummer, met, format = id.format) {
  const p = `/api/v1/formats/${format}/versies/${nummer}/verschil${met === undefined ? '' : `?met=${met}`}`;
  const r = await asSession(S[u], p);
  await assertDocumented('GET', VERSCHIL, r);
  return r;
}

async function dekking(u, nummer, format = id.format) {
  const r = await asSession(S[u], `/api/v1/formats/${format}/versies/${nummer}/dekking`);
  await assertDocumented('GET', DEKKING, r);
  return r;
}

const ind = (iid, code, sectie, { naam = `Naam ${code}`, definitie = `Wat ${code} telt.`,
  doel = 'Sturen op instroom.', bron = 'berekend', partij = null, regel = null } = {}) => ({
  soort: 'indicator', sectie, indicator_id: iid, code, naam, definitie, doel, eenheid: 'aantal', bron,
  aanleverende_partij: partij, regel,
});

test('the diff of two versions is exact: a new indicator version, a move, an eis added, a vraag removed', async () => {
  const a = `t${RUN}_a`, b = `t${RUN}_b`, c = `t${RUN}_c`;
  const r = await verschil('regisseur.participatie', 2, 1);
  assert.equal(r.res.status, 200, r.text);
  const bItem = (sectie) => ind(id.b, b, sectie, { bron: 'handmatig', doel: '' });
  assert.deepEqual(r.json, {
    van: 1,
    naar: 2,
    toegevoegd: [{ soort: 'eis', sectie: 'Overig', eis_id: id.e5, code: `T${RUN}-5`, omschrijving: `Eis T${RUN}-5.` }],
    verwijderd: [{ soort: 'vraag', sectie: 'Overig', vraag: 'Wat kan beter?' }],
    gewijzigd: [
      {
        soort: 'indicator', code: a, velden: ['definitie', 'regel'],
        van: ind(id.a1, a, 'Instroom', { regel: REGEL_A1 }),
        naar: ind(id.a2, a, 'Instroom', { regel: REGEL_A2, definitie: `Wat ${a} nu telt.` }),
      },
      { soort: 'indicator', code: b, velden: ['sectie'], van: bItem('Instroom'), naar: bItem('Overig') },
    ],
    lijn: [
      { indicator_id: id.a2, code: a, lijn: 'vergelijkbaar', vorige_indicator_id: id.a1, vorige_code: a },
      { indicator_id: id.c, code: c, lijn: 'niet_vergelijkbaar', vorige_indicator_id: null, vorige_code: null },
      { indicator_id: id.b, code: b, lijn: 'vergelijkbaar', vorige_indicator_id: id.b, vorige_code: b },
    ],
  });
  // The order in the path does not matter: van is always the older.
  const omgekeerd = await verschil('regisseur.participatie', 1, 2);
  assert.equal(omgekeerd.res.status, 200, omgekeerd.text);
  assert.deepEqual(omgekeerd.json, r.json);
});

test('a version compared with itself has no difference, and its lineage', async () => {
  const r = await verschil('beheerder', 1, 1);
  assert.equal(r.res.status, 200, r.text);
  assert.deepEqual([r.json.toegevoegd, r.json.verwijderd, r.json.gewijzigd], [[], [], []]);
  assert.deepEqual(r.json.lijn.map((l) => [l.indicator_id, l.lijn]), [[id.a1, null], [id.b, null], [id.c, null]]);
});

test('the coverage and burden of a version match the hand count', async () => {
  const b = `t${RUN}_b`, c = `t${RUN}_c`;
  // Hand count for v2 (2023-H1, first day 2023-01-01):
  //   eisen that apply: of BREED and AANV-PART (keten PART) valid that day —
  //     this run's E1, E2, E5 (not E3: ended 2022; not E4: keten WMO), and
  //     whatever the demo has valid then (read below, written the same way);
  //   covered: E1 (served by a2), E5 (an eis item) → E2 and the demo's remain.
  //   a2: berekend, doel, eis E1, target for the year 2023 → on no list
  //   c:  ketenpartner, doel, no eis, no target → zonder eis, zonder streefwaarde
  //   b:  handmatig, empty doel, no eis, no target → on all three lists;
  //       1 cell (no uitsplitsing) → handmatig_per_wijk 1
  //   eisen to answer: 1 (E5); vragen: 1.
  const demo = (await sql(`SELECT e.id, e.code, e.omschrijving, e.bron, o.code FROM eis e
    JOIN opdracht o ON o.id = e.opdracht_id WHERE (o.soort = 'breed' OR o.keten_id = ${id.part})
    AND o.geldig_van <= '2023-01-01' AND (o.geldig_tot IS NULL OR o.geldig_tot >= '2023-01-01')
    AND e.geldig_van <= '2023-01-01' AND (e.geldig_tot IS NULL OR e.geldig_tot >= '2023-01-01')
    AND e.code NOT LIKE ${q(`T${RUN}-%`)} ORDER BY o.code, e.code, e.id`))
    .map(([eid, code, omschrijving, bron, opdracht]) => ({ eis_id: Number(eid), code, omschrijving, bron, opdracht }));
  const e2 = { eis_id: id.e2, code: `T${RUN}-2`, omschrijving: `Eis T${RUN}-2.`, bron: 'uvo', opdracht: 'BREED' };
  const r = await dekking('contractmanager', 2);
  assert.equal(r.res.status, 200, r.text);
  const eisen = r.json.eisen_zonder_indicator;
  assert.deepEqual(eisen.filter((e) => e.code.startsWith(`T${RUN}-`)), [e2]);
  assert.deepEqual(eisen.filter((e) => !e.code.startsWith(`T${RUN}-`)), demo);
  const bi = { indicator_id: id.b, code: b, naam: `Naam ${b}`, bron: 'handmatig' };
  const ci = { indicator_id: id.c, code: c, naam: `Naam ${c}`, bron: 'ketenpartner' };
  assert.deepEqual({ ...r.json, eisen_zonder_indicator: undefined }, {
    versie: 2,
    eerste_periode: '2023-H1',
    eisen_zonder_indicator: undefined,
    indicatoren_zonder_doel: [bi],
    indicatoren_zonder_eis: [ci, bi],
    indicatoren_zonder_streefwaarde: [ci, bi],
    registratielast: { berekend: 1, handmatig: 1, ketenpartner: 1, eisen: 1, vragen: 1, handmatig_per_wijk: 1 },
    // No rapportage on this version marked anything niet te leveren.
    niet_te_leveren: [],
  });
});

test('the first version: a1 has no target for 2022, the eisen of 2022-01-01', async () => {
  const r = await dekking('beheerder', 1);
  assert.equal(r.res.status, 200, r.text);
  // E1 served by a1; E2, E5 valid on 2022-01-01 and not covered; E3 too.
  assert.deepEqual(r.json.eisen_zonder_indicator.filter((e) => e.code.startsWith(`T${RUN}-`)).map((e) => e.eis_id),
    [id.e3, id.e5, id.e2]);
  assert.deepEqual(r.json.indicatoren_zonder_streefwaarde.map((i) => i.indicator_id), [id.a1, id.b, id.c]);
  assert.deepEqual(r.json.registratielast, { berekend: 1, handmatig: 1, ketenpartner: 1, eisen: 0, vragen: 2, handmatig_per_wijk: 1 });
});

test('a concept is invisible to a team and to another keten\'s regisseur; a published version is not', async () => {
  for (const u of ['teamleider.dock', 'medewerker.dock', 'regisseur.wmo']) {
    assert.equal((await verschil(u, 2, 1)).res.status, 404, `${u} verschil`);
    assert.equal((await verschil(u, 1, 2)).res.status, 404, `${u} verschil omgekeerd`);
    assert.equal((await dekking(u, 2)).res.status, 404, `${u} dekking`);
    assert.equal((await dekking(u, 1)).res.status, 200, `${u} dekking v1`);
    assert.equal((await verschil(u, 1, 1)).res.status, 200, `${u} verschil v1`);
  }
  for (const u of ['beheerder', 'contractmanager', 'regisseur.participatie']) {
    assert.equal((await dekking(u, 2)).res.status, 200, `${u} dekking`);
  }
});

test('a ketenpartner may not read formats (403)', async () => {
  assert.equal((await verschil('ketenpartner.werkom', 2, 1)).res.status, 403);
  assert.equal((await dekking('ketenpartner.werkom', 1)).res.status, 403);
});

test('a missing or bad met is 400; an unknown format or version 404', async () => {
  for (const met of [undefined, '', 'abc', '0', '-1', '1.5', '99999999999']) {
    const r = await verschil('beheerder', 2, met === undefined ? undefined : encodeURIComponent(met));
    assert.equal(r.res.status, 400, `met=${met}: ${r.text}`);
  }
  assert.equal((await verschil('beheerder', 2, 9)).res.status, 404);
  assert.equal((await verschil('beheerder', 9, 1)).res.status, 404);
  assert.equal((await dekking('beheerder', 9)).res.status, 404);
  const geen = await one('SELECT COALESCE(MAX(id), 0) + 1000 FROM format');
  assert.equal((await verschil('beheerder', 2, 1, geen)).res.status, 404);
  assert.equal((await dekking('beheerder', 1, geen)).res.status, 404);
});

test('without a session: 401', async () => {
  const r = await asSession(null, `/api/v1/formats/${id.format}/versies/1/dekking`);
  await assertDocumented('GET', DEKKING, r);
  assert.equal(r.res.status, 401);
});
