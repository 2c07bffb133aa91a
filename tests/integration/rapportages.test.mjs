// rapportages.test.mjs — rapportages (issue 12) through the JSON API, the
// whole cycle: open, draft, indienen (every missing field listed), the
// snapshot, vragen, terugsturen, vaststellen, heropenen and the revision
// markers, who may see and do what, the audit rows, and concurrent edits.
// Every response is checked against the served OpenAPI document.
//
// The world of this file, built here so no demo data reaches its numbers:
// wijkteamorganisatie A with wijkteam T (wijken W1 and W2) and a teamleider
// and a medewerker; organisatie X with a teamleider; in keten PART a
// handmatig indicator `hand`, a berekend indicator `ber` (inwoners with a
// startgesprek) with a target of 10 for A in 2025-H1, an eis E and an open
// question, in a format with versions 1 (from 2024-H1, published),
// 2 (from 2025-H1, published) and 3 (from 2026-H1, a concept).
//
// The registrations, counted by hand: in 2025-H1, W1 has three inwoners
// with a startgesprek (one of them twice: still one inwoner), W2 none; a
// fourth W1 inwoner is registered after indienen.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const P = '2025-H1';
const RS = '/api/v1/rapportages';
const R = '/api/v1/rapportages/{id}';
const WD = '/api/v1/rapportages/{id}/waarden/{waarde_id}';
const ES = '/api/v1/rapportages/{id}/eisen/{eis_id}';
const VR = '/api/v1/rapportages/{id}/vragen';
const VA = '/api/v1/rapportages/{id}/vragen/{vraag_id}/antwoord';
const HI = '/api/v1/rapportages/{id}/historie';

let beheer;
const S = {};
const O = {};
const W = {};
const I = {};
const FV = {};
let keten;
let thema;
let opdracht;
let eis;
let T;
let rid;                 // the rapportage of this file

const gebruiker = (naam, grant) => newUser(beheer, naam, grant);
const aantal = async (q) => Number((await sql(q))[0][0]);
const velden = (r) => (r.json.errors || []).map((e) => e.veld).sort();

/** The response of s on method path, checked against the document as template t. */
async function call(s, method, p, t, json, headers = {}) {
  const r = await asSession(s, p, { method, json, headers });
  await assertDocumented(method, t, r);
  return r;
}

const lees = (s = S.tl) => call(s, 'GET', `${RS}/${rid}`, R);
/** The value of indicator ind in wijk w (a key of W) as r shows it. */
const cel = (r, ind, w) => r.json.waarden.find((x) => x.indicator_id === I[ind] && x.wijk_id === W[w]);
const antwoord = (r, soort) => r.json.eisen.find((x) => x.soort === soort);

async function putWaarde(s, r, ind, w, body, versie) {
  const c = cel(r, ind, w);
  return call(s, 'PUT', `${RS}/${rid}/waarden/${c.id}`, WD, body, { 'If-Match': `"${versie ?? c.versie}"` });
}
async function putEis(s, r, soort, body) {
  const a = antwoord(r, soort);
  return call(s, 'PUT', `${RS}/${rid}/eisen/${a.id}`, ES, body, { 'If-Match': `"${a.versie}"` });
}
/** A transition at the rapportage's current versie. */
async function stap(s, actie, body = {}) {
  const cur = await lees(S.contract);
  return call(s, 'POST', `${RS}/${rid}/${actie}`, `${R}/${actie}`, body, { 'If-Match': `"${cur.json.versie}"` });
}

async function inwonerMetGesprek(naam, wijk, datums) {
  const inw = (await created(S.mw, '/api/v1/inwoners', { naam: `${naam} Rap${RUN}`, geboortejaar: 1980, wijk_id: wijk })).id;
  const trj = (await created(S.mw, `/api/v1/inwoners/${inw}/trajecten`, {
    soort: 'participatie', thema_id: thema, opdracht_id: opdracht, wijkteam_id: T, startdatum: '2024-12-01',
  })).id;
  for (const datum of datums) {
    await created(S.mw, `/api/v1/inwoners/${inw}/gebeurtenissen`, { type: 'startgesprek', datum, traject_id: trj, gegevens: { uitkomst: 'overbrugbaar' } });
  }
  return inw;
}

