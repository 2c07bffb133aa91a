// formats.test.mjs — rapportage formats in versions (issue 11) against the
// real stack, through the JSON API only: a format made by the regisseur,
// a first version published mid-period (reason required and shown), a
// second version with lineage put out for consultation to one
// organisatie, commented on by its teamleider and answered by the
// regisseur, taken back and published; a published version never
// changes; concepts are invisible to teamleider and medewerker; bad input
// is refused per field with nothing half-saved; If-Match is required and
// checked. Every response is checked against the served OpenAPI document.
//
// The world of this file: keten PART with three indicators of its own
// (i1, i2, i3) and one of keten WMO (iw); an eis E of opdracht AANV-PART;
// wijkteamorganisaties A and B (consulted) and N (not), each with a
// teamleider.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const FS = '/api/v1/formats';
const F = '/api/v1/formats/{id}';
const VS = '/api/v1/formats/{id}/versies';
const V = '/api/v1/formats/{id}/versies/{nummer}';
const RS = '/api/v1/formats/{id}/versies/{nummer}/reacties';
const R = '/api/v1/formats/{id}/versies/{nummer}/reacties/{rid}';

let beheer;
const S = {};
const I = {};
let eis;
let keten;
let ketenWmo;
let A;
let B;
let N;
let fid;                 // the format of this file

const maak = created;
const gebruiker = (naam, grant) => newUser(beheer, naam, grant);

/** The response of s on method path, checked against the document as template t. */
async function call(s, method, p, t, json, headers = {}) {
  const r = await asSession(s, p, { method, json, headers });
  await assertDocumented(method, t, r);
  return r;
}

const vpad = (n) => `${FS}/${fid}/versies/${n}`;
const aantal = async (q) => Number((await sql(q))[0][0]);
const versiesVan = () => aantal(`SELECT COUNT(*) FROM formatversie WHERE format_id = ${fid}`);
const itemsVan = () => aantal(`SELECT COUNT(*) FROM formatversie_item i JOIN formatversie v ON v.id = i.formatversie_id WHERE v.format_id = ${fid}`);
const fieldNames = (r) => (r.json.errors || []).map((e) => e.field || e.veld || e.name).sort();

// The content of version 1: the three indicators and the eis and a vraag.
const inhoud1 = () => [
  { titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: I.i1 }, { soort: 'indicator', indicator_id: I.i2 }] },
  { titel: 'Eisen en vragen', items: [{ soort: 'eis', eis_id: eis }, { soort: 'vraag', vraag: 'Wat ging er goed?' }] },
];
// Version 2: i3 continues i1 comparably; i2 stays but breaks the line.
const inhoud2 = () => [
  { titel: 'Cijfers', items: [
    { soort: 'indicator', indicator_id: I.i3, lijn: 'vergelijkbaar', vorige_indicator_id: I.i1 },
    { soort: 'indicator', indicator_id: I.i2, lijn: 'niet_vergelijkbaar' },
  ] },
  { titel: 'Eisen', items: [{ soort: 'eis', eis_id: eis }] },
];

before(async () => {
  beheer = await login('beheerder');
  keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  ketenWmo = Number((await sql("SELECT id FROM keten WHERE code = 'WMO'"))[0][0]);
  const opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);
  const org = async (k) => (await maak(beheer, '/api/v1/organisaties', {
    code: `FMT${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Formattest ${k} ${RUN}`,
    soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
  })).id;
  A = await org('A');
  B = await org('B');
  N = await org('N');
  S.tlA = await gebruiker(`fmt.tla.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: A });
  S.tlB = await gebruiker(`fmt.tlb.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: B });
  S.tlN = await gebruiker(`fmt.tln.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: N });
  S.mwA = await gebruiker(`fmt.mwa.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: A });
  S.regisseur = await login('regisseur.participatie');
  S.regisseurWmo = await login('regisseur.wmo');
  S.contract = await login('contractmanager');
  S.auditor = await login('auditor');
  S.werkom = await login('ketenpartner.werkom');

  const ind = async (code, k = keten) => (await maak(beheer, '/api/v1/indicatoren', {
    code: `${code}_${RUN}`, naam: `Formattest ${code}`, definitie: `Test: ${code}.`, doel: 'Testen.',
    keten_id: k, bron: 'handmatig', eenheid: 'aantal',
  })).id;
  I.i1 = await ind('fmt_een');
  I.i2 = await ind('fmt_twee');
  I.i3 = await ind('fmt_drie');
  I.iw = await ind('fmt_wmo', ketenWmo);
  eis = (await maak(beheer, '/api/v1/eisen', {
    opdracht_id: opdracht, code: `FT-${RUN}`.toUpperCase().slice(0, 32), omschrijving: 'Een testeis.',
    bron: 'pve', geldig_van: '2020-01-01',
  })).id;
});

