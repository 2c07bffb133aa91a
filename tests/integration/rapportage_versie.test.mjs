// rapportage_versie.test.mjs — a concept rapportage keeps the formatversie
// it was started on until its teamleider switches (issue 11, left for
// issue 12), and a typed value shows the previous period's vastgestelde
// value, which drives the required toelichting.
//
// The world of this file: a wijkteamorganisatie A with one wijkteam over
// one wijk W, its teamleider and medewerker; a format of keten PART with
// version 1 (2025-H1: handmatig indicators h1 and h2, an eis E) and,
// published later in the middle of 2025-H2, version 2 (2025-H2: h1 and
// a new h3, the eis E).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, created, newUser } from './lib.mjs';
import { assertDocumented } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const S = {};
const I = {};
let A;
let W;
let fid;
let v1;
let v2;
let eis;

const im = (v) => ({ 'if-match': `"${v}"` });
const put = (s, p, json, versie) => asSession(s, p, { method: 'PUT', json, headers: im(versie) });
const post = (s, p, json, versie) => asSession(s, p, { method: 'POST', json, headers: versie ? im(versie) : {} });
const lees = async (s, id) => {
  const r = await asSession(s, `/api/v1/rapportages/${id}`);
  await assertDocumented('GET', '/api/v1/rapportages/{id}', r);
  return r.json;
};
/** PUT /api/v1/rapportages/{id} (another version), checked against the document. */
const wissel = async (s, id, json, versie) => {
  const r = await asSession(s, `/api/v1/rapportages/${id}`, { method: 'PUT', json, headers: versie ? im(versie) : {} });
  await assertDocumented('PUT', '/api/v1/rapportages/{id}', r);
  return r;
};
const cel = (r, ind, wijk) => r.waarden.find((w) => w.indicator_id === ind && w.wijk_id === wijk);

before(async () => {
  const beheer = await login('beheerder');
  S.regisseur = await login('regisseur.participatie');
  const keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  const opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);
  A = (await created(beheer, '/api/v1/organisaties', {
    code: `RV-${RUN}`.toUpperCase().slice(0, 32), naam: `Versietest ${RUN}`,
    soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
  })).id;
  W = (await created(beheer, '/api/v1/wijken', {
    code: `RVW-${RUN}`.toUpperCase().slice(0, 32), naam: `Versiewijk ${RUN}`, geldig_van: '2020-01-01',
  })).id;
  await created(beheer, '/api/v1/wijkteams', {
    code: `RVT-${RUN}`.toUpperCase().slice(0, 32), naam: 'Versieteam', geldig_van: '2020-01-01',
    organisatie_id: A, wijk_ids: [W],
  });
  S.tl = await newUser(beheer, `rv.tl.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: A });
  S.mw = await newUser(beheer, `rv.mw.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: A });
  for (const k of ['h1', 'h2', 'h3']) {
    I[k] = (await created(beheer, '/api/v1/indicatoren', {
      code: `rv_${k}_${RUN}`, naam: `Versietest ${k}`, definitie: `Test ${k}.`, doel: 'Testen.',
      keten_id: keten, bron: 'handmatig', eenheid: 'aantal', drempel_vorige_periode: 50,
    })).id;
  }
  eis = (await created(beheer, '/api/v1/eisen', {
    opdracht_id: opdracht, code: `RV-${RUN}`.toUpperCase().slice(0, 32), omschrijving: 'Een testeis.',
    bron: 'pve', geldig_van: '2020-01-01',
  })).id;
  fid = (await created(S.regisseur, '/api/v1/formats', {
    code: `rv_${RUN}`, naam: 'Versietest', omschrijving: 'Voor de test.', keten_id: keten,
  })).id;
  const versie = async (nummer, eerste, items, reden) => {
    await created(S.regisseur, `/api/v1/formats/${fid}/versies`, {
      eerste_periode: eerste, secties: [{ titel: 'Cijfers', items }, { titel: 'Eisen', items: [{ soort: 'eis', eis_id: eis }] }],
    });
    const p = await post(S.regisseur, `/api/v1/formats/${fid}/versies/${nummer}/publiceren`, { reden });
    assert.equal(p.res.status, 200, p.text);
    return p.json.id;
  };
  v1 = await versie(1, '2025-H1', [{ soort: 'indicator', indicator_id: I.h1 }, { soort: 'indicator', indicator_id: I.h2 }],
    'Eerste versie.');
  S.v2 = () => versie(2, '2025-H2', [
    { soort: 'indicator', indicator_id: I.h1, lijn: 'vergelijkbaar', vorige_indicator_id: I.h1 },
    { soort: 'indicator', indicator_id: I.h3, lijn: 'niet_vergelijkbaar' },
  ], 'De wachtlijst telt voortaan apart.');
});

