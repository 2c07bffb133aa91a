// indicatoren.test.mjs — the indicator catalogue (issue 10) through the JSON
// API: who may write it, the four kinds of rule, the field errors of bad
// input (and that nothing is saved then), versioning of an indicator in
// use, the periodes, and the bad questions to /api/v1/waarden.
//
// Every response is checked against the OpenAPI document the server serves
// (openapi-schema.mjs): a documented status, content type and body shape.
// Every test makes its own indicators with codes unique to this run, so the
// tests depend on nothing another test or an earlier run left behind.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, looksDutch } from './lib.mjs';
import { assertDocumented, openapiDoc } from './openapi-schema.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${process.pid.toString(36)}`;
let seq = 0;
/** An indicator code nobody used before: [a-z0-9_], starts with a letter. */
const uniek = (naam) => `t${RUN}_${naam}_${++seq}`;

const S = {};   // sessions by demo user name
const ids = {}; // ids of the demo structure

async function one(q) {
  const rows = await sql(q);
  assert.equal(rows.length, 1, `one row expected from: ${q}`);
  return Number(rows[0][0]);
}

before(async () => {
  for (const u of ['beheerder', 'regisseur.participatie', 'regisseur.wmo', 'teamleider.dock',
    'medewerker.dock', 'contractmanager']) {
    S[u] = await login(u);
  }
  ids.part = await one("SELECT id FROM keten WHERE code = 'PART'");
  ids.wmo = await one("SELECT id FROM keten WHERE code = 'WMO'");
  ids.themaPart = await one(`SELECT MIN(id) FROM thema WHERE keten_id = ${ids.part}`);
  ids.breed = await one("SELECT id FROM opdracht WHERE code = 'BREED'");
  ids.eis = await one('SELECT MIN(id) FROM eis');
  ids.dock = await one("SELECT id FROM organisatie WHERE code = 'DOCK'");
  await openapiDoc();
});

// ------------------------------------------------------------------ helpers

/**
 * A request as user u to path p, checked against the document's operation
 * `method template`. Returns asSession()'s result.
 */
async function call(u, method, template, p, opts = {}) {
  const r = await asSession(S[u], p, { method, ...opts });
  await assertDocumented(method, template, r);
  return r;
}

const IND = '/api/v1/indicatoren';
const IND_ID = '/api/v1/indicatoren/{id}';

const maak = (u, body, headers = {}) => call(u, 'POST', IND, IND, { json: body, headers });
const lees = (u, id) => call(u, 'GET', IND_ID, `${IND}/${id}`);
const wijzig = (u, id, body, versie) => call(u, 'PUT', IND_ID, `${IND}/${id}`, {
  json: body, headers: versie === undefined ? {} : { 'if-match': `"${versie}"` },
});
const waarden = (u, query) => call(u, 'GET', '/api/v1/waarden', `/api/v1/waarden?${query}`);

/** A berekende indicator of keten PART with rule regel. */
function berekend(naam, regel, extra = {}) {
  return {
    code: uniek(naam),
    naam: `Test ${naam}`,
    definitie: `Wat de test ${naam} telt.`,
    doel: 'Weten of de catalogus doet wat hij belooft.',
    eenheid: 'aantal',
    keten_id: ids.part,
    bron: 'berekend',
    regel,
    ...extra,
  };
}

const TELLING = { soort: 'telling', tel: 'inwoners', type: 'startgesprek' };

/** The body of a PUT: the indicator as read, with changes. */
function alsInvoer(ind, changes = {}) {
  const {
    code, naam, definitie, doel, eenheid, keten_id, thema_id, eis_ids, drempel_vorige_periode,
    bron, aanleverende_partij, regel,
  } = ind;
  return {
    code, naam, definitie, doel, eenheid, keten_id, thema_id, eis_ids, drempel_vorige_periode,
    bron, aanleverende_partij, regel, ...changes,
  };
}

/** Creates an indicator as u and asserts 201 + Location; returns its JSON. */
async function maakOk(u, body) {
  const r = await maak(u, body);
  assert.equal(r.res.status, 201, `POST ${IND} as ${u}: ${r.text}`);
  assert.equal(r.res.headers.get('location'), `${IND}/${r.json.id}`);
  assert.equal(r.res.headers.get('etag'), `"${r.json.versie}"`);
  return r.json;
}

/** Every version in the catalogue (all pages), as ids. */
async function alleIds(query = '') {
  const out = [];
  let cursor = null;
  for (let i = 0; i < 100; i++) {
    const qs = new URLSearchParams(query);
    qs.set('limit', '500');
    if (cursor) qs.set('cursor', cursor);
    const r = await call('beheerder', 'GET', IND, `${IND}?${qs}`);
    assert.equal(r.res.status, 200, r.text);
    out.push(...r.json.items.map((x) => x.id));
    cursor = r.json.volgende;
    if (cursor === null) return out;
  }
  throw new Error('the list does not end');
}