test('the regisseur makes a format of a keten; another keten\'s regisseur and a ketenpartner may not', async () => {
  const body = { code: `fmt_${RUN}`, naam: 'Formattest', omschrijving: 'Voor de test.', keten_id: keten };
  const wmo = await call(S.regisseurWmo, 'POST', FS, FS, body);
  assert.equal(wmo.res.status, 403, wmo.text);
  const r = await call(S.regisseur, 'POST', FS, FS, body);
  assert.equal(r.res.status, 201, r.text);
  fid = r.json.id;
  assert.equal(r.res.headers.get('location'), `${FS}/${fid}`);
  assert.equal(r.json.code, body.code);
  assert.equal(r.json.keten_id, keten);
  const again = await call(S.regisseur, 'POST', FS, FS, body);
  assert.equal(again.res.status, 422, again.text);
  assert.deepEqual(fieldNames(again), ['code']);
  const slecht = await call(S.regisseur, 'POST', FS, FS, { code: 'Geen Code!', naam: '', keten_id: 'x' });
  assert.equal(slecht.res.status, 422, slecht.text);
  assert.deepEqual(fieldNames(slecht), ['code', 'keten_id', 'naam']);
  assert.equal(await aantal(`SELECT COUNT(*) FROM format WHERE code LIKE 'fmt\\_${RUN}%'`), 1);
  const ketenpartner = await call(S.werkom, 'GET', FS, FS);
  assert.equal(ketenpartner.res.status, 403);
  const lijst = await call(S.tlA, 'GET', `${FS}?keten_id=${keten}`, FS);
  assert.equal(lijst.res.status, 200, lijst.text);
  assert.ok(lijst.json.items.some((f) => f.id === fid));
  assert.ok(lijst.json.items.every((f) => f.keten_id === keten));
  const audit = await aantal(`SELECT COUNT(*) FROM audit WHERE object_soort = 'format' AND object_id = ${fid} AND actie = 'aanmaken' AND resultaat = 'gelukt'`);
  assert.equal(audit, 1);
});

test('a format\'s name changes with If-Match: 428 without, 412 when stale', async () => {
  const r = await call(S.regisseur, 'GET', `${FS}/${fid}`, F);
  assert.equal(r.res.status, 200);
  const etag = r.res.headers.get('etag');
  assert.ok(etag);
  const zonder = await call(S.regisseur, 'PUT', `${FS}/${fid}`, F, { naam: 'Nieuw' });
  assert.equal(zonder.res.status, 428, zonder.text);
  const ok = await call(S.regisseur, 'PUT', `${FS}/${fid}`, F, { naam: 'Formattest participatie', omschrijving: 'Anders.' }, { 'If-Match': etag });
  assert.equal(ok.res.status, 200, ok.text);
  assert.equal(ok.json.naam, 'Formattest participatie');
  assert.equal(ok.json.versie, r.json.versie + 1);
  const oud = await call(S.regisseur, 'PUT', `${FS}/${fid}`, F, { naam: 'Weer anders' }, { 'If-Match': etag });
  assert.equal(oud.res.status, 412, oud.text);
  assert.equal((await call(S.regisseur, 'GET', `${FS}/${fid}`, F)).json.naam, 'Formattest participatie');
});