/** Fills every value of rapportage id with n (and the eis), as s. */
async function vul(s, id, n, toelichting) {
  const r = await lees(s, id);
  for (const w of r.waarden) {
    const x = await put(s, `/api/v1/rapportages/${id}/waarden/${w.id}`, { waarde: String(n), toelichting }, w.versie);
    assert.equal(x.res.status, 200, x.text);
  }
  for (const e of r.eisen) {
    const x = await put(s, `/api/v1/rapportages/${id}/eisen/${e.id}`, { antwoord: 'voldaan', toelichting: 'Zo is het.' }, e.versie);
    assert.equal(x.res.status, 200, x.text);
  }
}

let h1;   // the 2025-H1 rapportage
let h2;   // the 2025-H2 rapportage

test('a vastgestelde value is the previous period of the next rapportage, and a large change needs a toelichting', async () => {
  const r = await post(S.tl, '/api/v1/rapportages', { formatversie_id: v1, periode: '2025-H1', organisatie_id: A });
  assert.equal(r.res.status, 201, r.text);
  h1 = r.json.id;
  await vul(S.mw, h1, 10, null);
  let x = await lees(S.tl, h1);
  x = await post(S.tl, `/api/v1/rapportages/${h1}/indienen`, {}, x.versie);
  assert.equal(x.res.status, 200, x.text);
  x = await post(S.regisseur, `/api/v1/rapportages/${h1}/vaststellen`, {
    terugkoppeling: 'Dank, we bespreken de wachtlijst.',
    beoordelingen: x.json.eisen.map((e) => ({ antwoord_id: e.id, beoordeling: 'voldaan' })),
  }, x.json.versie);
  assert.equal(x.res.status, 200, x.text);

  const n = await post(S.tl, '/api/v1/rapportages', { formatversie_id: v1, periode: '2025-H2', organisatie_id: A });
  assert.equal(n.res.status, 201, n.text);
  h2 = n.json.id;
  // h1 in W was 10 in 2025-H1: beside the empty value of 2025-H2.
  assert.equal(cel(n.json, I.h1, W).vorige_periode, 10);
  assert.equal(cel(n.json, I.h1, null).vorige_periode, 10);
  // 15 is +50 %: not more than the drempel of 50; 16 is.
  const c = cel(n.json, I.h1, W);
  let p = await put(S.mw, `/api/v1/rapportages/${h2}/waarden/${c.id}`, { waarde: '15' }, c.versie);
  assert.equal(p.res.status, 200, p.text);
  assert.equal(p.json.toelichting_nodig, false);
  p = await put(S.mw, `/api/v1/rapportages/${h2}/waarden/${c.id}`, { waarde: '16' }, p.json.versie);
  assert.equal(p.json.toelichting_nodig, true);
  assert.match(p.json.toelichting_reden, /vorige periode/);
});