before(async () => {
  beheer = await login('beheerder');
  keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  thema = Number((await sql(`SELECT MIN(id) FROM thema WHERE keten_id = ${keten}`))[0][0]);
  opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);
  for (const k of ['A', 'X']) {
    O[k] = (await created(beheer, '/api/v1/organisaties', {
      code: `RAP${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Rapportagetest ${k} ${RUN}`,
      soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
    })).id;
  }
  for (const k of ['W1', 'W2']) {
    W[k] = (await created(beheer, '/api/v1/wijken', {
      code: `R${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Rapportagewijk ${k} ${RUN}`, geldig_van: '2020-01-01',
    })).id;
  }
  W.totaal = null;       // the organisatie as a whole
  T = (await created(beheer, '/api/v1/wijkteams', {
    code: `RT-${RUN}`.toUpperCase().slice(0, 32), naam: `Rapportageteam ${RUN}`, geldig_van: '2020-01-01',
    organisatie_id: O.A, wijk_ids: [W.W1, W.W2],
  })).id;
  S.tl = await gebruiker(`rap.tl.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.A });
  S.mw = await gebruiker(`rap.mw.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: O.A });
  S.tlX = await gebruiker(`rap.tlx.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.X });
  S.regisseur = await login('regisseur.participatie');
  S.regisseurWmo = await login('regisseur.wmo');
  S.contract = await login('contractmanager');
  S.auditor = await login('auditor');
  S.werkom = await login('ketenpartner.werkom');

  const ind = async (code, body) => (await created(beheer, '/api/v1/indicatoren', {
    code: `${code}_${RUN}`, naam: `Rapportagetest ${code}`, definitie: `Test: ${code}.`, doel: 'Testen.',
    keten_id: keten, eenheid: 'aantal', drempel_vorige_periode: 1000, ...body,
  })).id;
  I.hand = await ind('rap_hand', { bron: 'handmatig' });
  I.ber = await ind('rap_ber', { bron: 'berekend', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek' } });
  eis = (await created(beheer, '/api/v1/eisen', {
    opdracht_id: opdracht, code: `RE-${RUN}`.toUpperCase().slice(0, 32), omschrijving: 'Een testeis.',
    bron: 'pve', geldig_van: '2020-01-01',
  })).id;

  const f = await created(S.regisseur, '/api/v1/formats', { code: `rap_${RUN}`, naam: 'Rapportagetest', omschrijving: 'Voor de test.', keten_id: keten });
  const inhoud = (lijn) => [
    { titel: 'Cijfers', items: [
      { soort: 'indicator', indicator_id: I.hand, ...(lijn ? { lijn: 'vergelijkbaar', vorige_indicator_id: I.hand } : {}) },
      { soort: 'indicator', indicator_id: I.ber, ...(lijn ? { lijn: 'vergelijkbaar', vorige_indicator_id: I.ber } : {}) },
    ] },
    { titel: 'Eisen en vragen', items: [{ soort: 'eis', eis_id: eis }, { soort: 'vraag', vraag: 'Wat ging er goed?' }] },
  ];
  const versie = async (n, eerste, publiceer) => {
    const v = await created(S.regisseur, `/api/v1/formats/${f.id}/versies`, { eerste_periode: eerste, indientermijn_dagen: 30, secties: inhoud(n > 1) });
    assert.equal(v.nummer, n);
    FV[n] = v.id;
    if (publiceer) {
      const p = await asSession(S.regisseur, `/api/v1/formats/${f.id}/versies/${n}/publiceren`, { method: 'POST', json: { reden: 'Afgesproken in het ketenoverleg.' } });
      assert.equal(p.res.status, 200, p.text);
    }
  };
  await versie(1, '2024-H1', true);
  await versie(2, P, true);
  await versie(3, '2026-H1', false);

  const sw = await asSession(S.regisseur, '/api/v1/streefwaarden', { method: 'POST', json: {
    indicator_id: I.ber, periode: P, organisatie_id: O.A, richting: 'hoger_beter', waarde: 10, tolerantie: 0, reden: 'Afspraak.',
  } });
  assert.equal(sw.res.status, 201, sw.text);
  I.sw = sw.json;

  // W1: three inwoners with a startgesprek in 2025-H1 (the second twice),
  // one only in 2024-H2 and one only in 2025-H2: three inwoners.
  await inwonerMetGesprek('Een', W.W1, ['2025-01-10']);
  await inwonerMetGesprek('Twee', W.W1, ['2025-02-10', '2025-05-10']);
  await inwonerMetGesprek('Drie', W.W1, ['2025-06-30']);
  await inwonerMetGesprek('Vier', W.W1, ['2024-12-31']);
  await inwonerMetGesprek('Vijf', W.W1, ['2025-07-01']);
});

test('create: 422 for a formatversie that does not apply to the periode, 201, then 409', async () => {
  const body = (fv, periode = P) => ({ formatversie_id: FV[fv], periode, organisatie_id: O.A });
  const concept = await call(S.tl, 'POST', RS, RS, body(3, '2026-H1'));
  assert.equal(concept.res.status, 422, concept.text);
  assert.deepEqual(velden(concept), ['formatversie_id']);
  const vroeg = await call(S.tl, 'POST', RS, RS, body(2, '2024-H2'));
  assert.equal(vroeg.res.status, 422, vroeg.text);
  assert.deepEqual(velden(vroeg), ['periode']);
  const vervangen = await call(S.tl, 'POST', RS, RS, body(1));
  assert.equal(vervangen.res.status, 422, vervangen.text);
  assert.deepEqual(velden(vervangen), ['formatversie_id']);
  const ander = await call(S.tlX, 'POST', RS, RS, body(2));
  assert.equal(ander.res.status, 403, ander.text);
  const werkom = await call(S.werkom, 'POST', RS, RS, body(2));
  assert.equal(werkom.res.status, 403, werkom.text);
  assert.equal(await aantal(`SELECT COUNT(*) FROM rapportage WHERE organisatie_id = ${O.A}`), 0);

  const r = await call(S.mw, 'POST', RS, RS, body(2));
  assert.equal(r.res.status, 201, r.text);
  rid = r.json.id;
  assert.equal(r.res.headers.get('location'), `${RS}/${rid}`);
  // Hand-written: two wijken and the whole, for each indicator.
  assert.equal(r.json.status, 'concept');
  assert.equal(r.json.versie, 1);
  assert.equal(r.json.ronde, 0);
  assert.equal(r.json.zicht, 'exact');
  assert.equal(r.json.uiterste_indiendatum, '2025-07-30');
  assert.equal(r.json.te_laat, true);
  assert.deepEqual(r.json.acties, []);
  assert.equal(r.json.bewerken, true);
  assert.equal(r.json.waarden.length, 6);
  for (const w of ['W1', 'W2', 'totaal']) {
    const h = cel(r, 'hand', w);
    assert.equal(h.herkomst, 'ontbreekt', w);
    assert.equal(h.waarde, null);
    assert.equal(h.berekend, null);
  }
  // W1: inwoners Een, Twee, Drie; Vier only in 2024-H2 (the previous period).
  const b1 = cel(r, 'ber', 'W1');
  assert.equal(b1.herkomst, 'berekend');
  assert.equal(b1.waarde, 3);
  assert.equal(b1.berekend.waarde, 3);
  assert.equal(b1.vorige_periode, 1);
  assert.equal(b1.streefwaarde, null);
  assert.equal(b1.status, 'geen_streefwaarde');
  assert.equal(cel(r, 'ber', 'W2').waarde, 0);
  // The organisation's target applies to the organisation as a whole.
  const bt = cel(r, 'ber', 'totaal');
  assert.equal(bt.waarde, 3);
  assert.equal(bt.streefwaarde.waarde, 10);
  assert.equal(bt.status, 'afwijking');
  assert.equal(bt.toelichting_nodig, true);
  assert.equal(bt.toelichting_reden, 'Wijkt af van de streefwaarde.');
  assert.deepEqual(r.json.eisen.map((e) => [e.soort, e.antwoord]), [['eis', null], ['vraag', null]]);
  assert.deepEqual(r.json.historie.map((h) => [h.actie, h.van, h.naar, h.door]), [['aangemaakt', null, 'concept', `Test rap.mw.${RUN}`]]);
  const dubbel = await call(S.tl, 'POST', RS, RS, body(2));
  assert.equal(dubbel.res.status, 409, dubbel.text);
  assert.equal(await aantal(`SELECT COUNT(*) FROM rapportage WHERE organisatie_id = ${O.A}`), 1);
});

test('drafting: handmatig, an override with its reason beside the computed value, niet te leveren; 428; concurrent edits', async () => {
  let r = await lees();
  const h1 = await putWaarde(S.mw, r, 'hand', 'W1', { waarde: 7 });
  assert.equal(h1.res.status, 200, h1.text);
  assert.equal(h1.json.herkomst, 'handmatig');
  assert.equal(h1.json.waarde, 7);
  assert.equal(h1.json.versie, 2);
  assert.equal(h1.json.gewijzigd_door, `Test rap.mw.${RUN}`);

  const zonderReden = await putWaarde(S.mw, r, 'ber', 'W2', { waarde: 2 });
  assert.equal(zonderReden.res.status, 422, zonderReden.text);
  assert.deepEqual(velden(zonderReden), ['reden']);
  const over = await putWaarde(S.mw, r, 'ber', 'W2', { waarde: 2, reden: 'Twee gesprekken staan nog op papier.' });
  assert.equal(over.res.status, 200, over.text);
  assert.equal(over.json.herkomst, 'overschreven');
  assert.equal(over.json.waarde, 2);
  assert.equal(over.json.berekend.waarde, 0);
  assert.equal(over.json.reden, 'Twee gesprekken staan nog op papier.');

  const ntl = await putWaarde(S.mw, r, 'hand', 'W2', { niet_te_leveren: true });
  assert.equal(ntl.res.status, 422, ntl.text);
  assert.deepEqual(velden(ntl), ['niet_te_leveren_reden']);
  const ntl2 = await putWaarde(S.mw, r, 'hand', 'W2', { niet_te_leveren: true, niet_te_leveren_reden: 'Wordt in W2 niet bijgehouden.' });
  assert.equal(ntl2.res.status, 200, ntl2.text);
  assert.equal(ntl2.json.herkomst, 'niet_te_leveren');
  assert.equal(ntl2.json.waarde, null);
  assert.equal(ntl2.json.niet_te_leveren, true);

  // If-Match: required (428), and the value's own versie (412 when stale).
  const ht = cel(r, 'hand', 'totaal');
  const zonder = await call(S.mw, 'PUT', `${RS}/${rid}/waarden/${ht.id}`, WD, { waarde: 1 });
  assert.equal(zonder.res.status, 428, zonder.text);
  const oud = await putWaarde(S.mw, r, 'hand', 'W1', { waarde: 70 });
  assert.equal(oud.res.status, 412, oud.text);
  assert.equal(cel(await lees(), 'hand', 'W1').waarde, 7);
  // Not another organisation's teamleider, nor a ketenpartner.
  assert.equal((await putWaarde(S.tlX, r, 'hand', 'totaal', { waarde: 1 })).res.status, 404);
  assert.equal((await putWaarde(S.werkom, r, 'hand', 'totaal', { waarde: 1 })).res.status, 403);

  // Two people on different values: both land. On the same value at the
  // same versie: one of them gets 412.
  r = await lees();
  const [a, b] = await Promise.all([
    putWaarde(S.tl, r, 'hand', 'totaal', { waarde: 9 }),
    putWaarde(S.mw, r, 'ber', 'W1', { toelichting: 'Drie gesprekken, zoals geteld.' }),
  ]);
  assert.deepEqual([a.res.status, b.res.status], [200, 200], `${a.text} ${b.text}`);
  const [c, d] = await Promise.all([
    putWaarde(S.tl, r, 'ber', 'totaal', { toelichting: 'Minder aanmeldingen dan verwacht.' }),
    putWaarde(S.mw, r, 'ber', 'totaal', { toelichting: 'Iets anders.' }),
  ]);
  assert.deepEqual([c.res.status, d.res.status].sort(), [200, 412], `${c.text} ${d.text}`);
  r = await lees();
  assert.equal(cel(r, 'hand', 'totaal').waarde, 9);
  assert.equal(cel(r, 'ber', 'W1').toelichting, 'Drie gesprekken, zoals geteld.');
  assert.equal(cel(r, 'ber', 'W1').herkomst, 'berekend');
  assert.equal(cel(r, 'ber', 'totaal').toelichting, (c.res.status === 200 ? c : d).json.toelichting);
  // Clear the toelichting again, so that indienen misses it.
  const leeg = await putWaarde(S.tl, r, 'ber', 'totaal', {});
  assert.equal(leeg.res.status, 200, leeg.text);
  assert.equal(leeg.json.toelichting, null);
});

test('indienen: not by a medewerker; 422 listing every missing field; then 200', async () => {
  let r = await lees();
  const mw = await stap(S.mw, 'indienen');
  assert.equal(mw.res.status, 403, mw.text);
  const zonderIfMatch = await call(S.tl, 'POST', `${RS}/${rid}/indienen`, `${R}/indienen`, {});
  assert.equal(zonderIfMatch.res.status, 428, zonderIfMatch.text);
  // The body is an empty JSON object; none at all is refused as any other
  // write without JSON.
  const cur = await lees();
  const zonderBody = await call(S.tl, 'POST', `${RS}/${rid}/indienen`, `${R}/indienen`, undefined, { 'If-Match': `"${cur.json.versie}"` });
  assert.equal(zonderBody.res.status, 415, zonderBody.text);
  const mis = await stap(S.tl, 'indienen');
  assert.equal(mis.res.status, 422, mis.text);
  assert.deepEqual(velden(mis), [
    `eisen/${antwoord(r, 'eis').id}/antwoord`,
    `eisen/${antwoord(r, 'vraag').id}/toelichting`,
    `waarden/${cel(r, 'ber', 'W2').id}/toelichting`,
    `waarden/${cel(r, 'ber', 'totaal').id}/toelichting`,
  ].sort());
  // W2: from 0 in 2024-H2 to the 2 typed over the computed 0.
  assert.equal(cel(r, 'ber', 'W2').toelichting_reden, 'Veranderde sterk ten opzichte van de vorige periode.');
  r = await lees();
  assert.equal(r.json.status, 'concept');
  assert.equal(r.json.versie, 1);

  assert.equal((await putWaarde(S.tl, r, 'ber', 'totaal', { toelichting: 'Minder aanmeldingen dan verwacht.' })).res.status, 200);
  // A PUT replaces the whole value: the override and its reason stay only when sent again.
  const w2 = await putWaarde(S.mw, r, 'ber', 'W2', { waarde: 2, reden: 'Twee gesprekken staan nog op papier.', toelichting: 'Nieuw in W2.' });
  assert.equal(w2.res.status, 200, w2.text);
  assert.equal(w2.json.herkomst, 'overschreven');
  const e = await putEis(S.tl, r, 'eis', { antwoord: 'deels', toelichting: 'Nog niet in elke wijk.' });
  assert.equal(e.res.status, 200, e.text);
  assert.equal(e.json.antwoord, 'deels');
  const vraagMetOordeel = await putEis(S.tl, r, 'vraag', { antwoord: 'voldaan' });
  assert.equal(vraagMetOordeel.res.status, 422, vraagMetOordeel.text);
  assert.deepEqual(velden(vraagMetOordeel), ['antwoord']);
  const v = await putEis(S.mw, r, 'vraag', { toelichting: 'De samenwerking met Werkom.' });
  assert.equal(v.res.status, 200, v.text);
  assert.equal(v.json.toelichting, 'De samenwerking met Werkom.');

  const ok = await stap(S.tl, 'indienen');
  assert.equal(ok.res.status, 200, ok.text);
  assert.equal(ok.json.status, 'ingediend');
  assert.equal(ok.json.versie, 2);
  assert.equal(ok.json.ingediend_door, `Test rap.tl.${RUN}`);
  assert.equal(ok.json.bewerken, false);
  assert.deepEqual(ok.json.laatste_stap && [ok.json.laatste_stap.actie, ok.json.laatste_stap.van, ok.json.laatste_stap.naar], ['indienen', 'concept', 'ingediend']);
  assert.deepEqual((await lees(S.regisseur)).json.acties.sort(), ['terugsturen', 'vaststellen']);
  assert.equal((await stap(S.tl, 'indienen')).res.status, 409);
});

test('the snapshot: a later registration and a target change do not reach an ingediende rapportage; nothing in it changes', async () => {
  await inwonerMetGesprek('Zes', W.W1, ['2025-03-01']);
  // The figure service counts the fourth inwoner now…
  const live = await asSession(S.tl, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.ber}`);
  assert.equal(live.res.status, 200, live.text);
  assert.equal(live.json.items.find((x) => x.wijk_id === W.W1).waarde, 4);
  // …the submitted rapportage still says three.
  let r = await lees();
  assert.equal(cel(r, 'ber', 'W1').waarde, 3);
  assert.equal(cel(r, 'ber', 'W1').berekend.waarde, 3);
  assert.equal(cel(r, 'ber', 'totaal').waarde, 3);
  assert.equal(cel(r, 'ber', 'W2').herkomst, 'overschreven');
  assert.equal(cel(r, 'ber', 'W2').waarde, 2);

  const swPad = `/api/v1/streefwaarden/${I.sw.id}`;
  const sw = await asSession(S.regisseur, swPad, { method: 'PUT', headers: { 'If-Match': `"${I.sw.versie}"` },
    json: { richting: 'hoger_beter', waarde: 4, tolerantie: 0, reden: 'Bijgesteld.' } });
  assert.equal(sw.res.status, 409, sw.text);
  await assertDocumented('PUT', '/api/v1/streefwaarden/{id}', sw);

  const w = await putWaarde(S.tl, r, 'hand', 'W1', { waarde: 8 });
  assert.equal(w.res.status, 409, w.text);
  assert.equal((await putEis(S.tl, r, 'eis', { antwoord: 'voldaan' })).res.status, 409);
  r = await lees();
  assert.equal(cel(r, 'hand', 'W1').waarde, 7);
  assert.equal(antwoord(r, 'eis').antwoord, 'deels');
  assert.equal(cel(r, 'ber', 'totaal').streefwaarde.waarde, 10);
  assert.equal(cel(r, 'ber', 'totaal').status, 'afwijking');
});