/** Asserts a 422 with an error on field veld whose melding matches re. */
function assertVeldfout(r, veld, re) {
  assert.equal(r.res.status, 422, `expected 422 on ${veld}: ${r.res.status} ${r.text}`);
  assert.match(r.res.headers.get('content-type') || '', /application\/problem\+json/);
  const errors = r.json.errors || [];
  const e = errors.find((x) => x.veld === veld);
  assert.ok(e, `no error on ${veld}: ${JSON.stringify(errors)}`);
  assert.match(e.melding, re);
  assert.ok(!/[a-z]+_[a-z]+/.test(e.melding) || veld === 'code', `the melding names no internal code: ${e.melding}`);
}

// ------------------------------------------------------------ the four kinds

test('a beheerder creates an indicator of each kind of rule: 201 + Location, and GET returns it with its ETag', async () => {
  const telling = {
    soort: 'telling',
    tel: 'inwoners',
    type: 'startgesprek',
    filters: { met_inkomensconsulent: true },
    traject: { soort: 'participatie', opdracht_id: ids.breed },
    uitsplitsing: ['uitkomst', 'ketenstatus'],
  };
  const t = await maakOk('beheerder', berekend('startgesprekken', telling, {
    thema_id: ids.themaPart, eis_ids: [ids.eis], drempel_vorige_periode: 30,
  }));
  assert.equal(t.nummer, 1);
  assert.equal(t.versie, 1);
  assert.equal(t.vorige_id, null);
  assert.equal(t.actief, true);
  assert.equal(t.in_gebruik, false);
  assert.equal(t.bron, 'berekend');
  assert.equal(t.aanleverende_partij, null);
  assert.equal(t.keten_id, ids.part);
  assert.equal(t.thema_id, ids.themaPart);
  assert.deepEqual(t.eis_ids, [ids.eis]);
  assert.equal(t.drempel_vorige_periode, 30);
  assert.deepEqual(t.regel, telling);

  const stand = await maakOk('beheerder', berekend('wachtlijst', { soort: 'stand', toestand: 'op_wachtlijst' }));
  assert.equal(stand.drempel_vorige_periode, 25, 'the default threshold');
  const duur = await maakOk('beheerder', berekend('wachttijd', {
    soort: 'duur', van: 'overdracht_werkom', tot: 'overdracht_geaccepteerd', statistiek: 'mediaan',
  }, { eenheid: 'dagen' }));
  const verhouding = await maakOk('beheerder', berekend('aandeel', {
    soort: 'verhouding', teller: t.code, noemer: stand.code, procent: true,
  }, { eenheid: 'percentage' }));

  for (const made of [t, stand, duur, verhouding]) {
    const r = await lees('beheerder', made.id);
    assert.equal(r.res.status, 200, r.text);
    assert.equal(r.res.headers.get('etag'), `"${made.versie}"`);
    assert.deepEqual(r.json, made);
  }
  assert.equal(duur.eenheid, 'dagen');
  assert.equal(verhouding.regel.teller, t.code);

  // Each creation is audited, naming the indicator.
  const rows = await sql(`SELECT COUNT(*) FROM audit WHERE object_soort = 'indicator'`
    + ` AND actie = 'aanmaken' AND object_id IN (${[t, stand, duur, verhouding].map((x) => x.id).join(',')})`);
  assert.equal(Number(rows[0][0]), 4);
});

test('a handmatig and a ketenpartner indicator have no rule; the ketenpartner one names its partij', async () => {
  const base = berekend('handmatig', undefined, { bron: 'handmatig', eenheid: 'fte' });
  delete base.regel;
  const h = await maakOk('beheerder', base);
  assert.equal(h.regel, null);
  assert.equal(h.eenheid, 'fte');
  const k = await maakOk('beheerder', { ...base, code: uniek('werkom'), bron: 'ketenpartner', eenheid: 'aantal', aanleverende_partij: 'werkom' });
  assert.equal(k.aanleverende_partij, 'werkom');
  assert.equal(k.regel, null);
});

test('a retried POST with the same Idempotency-Key creates the indicator once', async () => {
  const body = berekend('idem', TELLING);
  const key = `ind-${RUN}-idem`;
  const a = await maak('beheerder', body, { 'idempotency-key': key });
  assert.equal(a.res.status, 201, a.text);
  const b = await maak('beheerder', body, { 'idempotency-key': key });
  assert.equal(b.res.status, 201, b.text);
  assert.equal(b.res.headers.get('idempotent-replayed'), 'true');
  assert.equal(b.json.id, a.json.id);
  assert.equal(b.res.headers.get('location'), `${IND}/${a.json.id}`);
  const r = await call('beheerder', 'GET', '/api/v1/indicatoren/{id}/versies', `${IND}/${a.json.id}/versies`);
  assert.equal(r.json.items.length, 1);
});