test('a newer version published mid-period is shown on the concept, which keeps its own until the teamleider switches', async () => {
  v2 = await S.v2();
  let r = await lees(S.tl, h2);
  assert.equal(r.formatversie_id, v1);
  assert.deepEqual(r.nieuwere_versie, { formatversie_id: v2, nummer: 2, reden: 'De wachtlijst telt voortaan apart.' });
  // A new rapportage of 2025-H2 could not use version 1 any more.
  const oud = await post(S.mw, '/api/v1/rapportages', { formatversie_id: v1, periode: '2025-H2', organisatie_id: A });
  assert.equal(oud.res.status, 422, oud.text);
  assert.deepEqual(oud.json.errors.map((e) => e.veld), ['formatversie_id']);

  const mw = await wissel(S.mw, h2, { formatversie_id: v2 }, r.versie);
  assert.equal(mw.res.status, 403, mw.text);
  const zonder = await wissel(S.tl, h2, { formatversie_id: v2 });
  assert.equal(zonder.res.status, 428, zonder.text);
  const verkeerd = await wissel(S.tl, h2, { formatversie_id: v1 }, r.versie);
  assert.equal(verkeerd.res.status, 422, verkeerd.text);

  const w = await wissel(S.tl, h2, { formatversie_id: v2 }, r.versie);
  assert.equal(w.res.status, 200, w.text);
  assert.equal(w.json.formatversie_id, v2);
  assert.equal(w.json.nieuwere_versie, null);
  // h1 went along with what was typed (16 in W); h2 is gone; h3 is new and empty.
  assert.equal(cel(w.json, I.h1, W).waarde, 16);
  assert.equal(cel(w.json, I.h2, W), undefined);
  assert.equal(cel(w.json, I.h3, W).herkomst, 'ontbreekt');
  assert.equal(w.json.eisen.length, 1);
  assert.equal(w.json.laatste_stap.actie, 'versie_wisselen');
  assert.equal(w.json.laatste_stap.reden, 'Van versie 1 naar versie 2 van het format.');
  const stale = await wissel(S.tl, h2, { formatversie_id: v2 }, r.versie);
  assert.equal(stale.res.status, 412, stale.text);
  const audit = await sql(`SELECT COUNT(*) FROM audit WHERE object_soort = 'rapportage' AND object_id = ${h2} AND actie = 'versie_wisselen'`);
  assert.equal(audit[0][0], '1');
});

test('a rapportage that was vastgesteld keeps its version', async () => {
  // h1 of 2025-H1 on version 1: version 2 does not apply to 2025-H1.
  let r = await lees(S.tl, h1);
  assert.equal(r.nieuwere_versie, null);
  const h = await post(S.regisseur, `/api/v1/rapportages/${h1}/heropenen`, { reden: 'Een correctie.' }, r.versie);
  assert.equal(h.res.status, 200, h.text);
  const w = await wissel(S.tl, h1, { formatversie_id: v2 }, h.json.versie);
  assert.equal(w.res.status, 409, w.text);
});

test('what a team marks niet te leveren shows in the coverage of the version, for the next one', async () => {
  const r = await lees(S.tl, h2);
  const c = cel(r, I.h3, null);
  const zonder = await put(S.mw, `/api/v1/rapportages/${h2}/waarden/${c.id}`, { niet_te_leveren: true }, c.versie);
  assert.equal(zonder.res.status, 422, zonder.text);
  assert.deepEqual(zonder.json.errors.map((e) => e.veld), ['niet_te_leveren_reden']);
  const p = await put(S.mw, `/api/v1/rapportages/${h2}/waarden/${c.id}`,
    { niet_te_leveren: true, niet_te_leveren_reden: 'Wij registreren dit niet apart.' }, c.versie);
  assert.equal(p.res.status, 200, p.text);
  assert.equal(p.json.herkomst, 'niet_te_leveren');
  assert.equal(p.json.waarde, null);
  const d = await asSession(S.regisseur, `/api/v1/formats/${fid}/versies/2/dekking`);
  assert.equal(d.res.status, 200, d.text);
  assert.deepEqual(d.json.niet_te_leveren, [{
    indicator_id: I.h3, code: `rv_h3_${RUN}`, naam: 'Versietest h3', aantal: 1,
    redenen: ['Wij registreren dit niet apart.'],
  }]);
  const v1d = await asSession(S.regisseur, `/api/v1/formats/${fid}/versies/1/dekking`);
  assert.deepEqual(v1d.json.niet_te_leveren, []);
  const pagina = await asSession(S.regisseur, `/formats/${fid}/versies/2/dekking`);
  assert.equal(pagina.res.status, 200);
  assert.match(pagina.text, /Wij registreren dit niet apart\./);
  assert.match(pagina.text, /1 keer niet te leveren/);
});