test('a vraag by the regisseur, answered by the teamleider; terugsturen with a reason; indienen again', async () => {
  let r = await lees();
  const berTot = cel(r, 'ber', 'totaal').id;
  const tl = await call(S.tl, 'POST', `${RS}/${rid}/vragen`, VR, { waarde_id: berTot, vraag: 'Waarom zo laag?' });
  assert.equal(tl.res.status, 403, tl.text);
  const leeg = await call(S.regisseur, 'POST', `${RS}/${rid}/vragen`, VR, { waarde_id: berTot });
  assert.equal(leeg.res.status, 422, leeg.text);
  assert.deepEqual(velden(leeg), ['vraag']);
  const q = await call(S.regisseur, 'POST', `${RS}/${rid}/vragen`, VR, { waarde_id: berTot, vraag: 'Waarom zo laag?' });
  assert.equal(q.res.status, 201, q.text);
  assert.equal(q.res.headers.get('location'), `${RS}/${rid}/vragen/${q.json.id}`);
  assert.equal(q.json.waarde_id, berTot);
  assert.equal(q.json.antwoord, null);
  assert.equal((await lees()).json.open_vragen, 1);
  const mwAntw = await call(S.mw, 'POST', `${RS}/${rid}/vragen/${q.json.id}/antwoord`, VA, { antwoord: 'Ik weet het niet.' });
  assert.equal(mwAntw.res.status, 403, mwAntw.text);
  const a = await call(S.tl, 'POST', `${RS}/${rid}/vragen/${q.json.id}/antwoord`, VA, { antwoord: 'Een wijkteam was een maand onderbezet.' });
  assert.equal(a.res.status, 200, a.text);
  assert.equal(a.json.antwoord, 'Een wijkteam was een maand onderbezet.');
  assert.equal(a.json.beantwoord_door, `Test rap.tl.${RUN}`);
  assert.equal((await call(S.tl, 'POST', `${RS}/${rid}/vragen/${q.json.id}/antwoord`, VA, { antwoord: 'Nogmaals.' })).res.status, 409);
  const lijst = await call(S.regisseur, 'GET', `${RS}/${rid}/vragen`, VR);
  assert.equal(lijst.res.status, 200);
  assert.deepEqual(lijst.json.items.map((x) => [x.vraag, x.antwoord]), [['Waarom zo laag?', 'Een wijkteam was een maand onderbezet.']]);
  assert.equal((await lees()).json.open_vragen, 0);

  const zonder = await stap(S.regisseur, 'terugsturen', {});
  assert.equal(zonder.res.status, 422, zonder.text);
  assert.deepEqual(velden(zonder), ['reden']);
  assert.equal((await stap(S.tl, 'terugsturen', { reden: 'Zelf.' })).res.status, 403);
  const terug = await stap(S.regisseur, 'terugsturen', { reden: 'De toelichting bij het totaal is te kort.' });
  assert.equal(terug.res.status, 200, terug.text);
  assert.equal(terug.json.status, 'concept');
  // Live again: the fourth inwoner counts now.
  r = await lees();
  assert.equal(cel(r, 'ber', 'W1').waarde, 4);
  assert.equal(cel(r, 'ber', 'totaal').waarde, 4);
  assert.equal(r.json.bewerken, true);
  assert.deepEqual(r.json.acties, ['indienen']);
  const weer = await stap(S.tl, 'indienen');
  assert.equal(weer.res.status, 200, weer.text);
  assert.equal(weer.json.status, 'ingediend');
});