test('a version with bad content is refused per item, and nothing of it is saved', async () => {
  const voor = [await versiesVan(), await itemsVan()];
  const r = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, {
    eerste_periode: '2020-H1', indientermijn_dagen: 30,
    secties: [{ titel: 'Cijfers', items: [
      { soort: 'indicator', indicator_id: I.i1 },
      { soort: 'grafiek' },
      { soort: 'indicator', indicator_id: I.i1 },
      { soort: 'eis' },
    ] }],
  });
  assert.equal(r.res.status, 422, r.text);
  assert.deepEqual(fieldNames(r), ['secties[0].items[1].soort', 'secties[0].items[2].indicator_id', 'secties[0].items[3].eis_id']);
  const leeg = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, { eerste_periode: '2020-H7', secties: [] });
  assert.equal(leeg.res.status, 422, leeg.text);
  assert.ok(fieldNames(leeg).includes('eerste_periode'));
  assert.ok(fieldNames(leeg).includes('secties'));
  assert.deepEqual([await versiesVan(), await itemsVan()], voor);
});

test('version 1: a concept the teams do not see, edited, then published mid-period with its reason', async () => {
  const r = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, {
    eerste_periode: '2020-H1', indientermijn_dagen: 30, toelichting: 'Eerste versie.', secties: inhoud1(),
  });
  assert.equal(r.res.status, 201, r.text);
  assert.equal(r.res.headers.get('location'), vpad(1));
  assert.equal(r.json.nummer, 1);
  assert.equal(r.json.status, 'concept');
  assert.deepEqual(r.json.secties.map((s) => s.items.map((i) => i.soort)), [['indicator', 'indicator'], ['eis', 'vraag']]);
  assert.equal(r.json.secties[0].items[0].indicator_code, `fmt_een_${RUN}`);
  assert.equal(r.json.secties[1].items[1].vraag, 'Wat ging er goed?');

  // A second version cannot start while this one is not published.
  const tweede = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, { eerste_periode: '2031-H1', secties: inhoud2() });
  assert.equal(tweede.res.status, 409, tweede.text);

  // Concepts: 404 for teamleider, medewerker and another keten's regisseur (and absent
  // from the list), visible to contractmanager and auditor.
  for (const s of [S.tlA, S.mwA, S.regisseurWmo]) {
    const g = await call(s, 'GET', vpad(1), V);
    assert.equal(g.res.status, 404, g.text);
    const l = await call(s, 'GET', `${FS}/${fid}/versies`, VS);
    assert.equal(l.res.status, 200);
    assert.equal(l.json.items.length, 0);
  }
  for (const s of [S.contract, S.auditor]) assert.equal((await call(s, 'GET', vpad(1), V)).res.status, 200);

  // Edit the concept: If-Match required and checked.
  const etag = (await call(S.regisseur, 'GET', vpad(1), V)).res.headers.get('etag');
  const body = { eerste_periode: '2020-H1', indientermijn_dagen: 42, secties: inhoud1() };
  assert.equal((await call(S.regisseur, 'PUT', vpad(1), V, body)).res.status, 428);
  const w = await call(S.regisseur, 'PUT', vpad(1), V, body, { 'If-Match': etag });
  assert.equal(w.res.status, 200, w.text);
  assert.equal(w.json.indientermijn_dagen, 42);
  assert.equal((await call(S.regisseur, 'PUT', vpad(1), V, body, { 'If-Match': etag })).res.status, 412);
  // Another keten's regisseur does not see the concept, so cannot change it either.
  assert.equal((await call(S.regisseurWmo, 'PUT', vpad(1), V, body, { 'If-Match': w.res.headers.get('etag') })).res.status, 404);

  // 2020-H1 began long ago: publishing needs a reason.
  const zonder = await call(S.regisseur, 'POST', `${vpad(1)}/publiceren`, `${V}/publiceren`, {});
  assert.equal(zonder.res.status, 422, zonder.text);
  assert.deepEqual(fieldNames(zonder), ['reden']);
  assert.equal((await call(S.tlA, 'POST', `${vpad(1)}/publiceren`, `${V}/publiceren`, { reden: 'x' })).res.status, 403);
  const p = await call(S.regisseur, 'POST', `${vpad(1)}/publiceren`, `${V}/publiceren`, { reden: 'Afgesproken in het ketenoverleg.' });
  assert.equal(p.res.status, 200, p.text);
  assert.equal(p.json.status, 'gepubliceerd');
  assert.equal(p.json.midden_in_periode, true);
  assert.equal(p.json.publicatie_reden, 'Afgesproken in het ketenoverleg.');
  assert.equal(p.json.geconsulteerd, false);
  assert.ok(p.json.gepubliceerd_op);

  // Now the teams see it, with the reason, and no reacties count.
  const tl = await call(S.tlA, 'GET', vpad(1), V);
  assert.equal(tl.res.status, 200, tl.text);
  assert.equal(tl.json.publicatie_reden, 'Afgesproken in het ketenoverleg.');
  assert.equal(tl.json.reacties, null);
  const audit = await aantal(`SELECT COUNT(*) FROM audit WHERE object_soort = 'formatversie' AND object_id = ${p.json.id} AND actie = 'publiceren' AND resultaat = 'gelukt'`);
  assert.equal(audit, 1);
});

