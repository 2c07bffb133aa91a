// ketenpartnerwaarden.test.mjs — the values Werkom, Uitkeringen and
// Naleving deliver (issue 12) against the real stack: which cells a
// periode asks for, a Werkom user writing and reading its own, another
// party and the wijkteams refused, versions (412, 428), bad input
// refused with nothing written, and an audit row per write. Every
// response is checked against the served OpenAPI document.
//
// The world of this file, in keten PART: wijkteamorganisatie A runs
// wijkteam T1 for wijken "KPW Oost" and "KPW West" since 2020;
// wijkteamorganisatie B's only wijkteam starts in 2032, so in 2031-H1 it
// ran none. A format of its own, version 1 published from 2031-H1, asks
// for three ketenpartner indicators: an aantal and a tekst from Werkom,
// a percentage from Uitkeringen. A fourth Werkom indicator is in no
// format. So for A in 2031-H1 each indicator has exactly three cells:
// KPW Oost, KPW West, and A as a whole (last); B has none.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const KW = '/api/v1/ketenpartnerwaarden';
const P = '2031-H1';

let beheer;
const S = {};
const I = {};
const W = {};
let A;
let B;

const put = (s, json, headers = {}) => asSession(s, KW, { method: 'PUT', json, headers });

/** The cells s sees of periode (and indicator), documented and 200. */
async function cellen(s, query) {
  const r = await asSession(s, `${KW}?${query}`);
  assert.equal(r.res.status, 200, r.text);
  await assertDocumented('GET', KW, r);
  return r.json.items;
}

/** A's cells of indicator id, by wijk ("oost", "west", "totaal"). */
async function vanA(s, id) {
  const out = {};
  for (const c of await cellen(s, `periode=${P}&indicator_id=${id}`)) {
    if (c.organisatie_id !== A) continue;
    out[c.wijk_id === null ? 'totaal' : c.wijk_id === W.oost ? 'oost' : 'west'] = c;
  }
  return out;
}

const rijen = async (where) => Number((await sql(`SELECT COUNT(*) FROM ketenpartner_waarde WHERE ${where}`))[0][0]);
const cel = (ind, wijk, extra = {}) => ({ indicator_id: ind, periode: P, organisatie_id: A, wijk_id: wijk, ...extra });