test('vaststellen: terugkoppeling and beoordelingen required; later target change does not reach it', async () => {
  const r = await lees();
  const eisId = antwoord(r, 'eis').id;
  const zonder = await stap(S.regisseur, 'vaststellen', {});
  assert.equal(zonder.res.status, 422, zonder.text);
  assert.deepEqual(velden(zonder), [`beoordelingen/${eisId}/beoordeling`, 'terugkoppeling']);
  assert.equal((await stap(S.tl, 'vaststellen', { terugkoppeling: 'x', beoordelingen: [] })).res.status, 403);
  const ok = await stap(S.regisseur, 'vaststellen', {
    terugkoppeling: 'De gemeente neemt de aanmeldingen op in het ketenoverleg.',
    beoordelingen: [{ antwoord_id: eisId, beoordeling: 'voldaan', toelichting: 'Ruim voldoende.' }],
  });
  assert.equal(ok.res.status, 200, ok.text);
  assert.equal(ok.json.status, 'vastgesteld');
  assert.equal(ok.json.terugkoppeling, 'De gemeente neemt de aanmeldingen op in het ketenoverleg.');
  assert.equal(ok.json.vastgesteld_door, (await asSession(S.regisseur, '/api/v1/mij')).json.naam);
  assert.deepEqual([antwoord(ok, 'eis').antwoord, antwoord(ok, 'eis').beoordeling, antwoord(ok, 'eis').beoordeling_toelichting], ['deels', 'voldaan', 'Ruim voldoende.']);
  assert.deepEqual(ok.json.revisies, []);
  assert.equal(ok.json.ronde, 1);
  assert.deepEqual((await lees(S.regisseur)).json.acties, ['heropenen']);

  // Now the target may change; the vastgestelde rapportage keeps its own.
  const sw = await asSession(S.regisseur, `/api/v1/streefwaarden/${I.sw.id}`, { method: 'PUT', headers: { 'If-Match': `"${I.sw.versie}"` },
    json: { richting: 'hoger_beter', waarde: 4, tolerantie: 0, reden: 'Bijgesteld.' } });
  assert.equal(sw.res.status, 200, sw.text);
  const na = await lees();
  assert.equal(cel(na, 'ber', 'totaal').streefwaarde.waarde, 10);
  assert.equal(cel(na, 'ber', 'totaal').status, 'afwijking');
  assert.equal((await putWaarde(S.tl, na, 'hand', 'W1', { waarde: 8 })).res.status, 409);
});