// ------------------------------------------------------------------ the list

test('the list filters on keten_id, bron and actief, and pages with the cursor', async () => {
  const part = await maakOk('beheerder', berekend('lijst_part', TELLING));
  const wmo = await maakOk('beheerder', berekend('lijst_wmo', TELLING, { keten_id: ids.wmo }));
  const hand = berekend('lijst_hand', undefined, { bron: 'handmatig' });
  delete hand.regel;
  const h = await maakOk('beheerder', hand);

  const lijst = async (query) => {
    const r = await call('teamleider.dock', 'GET', IND, `${IND}?${query}&limit=500`);
    assert.equal(r.res.status, 200, r.text);
    return r.json.items;
  };
  const inPart = await lijst(`keten_id=${ids.part}`);
  assert.ok(inPart.every((x) => x.keten_id === ids.part));
  assert.ok(inPart.some((x) => x.id === part.id) && inPart.some((x) => x.id === h.id));
  assert.ok(!inPart.some((x) => x.id === wmo.id));

  const berekendPart = await lijst(`keten_id=${ids.part}&bron=berekend`);
  assert.ok(berekendPart.every((x) => x.bron === 'berekend' && x.keten_id === ids.part));
  assert.ok(berekendPart.some((x) => x.id === part.id));
  assert.ok(!berekendPart.some((x) => x.id === h.id));

  const handmatig = await lijst('bron=handmatig');
  assert.ok(handmatig.every((x) => x.bron === 'handmatig'));
  assert.ok(handmatig.some((x) => x.id === h.id));

  const actief = await lijst('actief=true');
  assert.ok(actief.every((x) => x.actief === true));
  assert.ok(actief.some((x) => x.id === wmo.id));
  const oud = await lijst('actief=false');
  assert.ok(oud.every((x) => x.actief === false));
  assert.ok(!oud.some((x) => [part.id, wmo.id, h.id].includes(x.id)));

  // The cursor: pages of 2 give every version once, ascending by id.
  const all = await alleIds();
  const paged = [];
  let cursor = null;
  for (let i = 0; i < 10000; i++) {
    const r = await call('medewerker.dock', 'GET', IND, `${IND}?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
    assert.equal(r.res.status, 200, r.text);
    assert.ok(r.json.items.length <= 2);
    paged.push(...r.json.items.map((x) => x.id));
    cursor = r.json.volgende;
    if (cursor === null) break;
    assert.match(cursor, /^[1-9][0-9]*$/);
  }
  assert.deepEqual(paged, all);
  assert.deepEqual([...paged].sort((a, b) => a - b), paged);
  assert.equal(new Set(paged).size, paged.length);
  assert.ok(paged.includes(part.id) && paged.includes(wmo.id) && paged.includes(h.id));

  // Bad filters: 400, in Dutch.
  for (const q of ['keten_id=abc', 'bron=onzin', 'actief=ja', 'limit=0', 'limit=501', 'cursor=abc']) {
    const r = await call('beheerder', 'GET', IND, `${IND}?${q}`);
    assert.equal(r.res.status, 400, `${q}: ${r.text}`);
    assert.ok(looksDutch(r.json.detail), r.json.detail);
  }
});

// ------------------------------------------------------------ who may do what

test('a regisseur maintains the catalogue of their own keten only', async () => {
  const voor = (await alleIds()).length;
  const eigen = await maakOk('regisseur.participatie', berekend('regie', TELLING));
  assert.equal(eigen.keten_id, ids.part);

  const ander = await maak('regisseur.participatie', berekend('regie_wmo', TELLING, { keten_id: ids.wmo }));
  assert.equal(ander.res.status, 403, ander.text);
  assert.ok(looksDutch(ander.json.detail), ander.json.detail);

  // Nor may the Wmo regisseur change the participatie indicator, or move
  // their own into another keten.
  const w = await wijzig('regisseur.wmo', eigen.id, alsInvoer(eigen, { naam: 'Overgenomen' }), eigen.versie);
  assert.equal(w.res.status, 403, w.text);
  const wmo = await maakOk('regisseur.wmo', berekend('regie_eigen_wmo', TELLING, { keten_id: ids.wmo }));
  const weg = await wijzig('regisseur.wmo', wmo.id, alsInvoer(wmo, { keten_id: ids.part }), wmo.versie);
  assert.equal(weg.res.status, 403, weg.text);

  assert.equal((await alleIds()).length, voor + 2, 'only the two allowed creations are saved');
  assert.equal((await lees('beheerder', eigen.id)).json.naam, eigen.naam);
  assert.equal((await lees('beheerder', wmo.id)).json.keten_id, ids.wmo);
});

test('a teamleider, medewerker or contractmanager reads the catalogue but cannot write it', async () => {
  const ind = await maakOk('beheerder', berekend('alleen_lezen', TELLING));
  const voor = (await alleIds()).length;
  for (const u of ['teamleider.dock', 'medewerker.dock', 'contractmanager']) {
    const p = await maak(u, berekend(`door_${u.replace(/\W/g, '_')}`, TELLING));
    assert.equal(p.res.status, 403, `${u}: ${p.text}`);
    const w = await wijzig(u, ind.id, alsInvoer(ind, { naam: 'Niet van u' }), ind.versie);
    assert.equal(w.res.status, 403, `${u}: ${w.text}`);
    const l = await call(u, 'GET', IND, `${IND}?keten_id=${ids.part}`);
    assert.equal(l.res.status, 200, `${u}: ${l.text}`);
    const g = await lees(u, ind.id);
    assert.equal(g.res.status, 200, `${u}: ${g.text}`);
    assert.equal(g.json.naam, ind.naam);
    const v = await call(u, 'GET', '/api/v1/indicatoren/{id}/versies', `${IND}/${ind.id}/versies`);
    assert.equal(v.res.status, 200, `${u}: ${v.text}`);
  }
  assert.equal((await alleIds()).length, voor);
  const anon = await asSession(null, IND);
  await assertDocumented('GET', IND, anon);
  assert.equal(anon.res.status, 401);
  const missing = await lees('beheerder', 9007199254740991);
  assert.equal(missing.res.status, 404);
});

// ------------------------------------------------------------------ bad input

test('bad input: a 422 with a Dutch message on the right field, and nothing saved', async (t) => {
  const b = await maakOk('beheerder', berekend('kring_b', TELLING));
  const c = await maakOk('beheerder', berekend('kring_c', { soort: 'stand', toestand: 'bij_werkom' }));
  const a = await maakOk('beheerder', berekend('kring_a', { soort: 'verhouding', teller: b.code, noemer: c.code, procent: false }));
  const bestaand = await maakOk('beheerder', berekend('bestaand', TELLING));
  const voor = (await alleIds()).length;

  const zonderRegel = (extra) => {
    const x = berekend('zonder_regel', undefined, extra);
    delete x.regel;
    return x;
  };
  const eigen = uniek('eigen');
  const gevallen = [
    ['an unknown event type', berekend('onbekend_type', { ...TELLING, type: 'bestaat_niet' }),
      'regel.type', /^Onbekend soort gebeurtenis\.$/],
    ['an unknown field', berekend('onbekend_veld', { ...TELLING, filters: { bestaat_niet: 'x' } }),
      'regel.filters.bestaat_niet', /hoort niet bij dit soort gebeurtenis/],
    ['a filter value not among the field\'s values', berekend('onbekende_waarde', { ...TELLING, filters: { uitkomst: 'misschien' } }),
      'regel.filters.uitkomst', /^Kies bij .* een van deze mogelijkheden: .*Overbrugbare afstand/],
    ['a ja_nee filter that is not true or false', berekend('ja_nee', { ...TELLING, filters: { met_inkomensconsulent: 'ja' } }),
      'regel.filters.met_inkomensconsulent', /moet ja of nee zijn/],
    ['an uitsplitsing on a free-text field', berekend('tekst', { soort: 'telling', tel: 'inwoners', type: 'terug_van_werkom', uitsplitsing: ['reden'] }),
      'regel.uitsplitsing', /kan niet worden uitgesplitst: het is vrije tekst/],
    ['an uitsplitsing on a field that is the wijkteam\'s alone', berekend('wijkteam', { ...TELLING, uitsplitsing: ['hulpvragen'] }),
      'regel.uitsplitsing', /kan niet worden uitgesplitst: dit veld is alleen voor het wijkteam/],
    ['a filter on a field that is the wijkteam\'s alone', berekend('wijkteam_filter', { soort: 'telling', tel: 'inwoners', type: 'afgesloten', filters: { toelichting: 'x' } }),
      'regel.filters.toelichting', /kan niet worden gefilterd: dit veld is alleen voor het wijkteam/],
    ['a verhouding to an unknown code', berekend('onbekende_teller', { soort: 'verhouding', teller: uniek('bestaat_niet'), noemer: c.code, procent: false }),
      'regel.teller', /^Er is geen indicator met deze code\.$/],
    ['a verhouding whose teller is its own code', berekend('x', { soort: 'verhouding', teller: eigen, noemer: c.code, procent: false }, { code: eigen }),
      'regel.teller', /naar de indicator zelf/],
    ['a verhouding with the same teller and noemer', berekend('zelfde', { soort: 'verhouding', teller: c.code, noemer: c.code, procent: false }),
      'regel.noemer', /andere indicator .* dan de teller/],
    ['a rule key the kind does not know', berekend('sleutel', { soort: 'stand', toestand: 'op_wachtlijst', filters: {} }),
      'regel.filters', /Alleen een telling kan filters hebben/],
    ['an unknown rule kind', berekend('soort', { soort: 'som' }),
      'regel.soort', /^Kies een van deze soorten regel: /],
    ['an unknown toestand', berekend('toestand', { soort: 'stand', toestand: 'ergens' }),
      'regel.toestand', /^Kies een van deze toestanden: /],
    ['an unknown statistiek', berekend('statistiek', { soort: 'duur', van: 'wachtlijst_in', tot: 'wachtlijst_uit', statistiek: 'modus' }, { eenheid: 'dagen' }),
      'regel.statistiek', /^Kies een van deze statistieken: Mediaan/],
    ['a ketenpartner indicator without aanleverende_partij', zonderRegel({ bron: 'ketenpartner' }),
      'aanleverende_partij', /^Kies de partij die deze indicator aanlevert\.$/],
    ['a partij on an indicator that is no ketenpartner\'s', zonderRegel({ bron: 'handmatig', aanleverende_partij: 'werkom' }),
      'aanleverende_partij', /Alleen een indicator van een ketenpartner heeft een aanleverende partij/],
    ['an unknown partij', zonderRegel({ bron: 'ketenpartner', aanleverende_partij: 'uwv' }),
      'aanleverende_partij', /./],
    ['a regel on a handmatig indicator', berekend('hand_regel', TELLING, { bron: 'handmatig' }),
      'regel', /^Alleen een berekende indicator heeft een rekenregel\.$/],
    ['no regel on a berekende indicator', zonderRegel({}),
      'regel', /^Een berekende indicator heeft een rekenregel\.$/],
    ['a regel that is no object', berekend('regel_tekst', 'telling'),
      'regel', /JSON-object/],
    ['an eenheid that does not fit the rule (a telling in dagen)', berekend('dagen', TELLING, { eenheid: 'dagen' }),
      'eenheid', /^Deze rekenregel geeft een Aantal; kies die eenheid\.$/],
    ['an unknown eenheid', berekend('eenheid', TELLING, { eenheid: 'stuks' }),
      'eenheid', /./],
    ['an unknown bron', berekend('bron', TELLING, { bron: 'gok' }),
      'bron', /./],
    ['a code in capitals', berekend('x', TELLING, { code: `Hoofdletters${RUN}` }),
      'code', /kleine letters, cijfers en liggende streepjes/],
    ['a code with spaces', berekend('x', TELLING, { code: `met spatie ${RUN}` }),
      'code', /kleine letters, cijfers en liggende streepjes/],
    ['a code that begins with a digit', berekend('x', TELLING, { code: `1${RUN}` }),
      'code', /begint met een letter/],
    ['a duplicate code', berekend('x', TELLING, { code: bestaand.code }),
      'code', /^Er is al een indicator met deze code\.$/],
    ['an unknown keten', berekend('keten', TELLING, { keten_id: 9007199254740991 }),
      'keten_id', /Deze keten bestaat niet/],
    ['a thema of another keten', berekend('thema', TELLING, { thema_id: await one(`SELECT MIN(id) FROM thema WHERE keten_id = ${ids.wmo}`) }),
      'thema_id', /hoort niet bij de gekozen keten/],
    ['a traject filter on an unknown opdracht', berekend('opdracht', { ...TELLING, traject: { opdracht_id: 9007199254740991 } }),
      'regel.traject.opdracht_id', /Deze opdracht bestaat niet/],
    ['a drempel out of range', berekend('drempel', TELLING, { drempel_vorige_periode: 1001 }),
      'drempel_vorige_periode', /0 tot en met 1000/],
  ];
  for (const [wat, body, veld, re] of gevallen) {
    await t.test(wat, async () => {
      const r = await maak('beheerder', body);
      assertVeldfout(r, veld, re);
      assert.equal(r.json.status, 422);
      assert.ok(looksDutch(r.json.detail), r.json.detail);
    });
  }

  // A cycle of verhoudingen: a = b / c, then b = a / c.
  const kring = await wijzig('beheerder', b.id, alsInvoer(b, {
    regel: { soort: 'verhouding', teller: a.code, noemer: c.code, procent: false },
  }), b.versie);
  assertVeldfout(kring, 'regel', /verwijst via andere verhoudingen naar zichzelf terug/);
  const bNu = await lees('beheerder', b.id);
  assert.equal(bNu.json.versie, b.versie, 'b is unchanged');
  assert.deepEqual(bNu.json.regel, b.regel);

  // A bad field in a PUT changes nothing either.
  const slecht = await wijzig('beheerder', bestaand.id, alsInvoer(bestaand, { naam: 'Nieuw', eenheid: 'dagen' }), bestaand.versie);
  assertVeldfout(slecht, 'eenheid', /kies die eenheid/);
  const bestaandNu = await lees('beheerder', bestaand.id);
  assert.equal(bestaandNu.json.naam, bestaand.naam);
  assert.equal(bestaandNu.json.versie, bestaand.versie);

  assert.equal((await alleIds()).length, voor, 'no bad request saved anything');
  const codes = await sql(`SELECT COUNT(*) FROM indicator WHERE code LIKE 't${RUN}\\_zonder\\_regel%'`
    + ` OR code = '${eigen}' OR code LIKE 'hoofdletters${RUN}%'`);
  assert.equal(Number(codes[0][0]), 0);
});

test('a body that is no JSON object: 400', async () => {
  const r = await call('beheerder', 'POST', IND, IND, { json: [1, 2] });
  assert.equal(r.res.status, 400, r.text);
  const s = await call('beheerder', 'POST', IND, IND, {
    body: '{"code":', headers: { 'content-type': 'application/json' },
  });
  assert.equal(s.res.status, 400, s.text);
});

// ------------------------------------------------------------------ versions

test('versioning: in place until in use; then a change of meaning makes a new version', async () => {
  const x = await maakOk('beheerder', berekend('versies', TELLING));

  // Not in use yet: a change of rule is made in place.
  const p1 = await wijzig('beheerder', x.id, alsInvoer(x, {
    definitie: 'Een scherpere definitie.',
    regel: { ...TELLING, filters: { uitkomst: 'overbrugbaar' } },
  }), x.versie);
  assert.equal(p1.res.status, 200, p1.text);
  assert.equal(p1.res.headers.get('location'), null);
  assert.equal(p1.json.id, x.id);
  assert.equal(p1.json.versie, x.versie + 1);
  assert.equal(p1.json.nummer, 1);
  assert.equal(p1.json.in_gebruik, false);
  assert.equal(p1.res.headers.get('etag'), `"${x.versie + 1}"`);
  assert.deepEqual(p1.json.regel.filters, { uitkomst: 'overbrugbaar' });

  // Its figures are requested: the version served is in use from now on.
  const w = await waarden('beheerder', `periode=2025-H1&organisatie_id=${ids.dock}&indicator_id=${x.id}`);
  assert.equal(w.res.status, 200, w.text);
  assert.ok(w.json.items.every((it) => it.indicator_id === x.id && it.indicator_code === x.code
    && it.indicator_nummer === 1 && it.eenheid === 'aantal'));
  const inGebruik = await lees('beheerder', x.id);
  assert.equal(inGebruik.json.in_gebruik, true, 'GET /api/v1/waarden marks the version in use');
  const v1 = inGebruik.json;

  // Without If-Match: 428; with a stale one: 412. Nothing changes.
  const zonder = await wijzig('beheerder', x.id, alsInvoer(v1, { naam: 'Zonder If-Match' }));
  assert.equal(zonder.res.status, 428, zonder.text);
  const oud = await wijzig('beheerder', x.id, alsInvoer(v1, { naam: 'Verouderd' }), v1.versie - 1);
  assert.equal(oud.res.status, 412, oud.text);
  assert.match(oud.json.detail, /intussen gewijzigd/);

  // The code of an indicator in use never changes: 409.
  const code = await wijzig('beheerder', x.id, alsInvoer(v1, { code: uniek('andere_code') }), v1.versie);
  assert.equal(code.res.status, 409, code.text);
  assert.ok(looksDutch(code.json.detail), code.json.detail);
  assert.deepEqual((await lees('beheerder', x.id)).json, v1, 'nothing changed');

  // A new rule: 201 with the Location of nummer 2, which follows the old.
  const nieuweRegel = { ...TELLING, filters: { uitkomst: 'onoverbrugbaar' } };
  const p2 = await wijzig('beheerder', x.id, alsInvoer(v1, { regel: nieuweRegel }), v1.versie);
  assert.equal(p2.res.status, 201, p2.text);
  const y = p2.json;
  assert.notEqual(y.id, x.id);
  assert.equal(p2.res.headers.get('location'), `${IND}/${y.id}`);
  assert.equal(p2.res.headers.get('etag'), `"${y.versie}"`);
  assert.equal(y.code, x.code);
  assert.equal(y.nummer, 2);
  assert.equal(y.vorige_id, x.id);
  assert.equal(y.actief, true);
  assert.equal(y.in_gebruik, false);
  assert.deepEqual(y.regel, nieuweRegel);
  const xNu = (await lees('beheerder', x.id)).json;
  assert.equal(xNu.actief, false, 'the old version is no longer actief');
  assert.deepEqual(xNu.regel, v1.regel, 'the old version keeps its rule');
  assert.equal(xNu.in_gebruik, true);

  for (const id of [x.id, y.id]) {
    const v = await call('contractmanager', 'GET', '/api/v1/indicatoren/{id}/versies', `${IND}/${id}/versies`);
    assert.equal(v.res.status, 200, v.text);
    assert.deepEqual(v.json.items.map((i) => [i.id, i.nummer]), [[x.id, 1], [y.id, 2]]);
    assert.equal(v.json.volgende, null);
  }

  // Only the actief version can change: 409 on the old one.
  const opOud = await wijzig('beheerder', x.id, alsInvoer(xNu, { naam: 'Oud' }), xNu.versie);
  assert.equal(opOud.res.status, 409, opOud.text);
  assert.ok(looksDutch(opOud.json.detail), opOud.json.detail);

  // Version 2 in use too; a change of naam only stays in place (200).
  const w2 = await waarden('teamleider.dock', `periode=2025-H1&organisatie_id=${ids.dock}&indicator_id=${y.id}`);
  assert.equal(w2.res.status, 200, w2.text);
  const y1 = (await lees('beheerder', y.id)).json;
  assert.equal(y1.in_gebruik, true);
  const naam = await wijzig('beheerder', y.id, alsInvoer(y1, { naam: 'Een betere naam', doel: 'Een helderder doel.' }), y1.versie);
  assert.equal(naam.res.status, 200, naam.text);
  assert.equal(naam.json.id, y.id);
  assert.equal(naam.json.nummer, 2);
  assert.equal(naam.json.versie, y1.versie + 1);
  assert.equal(naam.json.naam, 'Een betere naam');
  assert.equal(naam.json.actief, true);
  const v = await call('beheerder', 'GET', '/api/v1/indicatoren/{id}/versies', `${IND}/${y.id}/versies`);
  assert.equal(v.json.items.length, 2, 'no third version');

  // The list of actief versions has the new one, not the old.
  const actief = (await call('beheerder', 'GET', IND, `${IND}?actief=true&keten_id=${ids.part}&limit=500`)).json.items.map((i) => i.id);
  assert.ok(actief.includes(y.id) && !actief.includes(x.id));
});

test('the teller and noemer of a verhouding whose figures went out are in use too', async () => {
  const teller = await maakOk('beheerder', berekend('deel_teller', TELLING));
  const noemer = await maakOk('beheerder', berekend('deel_noemer', { soort: 'telling', tel: 'inwoners', type: 'wachtlijst_in' }));
  const v = await maakOk('beheerder', berekend('deel_verhouding', {
    soort: 'verhouding', teller: teller.code, noemer: noemer.code, procent: true,
  }, { eenheid: 'percentage' }));
  const q = `periode=2025-H1&organisatie_id=${ids.dock}&indicator_id=${v.id}`;
  const w = await waarden('beheerder', q);
  assert.equal(w.res.status, 200, w.text);
  const n = w.json.items.length;
  assert.ok(n > 0, 'the verhouding has figures');

  // The verhouding's figures are the teller's and the noemer's: they went
  // out, so neither may change its meaning in place or lose its code.
  const t1 = (await lees('beheerder', teller.id)).json;
  const n1 = (await lees('beheerder', noemer.id)).json;
  assert.equal(t1.in_gebruik, true, 'the teller is in use');
  assert.equal(n1.in_gebruik, true, 'the noemer is in use');
  const hernoemd = await wijzig('beheerder', teller.id, alsInvoer(t1, { code: uniek('hernoemd') }), t1.versie);
  assert.equal(hernoemd.res.status, 409, hernoemd.text);
  const nieuw = await wijzig('beheerder', noemer.id, alsInvoer(n1, { regel: { ...n1.regel, tel: 'trajecten' } }), n1.versie);
  assert.equal(nieuw.res.status, 201, nieuw.text);
  assert.equal(nieuw.json.nummer, 2);
  assert.equal((await lees('beheerder', noemer.id)).json.actief, false, 'the old noemer keeps its meaning');

  // The verhouding still answers.
  const w2 = await waarden('beheerder', q);
  assert.equal(w2.res.status, 200, w2.text);
  assert.equal(w2.json.items.length, n);
});

// ------------------------------------------------------------------ periodes

test('GET /api/v1/periodes/{code}: first and last day and the previous period', async () => {
  const per = (code) => call('medewerker.dock', 'GET', '/api/v1/periodes/{code}', `/api/v1/periodes/${code}`);
  const verwacht = {
    '2024-H1': ['halfjaar', '2024-01-01', '2024-06-30', '2023-H2'],
    '2024-H2': ['halfjaar', '2024-07-01', '2024-12-31', '2024-H1'],
    '2024-Q3': ['kwartaal', '2024-07-01', '2024-09-30', '2024-Q2'],
    '2024-Q1': ['kwartaal', '2024-01-01', '2024-03-31', '2023-Q4'],
    2024: ['jaar', '2024-01-01', '2024-12-31', '2023'],
  };
  for (const [code, [soort, eerste, laatste, vorige]] of Object.entries(verwacht)) {
    const r = await per(code);
    assert.equal(r.res.status, 200, `${code}: ${r.text}`);
    assert.deepEqual([r.json.code, r.json.soort, r.json.eerste_dag, r.json.laatste_dag, r.json.vorige],
      [code, soort, eerste, laatste, vorige], code);
    assert.ok(r.json.label.length > 0);
  }
  for (const code of ['2024-H3', '2024-Q5', '2024-h1', '24-H1']) {
    const r = await per(code);
    assert.equal(r.res.status, 404, `${code}: ${r.text}`);
  }
});

// ------------------------------------------------------------------ waarden

test('GET /api/v1/waarden: a missing or wrong periode or organisatie_id is a 422 naming the field', async () => {
  const org = `organisatie_id=${ids.dock}&keten_id=${ids.part}`;
  const gevallen = [
    [org, 'periode', /Kies een periode/],
    [`periode=2024-H3&${org}`, 'periode', /Dit is geen periode/],
    [`periode=2024-H1&organisatie_id=abc&keten_id=${ids.part}`, 'organisatie_id', /Geef een id/],
    [`periode=2024-H1&keten_id=${ids.part}`, 'organisatie_id', /Kies een organisatie/],
    [`periode=2024-H1&organisatie_id=${ids.dock}&keten_id=0`, 'keten_id', /Geef een id/],
    [`periode=2024-H1&organisatie_id=${ids.dock}`, 'keten_id', /Kies een keten of een indicator/],
  ];
  for (const [query, veld, re] of gevallen) {
    const r = await waarden('beheerder', query);
    assertVeldfout(r, veld, re);
  }
  // Both wrong: both named.
  const beide = await waarden('beheerder', `periode=2024-H3&organisatie_id=abc&keten_id=${ids.part}`);
  assert.equal(beide.res.status, 422);
  assert.deepEqual(beide.json.errors.map((e) => e.veld).sort(), ['organisatie_id', 'periode']);

  const onbekend = await waarden('beheerder', `periode=2024-H1&organisatie_id=${ids.dock}&indicator_id=9007199254740991`);
  assert.equal(onbekend.res.status, 404, onbekend.text);

  // A whole keten answers, in the document's shape.
  const keten = await waarden('contractmanager', `periode=2025-H1&organisatie_id=${ids.dock}&keten_id=${ids.part}`);
  assert.equal(keten.res.status, 200, keten.text);
});

test('GET /api/v1/waarden/herkomst: 403 for aggregate-only viewers, 422 without indicator_id', async () => {
  const ind = await maakOk('beheerder', berekend('herkomst', TELLING));
  const H = '/api/v1/waarden/herkomst';
  const q = `periode=2025-H1&organisatie_id=${ids.dock}&indicator_id=${ind.id}`;
  for (const u of ['beheerder', 'contractmanager', 'regisseur.participatie']) {
    const r = await call(u, 'GET', H, `${H}?${q}`);
    assert.equal(r.res.status, 403, `${u}: ${r.text}`);
  }
  const eigen = await call('teamleider.dock', 'GET', H, `${H}?${q}`);
  assert.equal(eigen.res.status, 200, eigen.text);
  const zonder = await call('teamleider.dock', 'GET', H, `${H}?periode=2025-H1&organisatie_id=${ids.dock}`);
  assertVeldfout(zonder, 'indicator_id', /Kies de indicator/);
  const slecht = await call('teamleider.dock', 'GET', H, `${H}?periode=2025-H3&organisatie_id=${ids.dock}&indicator_id=${ind.id}`);
  assertVeldfout(slecht, 'periode', /Dit is geen periode/);
});