before(async () => {
  beheer = await login('beheerder');
  const keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  const org = async (k) => (await created(beheer, '/api/v1/organisaties', {
    code: `KPW${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Ketenwaardetest ${k} ${RUN}`,
    soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
  })).id;
  A = await org('A');
  B = await org('B');
  for (const k of ['oost', 'west']) {
    W[k] = (await created(beheer, '/api/v1/wijken', {
      code: `KPW${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `KPW ${k === 'oost' ? 'Oost' : 'West'} ${RUN}`, geldig_van: '2020-01-01',
    })).id;
  }
  await created(beheer, '/api/v1/wijkteams', {
    code: `KPWT1-${RUN}`.toUpperCase().slice(0, 32), naam: 'Ketenwaardeteam', geldig_van: '2020-01-01',
    organisatie_id: A, wijk_ids: [W.oost, W.west],
  });
  await created(beheer, '/api/v1/wijkteams', {
    code: `KPWT2-${RUN}`.toUpperCase().slice(0, 32), naam: 'Ketenwaardeteam later', geldig_van: '2032-01-01',
    organisatie_id: B, wijk_ids: [W.oost],
  });
  const ind = async (code, eenheid, partij) => (await created(beheer, '/api/v1/indicatoren', {
    code: `${code}_${RUN}`, naam: `${code} ${RUN}`, definitie: `Test: ${code}.`, doel: 'Testen.', keten_id: keten,
    bron: 'ketenpartner', aanleverende_partij: partij, eenheid,
  })).id;
  I.aantal = await ind('kpw_uitstroom', 'aantal', 'werkom');
  I.tekst = await ind('kpw_toelichting', 'tekst', 'werkom');
  I.pct = await ind('kpw_aandeel', 'percentage', 'uitkeringen');
  I.los = await ind('kpw_los', 'aantal', 'werkom');

  S.regisseur = await login('regisseur.participatie');
  const fid = (await created(S.regisseur, '/api/v1/formats', { code: `kpwtest_${RUN}`, naam: 'Ketenwaardetest', keten_id: keten })).id;
  await created(S.regisseur, `/api/v1/formats/${fid}/versies`, {
    eerste_periode: P,
    secties: [{ titel: 'Ketenpartners', items: [I.aantal, I.tekst, I.pct].map((id) => ({ soort: 'indicator', indicator_id: id })) }],
  });
  const p = await asSession(S.regisseur, `/api/v1/formats/${fid}/versies/1/publiceren`, { method: 'POST', json: { reden: 'Test.' } });
  assert.equal(p.res.status, 200, p.text);

  S.werkom = await login('ketenpartner.werkom');
  S.uitkeringen = await login('ketenpartner.uitkeringen');
  S.contractmanager = await login('contractmanager');
  S.tl = await newUser(beheer, `kpw.tl.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: A });
});

describe('ketenpartnerwaarden', () => {
  test('a periode asks each indicator for every wijk of an organisatie that ran a wijkteam, and its total', async () => {
    const alle = await cellen(S.werkom, `periode=${P}&indicator_id=${I.aantal}`);
    const a = alle.filter((c) => c.organisatie_id === A);
    assert.deepEqual(a.map((c) => c.wijk_id), [W.oost, W.west, null]);
    assert.equal(a[2].wijk, null);
    for (const c of a) {
      assert.equal(c.id, null);
      assert.equal(c.versie, null);
      assert.equal(c.waarde, null);
      assert.equal(c.niet_te_leveren, false);
      assert.equal(c.eenheid, 'aantal');
      assert.equal(c.aanleverende_partij, 'werkom');
      assert.equal(c.indicator_code, `kpw_uitstroom_${RUN}`);
      assert.equal(c.organisatie, `Ketenwaardetest A ${RUN}`);
    }
    // B's wijkteam starts in 2032: nothing to deliver for it in 2031-H1.
    assert.equal(alle.filter((c) => c.organisatie_id === B).length, 0);
    // Werkom's two indicators of the format, not Uitkeringen's, not the
    // one in no format.
    const ids = new Set((await cellen(S.werkom, `periode=${P}`)).map((c) => c.indicator_id));
    assert.ok(ids.has(I.aantal) && ids.has(I.tekst));
    assert.ok(!ids.has(I.pct) && !ids.has(I.los));
    // Before the version applies, nothing of the format is asked.
    const eerder = new Set((await cellen(S.werkom, 'periode=2030-H2')).map((c) => c.indicator_id));
    assert.ok(!eerder.has(I.aantal));
    const los = await asSession(S.werkom, `${KW}?periode=${P}&indicator_id=${I.los}`);
    assert.equal(los.res.status, 404, los.text);
    await assertDocumented('GET', KW, los);
  });

  test('a Werkom user writes a cell and reads it back; an audit row records it', async () => {
    const r = await put(S.werkom, cel(I.aantal, W.oost, { waarde: 7 }));
    assert.equal(r.res.status, 201, r.text);
    await assertDocumented('PUT', KW, r);
    assert.equal(r.res.headers.get('etag'), '"1"');
    assert.equal(r.json.waarde, 7);
    assert.equal(r.json.versie, 1);
    assert.equal(r.json.wijk_id, W.oost);
    assert.equal(r.json.door, 'Wim Werkom');
    const a = await vanA(S.werkom, I.aantal);
    assert.equal(a.oost.id, r.json.id);
    assert.equal(a.oost.waarde, 7);
    assert.equal(a.west.id, null);
    assert.equal(a.totaal.id, null);
    const [row] = await sql(`SELECT waarde, niet_te_leveren, periode, wijk_id FROM ketenpartner_waarde WHERE id = ${r.json.id}`);
    assert.deepEqual(row, ['7.0000', '0', P, String(W.oost)]);
    const audit = await sql(`SELECT actie, resultaat, route FROM audit WHERE object_soort = 'ketenpartner_waarde' AND object_id = ${r.json.id}`);
    assert.deepEqual(audit, [['aanmaken', 'gelukt', 'PUT /api/v1/ketenpartnerwaarden']]);
    // The organisatie as a whole: wijk_id null.
    const t = await put(S.werkom, cel(I.aantal, null, { waarde: '19' }));
    assert.equal(t.res.status, 201, t.text);
    assert.equal(t.json.wijk_id, null);
    assert.equal((await vanA(S.werkom, I.aantal)).totaal.waarde, 19);
  });

  test('a change needs If-Match: 428 without, 412 when stale, 200 with the versie', async () => {
    const voor = (await vanA(S.werkom, I.aantal)).oost;
    const geen = await put(S.werkom, cel(I.aantal, W.oost, { waarde: 8 }));
    assert.equal(geen.res.status, 428, geen.text);
    await assertDocumented('PUT', KW, geen);
    const goed = await put(S.werkom, cel(I.aantal, W.oost, { waarde: 8 }), { 'if-match': `"${voor.versie}"` });
    assert.equal(goed.res.status, 200, goed.text);
    await assertDocumented('PUT', KW, goed);
    assert.equal(goed.json.versie, voor.versie + 1);
    assert.equal(goed.json.waarde, 8);
    const oud = await put(S.werkom, cel(I.aantal, W.oost, { waarde: 9 }), { 'if-match': `"${voor.versie}"` });
    assert.equal(oud.res.status, 412, oud.text);
    await assertDocumented('PUT', KW, oud);
    assert.equal((await vanA(S.werkom, I.aantal)).oost.waarde, 8);
    // An If-Match for a cell that has no row yet is stale too.
    const nieuw = await put(S.werkom, cel(I.aantal, W.west, { waarde: 1 }), { 'if-match': '"3"' });
    assert.equal(nieuw.res.status, 412, nieuw.text);
    assert.equal(await rijen(`indicator_id = ${I.aantal} AND wijk_id = ${W.west}`), 0);
    const audit = await sql(`SELECT actie FROM audit WHERE object_soort = 'ketenpartner_waarde' AND object_id = ${voor.id} ORDER BY id`);
    assert.deepEqual(audit.map((x) => x[0]), ['aanmaken', 'wijzigen']);
  });

  test('a value that does not fit the eenheid is refused with its field, and nothing is written', async () => {
    const slecht = [
      [I.aantal, { waarde: 'twaalf' }, 'waarde'],
      [I.aantal, { waarde: '1,5' }, 'waarde'],          // an aantal is whole
      [I.aantal, { waarde: -1 }, 'waarde'],
      [I.aantal, {}, 'waarde'],                         // nothing at all
      [I.aantal, { tekst: 'veel' }, 'tekst'],
      [I.tekst, { waarde: 3 }, 'waarde'],
    ];
    for (const [ind, body, veld] of slecht) {
      const r = await put(S.werkom, cel(ind, W.west, body));
      assert.equal(r.res.status, 422, `${JSON.stringify(body)}: ${r.text}`);
      await assertDocumented('PUT', KW, r);
      assert.ok(r.json.errors.some((e) => e.veld === veld), `${JSON.stringify(body)}: ${r.text}`);
    }
    assert.equal(await rijen(`indicator_id IN (${I.aantal}, ${I.tekst}) AND wijk_id = ${W.west}`), 0);
    const pct = await put(S.uitkeringen, cel(I.pct, W.west, { waarde: '120' }));
    assert.equal(pct.res.status, 422, pct.text);
    assert.ok(pct.json.errors.some((e) => e.veld === 'waarde'));
    const pctGoed = await put(S.uitkeringen, cel(I.pct, W.west, { waarde: '12,5' }));
    assert.equal(pctGoed.res.status, 201, pctGoed.text);
    assert.equal(pctGoed.json.waarde, 12.5);
    const tekst = await put(S.werkom, cel(I.tekst, W.west, { tekst: 'Twee inwoners begonnen als vrijwilliger.' }));
    assert.equal(tekst.res.status, 201, tekst.text);
    assert.equal(tekst.json.tekst, 'Twee inwoners begonnen als vrijwilliger.');
    assert.equal(tekst.json.waarde, null);
  });

  test('niet_te_leveren needs a reden, and then no value', async () => {
    const zonder = await put(S.werkom, cel(I.aantal, W.west, { niet_te_leveren: true }));
    assert.equal(zonder.res.status, 422, zonder.text);
    await assertDocumented('PUT', KW, zonder);
    assert.ok(zonder.json.errors.some((e) => e.veld === 'reden'));
    const met = await put(S.werkom, cel(I.aantal, W.west, { niet_te_leveren: true, waarde: 4, reden: 'Niet per wijk geregistreerd.' }));
    assert.equal(met.res.status, 422, met.text);
    assert.ok(met.json.errors.some((e) => e.veld === 'waarde'));
    assert.equal(await rijen(`indicator_id = ${I.aantal} AND wijk_id = ${W.west}`), 0);
    const goed = await put(S.werkom, cel(I.aantal, W.west, { niet_te_leveren: true, reden: 'Niet per wijk geregistreerd.' }));
    assert.equal(goed.res.status, 201, goed.text);
    assert.equal(goed.json.niet_te_leveren, true);
    assert.equal(goed.json.reden, 'Niet per wijk geregistreerd.');
    assert.equal(goed.json.waarde, null);
  });

  test('a cell of an organisatie without a wijkteam then, or of a wijk not its own, does not exist', async () => {
    const b = await put(S.werkom, { ...cel(I.aantal, null, { waarde: 1 }), organisatie_id: B });
    assert.equal(b.res.status, 422, b.text);
    assert.ok(b.json.errors.some((e) => e.veld === 'organisatie_id'));
    const demoWijk = Number((await sql("SELECT id FROM wijk WHERE code = 'PLB'"))[0][0]);
    const w = await put(S.werkom, cel(I.aantal, demoWijk, { waarde: 1 }));
    assert.equal(w.res.status, 422, w.text);
    assert.ok(w.json.errors.some((e) => e.veld === 'wijk_id'));
    assert.equal(await rijen(`indicator_id = ${I.aantal} AND (organisatie_id = ${B} OR wijk_id = ${demoWijk})`), 0);
  });

  test('Uitkeringen neither sees nor writes a Werkom indicator: it does not exist for them', async () => {
    const lees = await asSession(S.uitkeringen, `${KW}?periode=${P}&indicator_id=${I.aantal}`);
    assert.equal(lees.res.status, 404, lees.text);
    const ids = new Set((await cellen(S.uitkeringen, `periode=${P}`)).map((c) => c.indicator_id));
    assert.ok(ids.has(I.pct));
    assert.ok(!ids.has(I.aantal) && !ids.has(I.tekst));
    const voor = await rijen(`indicator_id = ${I.aantal}`);
    const schrijf = await put(S.uitkeringen, cel(I.aantal, W.west, { waarde: 99 }), { 'if-match': '"1"' });
    assert.equal(schrijf.res.status, 404, schrijf.text);
    await assertDocumented('PUT', KW, schrijf);
    assert.equal(await rijen(`indicator_id = ${I.aantal}`), voor);
    assert.equal((await vanA(S.werkom, I.aantal)).oost.waarde, 8);
  });

  test('the gemeente reads, nobody but the party writes, the wijkteams are refused', async () => {
    const c = await vanA(S.contractmanager, I.aantal);
    assert.equal(c.oost.waarde, 8);
    const r = await vanA(S.regisseur, I.pct);
    assert.equal(r.west.waarde, 12.5);
    for (const s of [S.tl, S.contractmanager, S.regisseur, beheer]) {
      const p = await put(s, cel(I.aantal, W.west, { waarde: 1 }));
      assert.equal(p.res.status, 403, p.text);
      await assertDocumented('PUT', KW, p);
    }
    const tl = await asSession(S.tl, `${KW}?periode=${P}`);
    assert.equal(tl.res.status, 403, tl.text);
    await assertDocumented('GET', KW, tl);
  });

  test('a bad or missing periode or indicator_id is a 400', async () => {
    for (const q of ['', 'periode=2031-H3', `periode=${P}&indicator_id=abc`]) {
      const r = await asSession(S.werkom, `${KW}?${q}`);
      assert.equal(r.res.status, 400, `${q}: ${r.text}`);
      await assertDocumented('GET', KW, r);
    }
    const p = await put(S.werkom, { ...cel(I.aantal, W.west, { waarde: 1 }), periode: 'ooit' });
    assert.equal(p.res.status, 422, p.text);
    assert.ok(p.json.errors.some((e) => e.veld === 'periode'));
  });
});