test('heropenen with a reason, a changed value, vastgesteld again: the revision marker', async () => {
  const zonder = await stap(S.regisseur, 'heropenen', { reden: '' });
  assert.equal(zonder.res.status, 422, zonder.text);
  assert.deepEqual(velden(zonder), ['reden']);
  const h = await stap(S.regisseur, 'heropenen', { reden: 'Een telfout in W1.' });
  assert.equal(h.res.status, 200, h.text);
  assert.equal(h.json.status, 'concept');
  let r = await lees();
  const handW1 = cel(r, 'hand', 'W1');
  const berW2 = cel(r, 'ber', 'W2');
  const w = await putWaarde(S.mw, r, 'hand', 'W1', { waarde: 8 });
  assert.equal(w.res.status, 200, w.text);
  const w2 = await putWaarde(S.tl, r, 'ber', 'W2', { waarde: 3, reden: 'Drie na een nieuwe telling.', toelichting: 'Nieuw in W2.' });
  assert.equal(w2.res.status, 200, w2.text);
  assert.equal((await stap(S.tl, 'indienen')).res.status, 200);
  r = await lees();
  // Live at the new indienen: the new target of 4 is met.
  assert.equal(cel(r, 'ber', 'totaal').streefwaarde.waarde, 4);
  assert.equal(cel(r, 'ber', 'totaal').status, 'op_koers');
  const v = await stap(S.regisseur, 'vaststellen', {
    terugkoppeling: 'Gecorrigeerd; de raad krijgt de nieuwe telling.',
    beoordelingen: [{ antwoord_id: antwoord(r, 'eis').id, beoordeling: 'deels' }],
  });
  assert.equal(v.res.status, 200, v.text);
  assert.equal(v.json.status, 'vastgesteld');
  // Exactly the two values that differ from the first vaststelling.
  assert.deepEqual(v.json.revisies.map((x) => [x.waarde_id, x.ronde, x.oud, x.nieuw, x.reden, x.gewijzigd_door, x.onderdrukt]), [
    [handW1.id, 2, 7, 8, 'Een telfout in W1.', `Test rap.mw.${RUN}`, []],
    [berW2.id, 2, 2, 3, 'Een telfout in W1. — Drie na een nieuwe telling.', `Test rap.tl.${RUN}`, []],
  ].sort((a, b) => a[0] - b[0]));
  // ronde counts the vaststellingen: the markers belong to the second.
  assert.equal(v.json.ronde, 2);
  assert.equal(v.json.terugkoppeling, 'Gecorrigeerd; de raad krijgt de nieuwe telling.');
});