test('a published version never changes', async () => {
  const g = await call(S.regisseur, 'GET', vpad(1), V);
  const items = await itemsVan();
  const w = await call(S.regisseur, 'PUT', vpad(1), V, { eerste_periode: '2020-H1', secties: inhoud2() }, { 'If-Match': g.res.headers.get('etag') });
  assert.equal(w.res.status, 409, w.text);
  assert.match(w.json.detail || w.json.title, /gepubliceerde versie verandert niet/);
  for (const stap of ['consulteren', 'terugnemen', 'publiceren']) {
    const r = await call(S.regisseur, 'POST', `${vpad(1)}/${stap}`, `${V}/${stap}`, { reden: 'x' });
    assert.equal(r.res.status, 409, `${stap}: ${r.text}`);
  }
  assert.equal(await itemsVan(), items);
  assert.equal((await call(S.regisseur, 'GET', vpad(1), V)).json.versie, g.json.versie);
});

test('version 2: lineage checked, consultation of one organisatie, comments answered, taken back, published', async () => {
  // Its first periode must come after version 1's.
  const vroeg = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, { eerste_periode: '2019-H2', secties: inhoud2() });
  assert.equal(vroeg.res.status, 422, vroeg.text);
  assert.deepEqual(fieldNames(vroeg), ['eerste_periode']);
  // With a predecessor, every indicator must say whether its line
  // continues: a concept may be saved without it, but is not published.
  const zonderLijn = inhoud2();
  delete zonderLijn[0].items[1].lijn;
  const r = await call(S.regisseur, 'POST', `${FS}/${fid}/versies`, VS, { eerste_periode: '2031-H1', indientermijn_dagen: 30, secties: zonderLijn });
  assert.equal(r.res.status, 201, r.text);
  assert.equal(r.json.nummer, 2);
  assert.equal(r.json.secties[0].items[1].lijn, null);
  const z = await call(S.regisseur, 'POST', `${vpad(2)}/publiceren`, `${V}/publiceren`, {});
  assert.equal(z.res.status, 422, z.text);
  assert.deepEqual(fieldNames(z), ['secties[0].items[1].lijn']);
  // A line must run to an indicator of the previous version: i3 is not one.
  const items = await itemsVan();
  const scheef = inhoud2();
  scheef[0].items[0].vorige_indicator_id = I.i3;
  const sc = await call(S.regisseur, 'PUT', vpad(2), V, { eerste_periode: '2031-H1', indientermijn_dagen: 30, secties: scheef },
    { 'If-Match': r.res.headers.get('etag') });
  assert.equal(sc.res.status, 422, sc.text);
  assert.deepEqual(fieldNames(sc), ['secties[0].items[0].vorige_indicator_id']);
  assert.equal(await itemsVan(), items);
  const heel = await call(S.regisseur, 'PUT', vpad(2), V, { eerste_periode: '2031-H1', indientermijn_dagen: 30, secties: inhoud2() },
    { 'If-Match': r.res.headers.get('etag') });
  assert.equal(heel.res.status, 200, heel.text);
  assert.equal(heel.json.secties[0].items[1].lijn, 'niet_vergelijkbaar');
  const i3 = heel.json.secties[0].items[0];
  assert.equal(i3.lijn, 'vergelijkbaar');
  assert.equal(i3.vorige_indicator_code, `fmt_een_${RUN}`);

  // Consult organisaties A and B (N is a wijkteamorganisatie too, but not asked).
  const fout = await call(S.regisseur, 'POST', `${vpad(2)}/consulteren`, `${V}/consulteren`, { organisatie_ids: [] });
  assert.equal(fout.res.status, 422, fout.text);
  const c = await call(S.regisseur, 'POST', `${vpad(2)}/consulteren`, `${V}/consulteren`, { organisatie_ids: [B, A] });
  assert.equal(c.res.status, 200, c.text);
  assert.equal(c.json.status, 'consultatie');
  assert.deepEqual(c.json.organisaties.map((o) => o.id).sort((x, y) => x - y), [A, B].sort((x, y) => x - y));

  // In consultatie the teams read it.
  assert.equal((await call(S.mwA, 'GET', vpad(2), V)).res.status, 200);
  const item = i3.id;
  const onduidelijk = { item_id: item, oordeel: 'onduidelijk', opmerking: 'Wat telt als voortzetting?' };
  const n = await call(S.tlN, 'POST', `${vpad(2)}/reacties`, RS, onduidelijk);
  assert.equal(n.res.status, 403, n.text);
  assert.equal((await call(S.mwA, 'POST', `${vpad(2)}/reacties`, RS, onduidelijk)).res.status, 403);
  const slecht = await call(S.tlA, 'POST', `${vpad(2)}/reacties`, RS, { item_id: 999999999, oordeel: 'misschien' });
  assert.equal(slecht.res.status, 422, slecht.text);
  assert.deepEqual(fieldNames(slecht), ['item_id', 'oordeel', 'opmerking']);
  const a = await call(S.tlA, 'POST', `${vpad(2)}/reacties`, RS, onduidelijk);
  assert.equal(a.res.status, 201, a.text);
  assert.equal(a.json.organisatie_id, A);
  assert.equal(a.json.oordeel, 'onduidelijk');
  assert.equal(a.json.antwoord, null);
  const rid = a.json.id;
  assert.equal(a.res.headers.get('location'), `${vpad(2)}/reacties/${rid}`);
  const eisItem = heel.json.secties[1].items[0].id;
  const bb = await call(S.tlB, 'POST', `${vpad(2)}/reacties`, RS, { item_id: eisItem, oordeel: 'niet_nodig', opmerking: 'Dit staat al in de jaarrapportage.' });
  assert.equal(bb.res.status, 201, bb.text);
  assert.equal(bb.json.organisatie_id, B);

  // Who reads the comments: the regisseur all, B's teamleider only B's, a medewerker 403.
  const alle = await call(S.regisseur, 'GET', `${vpad(2)}/reacties`, RS);
  assert.equal(alle.res.status, 200);
  assert.deepEqual(alle.json.items.map((x) => [x.id, x.organisatie_id]), [[rid, A], [bb.json.id, B]]);
  assert.deepEqual((await call(S.tlB, 'GET', `${vpad(2)}/reacties`, RS)).json.items.map((x) => x.id), [bb.json.id]);
  assert.equal((await call(S.tlN, 'GET', `${vpad(2)}/reacties`, RS)).json.items.length, 0);
  assert.equal((await call(S.tlB, 'GET', `${vpad(2)}/reacties/${rid}`, R)).res.status, 404);
  assert.equal((await call(S.mwA, 'GET', `${vpad(2)}/reacties`, RS)).res.status, 403);
  assert.equal((await call(S.regisseur, 'GET', vpad(2), V)).json.secties[0].items[0].reacties, 1);

  // The regisseur answers, with If-Match.
  const lees = await call(S.regisseur, 'GET', `${vpad(2)}/reacties/${rid}`, R);
  const etag = lees.res.headers.get('etag');
  const antwoord = { antwoord: 'Dezelfde tel, een nieuwe definitie van de doelgroep.' };
  assert.equal((await call(S.regisseur, 'PUT', `${vpad(2)}/reacties/${rid}`, R, antwoord)).res.status, 428);
  assert.equal((await call(S.regisseurWmo, 'PUT', `${vpad(2)}/reacties/${rid}`, R, antwoord, { 'If-Match': etag })).res.status, 403);
  const leeg = await call(S.regisseur, 'PUT', `${vpad(2)}/reacties/${rid}`, R, { antwoord: '' }, { 'If-Match': etag });
  assert.equal(leeg.res.status, 422, leeg.text);
  const ant = await call(S.regisseur, 'PUT', `${vpad(2)}/reacties/${rid}`, R, antwoord, { 'If-Match': etag });
  assert.equal(ant.res.status, 200, ant.text);
  assert.equal(ant.json.antwoord, antwoord.antwoord);
  assert.ok(ant.json.beantwoord_door);
  assert.equal((await call(S.regisseur, 'PUT', `${vpad(2)}/reacties/${rid}`, R, antwoord, { 'If-Match': etag })).res.status, 412);
  // A's teamleider reads the answer.
  assert.equal((await call(S.tlA, 'GET', `${vpad(2)}/reacties/${rid}`, R)).json.antwoord, antwoord.antwoord);

  // Taken back: a concept again (hidden from the teams), commenting closed, the comment kept.
  const t = await call(S.regisseur, 'POST', `${vpad(2)}/terugnemen`, `${V}/terugnemen`, {});
  assert.equal(t.res.status, 200, t.text);
  assert.equal(t.json.status, 'concept');
  assert.equal((await call(S.tlA, 'GET', vpad(2), V)).res.status, 404);
  assert.equal((await call(S.tlA, 'POST', `${vpad(2)}/reacties`, RS, onduidelijk)).res.status, 404);
  assert.equal((await call(S.regisseur, 'GET', `${vpad(2)}/reacties`, RS)).json.items.length, 2);
  assert.equal((await call(S.regisseur, 'POST', `${vpad(2)}/terugnemen`, `${V}/terugnemen`, {})).res.status, 409);

  // An indicator of another keten is refused at publication.
  const etag2 = (await call(S.regisseur, 'GET', vpad(2), V)).res.headers.get('etag');
  const vreemd = inhoud2();
  vreemd[1].items.push({ soort: 'indicator', indicator_id: I.iw, lijn: 'niet_vergelijkbaar' });
  const w = await call(S.regisseur, 'PUT', vpad(2), V, { eerste_periode: '2031-H1', indientermijn_dagen: 30, secties: vreemd }, { 'If-Match': etag2 });
  assert.equal(w.res.status, 200, w.text);
  const pv = await call(S.regisseur, 'POST', `${vpad(2)}/publiceren`, `${V}/publiceren`, {});
  assert.equal(pv.res.status, 422, pv.text);
  assert.deepEqual(fieldNames(pv), ['secties[1].items[1].indicator_id']);
  const w2 = await call(S.regisseur, 'PUT', vpad(2), V, { eerste_periode: '2031-H1', indientermijn_dagen: 30, secties: inhoud2() }, { 'If-Match': w.res.headers.get('etag') });
  assert.equal(w2.res.status, 200, w2.text);

  // 2031-H1 has not begun: no reason needed; the version was consulted once.
  const p = await call(S.regisseur, 'POST', `${vpad(2)}/publiceren`, `${V}/publiceren`, {});
  assert.equal(p.res.status, 200, p.text);
  assert.equal(p.json.status, 'gepubliceerd');
  assert.equal(p.json.midden_in_periode, false);
  assert.equal(p.json.publicatie_reden, null);
  assert.equal(p.json.geconsulteerd, true);
  // The comment outlives the edit, by its subject when its item went.
  const na = await call(S.regisseur, 'GET', `${vpad(2)}/reacties`, RS);
  assert.equal(na.json.items.length, 2);
  assert.match(na.json.items[0].onderwerp, new RegExp(`fmt_drie_${RUN}`));
  assert.equal(na.json.items[0].antwoord, antwoord.antwoord);
  const lijst = await call(S.tlA, 'GET', `${FS}/${fid}/versies`, VS);
  assert.deepEqual(lijst.json.items.map((v) => [v.nummer, v.status]), [[1, 'gepubliceerd'], [2, 'gepubliceerd']]);
});

test('an unknown format or version is 404, also for the beheerder', async () => {
  assert.equal((await call(beheer, 'GET', `${FS}/999999999`, F)).res.status, 404);
  assert.equal((await call(beheer, 'GET', vpad(99), V)).res.status, 404);
  assert.equal((await call(beheer, 'GET', `${FS}/999999999/versies`, VS)).res.status, 404);
});