test('the historie lists every step with who and why', async () => {
  const h = await call(S.tl, 'GET', `${RS}/${rid}/historie`, HI);
  assert.equal(h.res.status, 200, h.text);
  const reg = (await asSession(S.regisseur, '/api/v1/mij')).json.naam;
  const tl = `Test rap.tl.${RUN}`;
  assert.deepEqual(h.json.items.map((x) => [x.actie, x.van, x.naar, x.door, x.reden]), [
    ['aangemaakt', null, 'concept', `Test rap.mw.${RUN}`, null],
    ['indienen', 'concept', 'ingediend', tl, null],
    ['terugsturen', 'ingediend', 'concept', reg, 'De toelichting bij het totaal is te kort.'],
    ['indienen', 'concept', 'ingediend', tl, null],
    ['vaststellen', 'ingediend', 'vastgesteld', reg, null],
    ['heropenen', 'vastgesteld', 'concept', reg, 'Een telfout in W1.'],
    ['indienen', 'concept', 'ingediend', tl, null],
    ['vaststellen', 'ingediend', 'vastgesteld', reg, null],
  ]);
  const r = await lees();
  assert.deepEqual(r.json.laatste_stap, h.json.items.at(-1));
});

test('who sees it: the contractmanager and the auditor without small numbers; another keten, another organisatie 404; a ketenpartner 403', async () => {
  const au = await lees(S.auditor);
  assert.equal(au.res.status, 200, au.text);
  assert.equal(au.json.zicht, 'aggregaat');
  assert.deepEqual(au.json.acties, []);
  const c = await lees(S.contract);
  assert.equal(c.res.status, 200, c.text);
  assert.equal(c.json.zicht, 'aggregaat');
  assert.deepEqual(c.json.waarden, au.json.waarden);
  assert.deepEqual(c.json.revisies, au.json.revisies);
  // W1 counts four inwoners: withheld.
  const b1 = cel(c, 'ber', 'W1');
  assert.equal(b1.waarde, null);
  assert.equal(b1.berekend.waarde, null);
  assert.ok(b1.onderdrukt.includes('waarde'), JSON.stringify(b1.onderdrukt));
  assert.ok(b1.onderdrukt.includes('berekend.waarde'), JSON.stringify(b1.onderdrukt));
  const bt = cel(c, 'ber', 'totaal');
  assert.equal(bt.waarde, null);
  assert.ok(bt.onderdrukt.includes('waarde'));
  assert.deepEqual(cel(c, 'ber', 'W2').onderdrukt.filter((k) => k === 'berekend.waarde'), []);
  assert.equal(cel(c, 'ber', 'W2').berekend.waarde, 0);
  // The revision markers do not give away what the cells withhold: W2's
  // override went from 2 to 3, both small counts; W1's handmatig 7 → 8 is not.
  const revs = Object.fromEntries(c.json.revisies.map((x) => [x.waarde_id, x]));
  const rw2 = revs[cel(c, 'ber', 'W2').id];
  assert.deepEqual([rw2.oud, rw2.nieuw, rw2.onderdrukt], [null, null, ['oud', 'nieuw']]);
  const rh1 = revs[cel(c, 'hand', 'W1').id];
  assert.deepEqual([rh1.oud, rh1.nieuw, rh1.onderdrukt], [7, 8, []]);
  const e = await lees(S.regisseur);
  assert.deepEqual(e.json.revisies.map((x) => [x.oud, x.nieuw]).sort(), [[2, 3], [7, 8]]);
  assert.equal(e.json.zicht, 'exact');
  assert.equal(cel(e, 'ber', 'W1').waarde, 4);

  for (const s of [S.regisseurWmo, S.tlX]) {
    assert.equal((await lees(s)).res.status, 404);
    assert.equal((await call(s, 'GET', `${RS}/${rid}/historie`, HI)).res.status, 404);
    const l = await call(s, 'GET', `${RS}?organisatie_id=${O.A}`, RS);
    assert.equal(l.res.status, 200, l.text);
    assert.deepEqual(l.json.items, []);
  }
  assert.equal((await lees(S.werkom)).res.status, 403);
  assert.equal((await call(S.werkom, 'GET', RS, RS)).res.status, 403);
  const l = await call(S.contract, 'GET', `${RS}?organisatie_id=${O.A}&status=vastgesteld`, RS);
  assert.deepEqual(l.json.items.map((x) => x.id), [rid]);
  assert.equal((await call(S.contract, 'GET', `${RS}?status=open`, RS)).res.status, 400);
});

test('audit rows: the regisseur\'s read and every transition', async () => {
  const inzien = () => aantal(`SELECT COUNT(*) FROM audit WHERE object_soort = 'rapportage' AND object_id = ${rid} AND actie = 'inzien' AND resultaat = 'gelukt'`);
  const voor = await inzien();
  assert.ok(voor >= 1);
  await lees(S.regisseur);
  assert.equal(await inzien(), voor + 1);
  // The team's and the contractmanager's reads are not such rows.
  await lees(S.tl);
  await lees(S.contract);
  assert.equal(await inzien(), voor + 1);
  const rows = await sql(`SELECT a.actie, g.gebruikersnaam FROM audit a JOIN gebruiker g ON g.id = a.gebruiker_id WHERE a.object_soort = 'rapportage' AND a.object_id = ${rid} AND a.actie <> 'inzien' AND a.resultaat = 'gelukt' ORDER BY a.id`);
  assert.deepEqual(rows.map(([a, u]) => `${a} ${u}`), [
    `aanmaken rap.mw.${RUN}`,
    `indienen rap.tl.${RUN}`,
    'vragen regisseur.participatie',
    'terugsturen regisseur.participatie',
    `indienen rap.tl.${RUN}`,
    'vaststellen regisseur.participatie',
    'heropenen regisseur.participatie',
    `indienen rap.tl.${RUN}`,
    'vaststellen regisseur.participatie',
  ]);
});
