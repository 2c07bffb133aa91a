// registratie.test.mjs — registration (issue 4): inwoners, trajecten,
// gebeurtenissen and the ketenstatus through the JSON API and the pages,
// as the wijkteam and as each ketenpartner would use them.
//
// Every test creates the inwoners it needs (unique names, fresh BSNs) and
// relies on nothing another test left behind. Dates are relative to today,
// so the overdracht termijn (14 days by default) and the waiting times
// mean the same whenever this runs.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useStackLock, login, asSession, sql, VAR, looksDutch, sleep } from './lib.mjs';

useStackLock(before, after);

// ------------------------------------------------------------------ helpers

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// Full-text search needs words of 3+ letters; digits are words too, so the
// run id makes names unique and findable.
let seq = 0;
const uniekeNaam = (voornaam = 'Testinwoner') => `${voornaam} Reg${RUN}x${++seq}`;

const BSNS = [];          // every full BSN this file sent, to grep the logs
/** A random BSN that passes the 11-proef. */
function nieuwBsn() {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const som = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const laatste = som % 11;
    if (laatste === 10) continue;
    const bsn = d.join('') + String(laatste);
    BSNS.push(bsn);
    return bsn;
  }
}

/** YYYY-MM-DD, n days from today (negative: ago). */
function dag(n) {
  const t = new Date();
  t.setUTCHours(12, 0, 0, 0);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}

const S = {};             // sessions by demo user name
const ids = {};           // ids of the demo structure
let volgnr = 0;
const idemKey = () => `reg-${RUN}-${++volgnr}`;

async function one(q) {
  const rows = await sql(q);
  assert.equal(rows.length, 1, `one row expected from: ${q}`);
  return rows[0][0];
}

/** The DOCK wijkteams (ids) and one of another organisation. */
async function structuur() {
  ids.dock = Number(await one("SELECT id FROM organisatie WHERE code = 'DOCK'"));
  ids.incluzio = Number(await one("SELECT id FROM organisatie WHERE code = 'INCLUZIO'"));
  ids.werkom = Number(await one("SELECT id FROM organisatie WHERE keten_partij = 'werkom'"));
  const teams = await sql('SELECT wo.wijkteam_id, wo.organisatie_id, wt.naam FROM wijkteam_organisatie wo'
    + ' JOIN wijkteam wt ON wt.id = wo.wijkteam_id WHERE wo.geldig_van <= CURDATE()'
    + ' AND (wo.geldig_tot IS NULL OR wo.geldig_tot >= CURDATE()) ORDER BY wo.wijkteam_id');
  ids.dockTeams = teams.filter((t) => Number(t[1]) === ids.dock).map((t) => Number(t[0]));
  ids.incluzioTeams = teams.filter((t) => Number(t[1]) === ids.incluzio).map((t) => Number(t[0]));
  ids.teamNaam = Object.fromEntries(teams.map((t) => [Number(t[0]), t[2]]));
  assert.ok(ids.dockTeams.length >= 2 && ids.incluzioTeams.length >= 1, 'demo wijkteams');
  ids.wijkteam = ids.dockTeams[0];
  ids.wijkteam2 = ids.dockTeams[1];
  ids.wijk = Number(await one('SELECT MIN(id) FROM wijk'));
  ids.thema = Number(await one('SELECT MIN(id) FROM thema WHERE geldig_tot IS NULL'));
  ids.opdracht = Number(await one("SELECT id FROM opdracht WHERE code = 'BREED'"));
}

const post = (s, p, json, headers = {}) => asSession(s, p, { method: 'POST', json, headers });
const put = (s, p, json, headers = {}) => asSession(s, p, { method: 'PUT', json, headers });

/** Creates an inwoner as s (medewerker.dock by default); returns the body. */
async function maakInwoner({ s = S['medewerker.dock'], bsn, naam = uniekeNaam(), wijk_id = ids.wijk } = {}) {
  const body = { naam, geboortejaar: 1984, wijk_id };
  if (bsn) body.bsn = bsn;
  const r = await post(s, '/api/v1/inwoners', body);
  assert.equal(r.res.status, 201, `create inwoner: ${r.text}`);
  return r.json;
}

async function maakTraject(inwonerId, { s = S['medewerker.dock'], wijkteam_id = ids.wijkteam, startdatum = dag(-90) } = {}) {
  const r = await post(s, `/api/v1/inwoners/${inwonerId}/trajecten`, {
    soort: await trajectSoort(), thema_id: ids.thema, opdracht_id: ids.opdracht, wijkteam_id, startdatum,
  });
  assert.equal(r.res.status, 201, `create traject: ${r.text}`);
  return r.json;
}

let soortCache;
async function trajectSoort() {
  if (soortCache) return soortCache;
  // The soorten are declared in src/domain/traject.c; the new-traject form
  // lists them as options of the select "soort".
  const r = await asSession(S['medewerker.dock'], `/registratie/inwoners/${await anyInwoner()}/trajecten/nieuw`);
  assert.equal(r.res.status, 200, 'traject form');
  const sel = r.text.match(/<select[^>]*name="soort"[\s\S]*?<\/select>/);
  assert.ok(sel, 'the traject form has a select "soort"');
  const opt = [...sel[0].matchAll(/<option value="([^"]+)"/g)].map((m) => m[1]);
  assert.ok(opt.length > 0, 'traject soorten');
  soortCache = opt[0];
  return soortCache;
}

let anyId;
async function anyInwoner() {
  if (!anyId) anyId = (await maakInwoner()).id;
  return anyId;
}

async function gebeurtenis(s, inwonerId, body, status = 201, headers = {}) {
  const r = await post(s, `/api/v1/inwoners/${inwonerId}/gebeurtenissen`, body, headers);
  assert.equal(r.res.status, status, `gebeurtenis ${body.type}: ${r.text}`);
  return r;
}

const ketenstatus = async (s, id) => {
  const r = await asSession(s, `/api/v1/inwoners/${id}/ketenstatus`);
  assert.equal(r.res.status, 200, `ketenstatus: ${r.text}`);
  return r.json;
};

const maxAudit = async () => Number(await one('SELECT COALESCE(MAX(id), 0) FROM audit'));
const gebruikerId = async (naam) => Number(await one(`SELECT id FROM gebruiker WHERE gebruikersnaam = '${naam}'`));

/** All pages of a list API (follows volgende). */
async function allePaginas(s, p) {
  const items = [];
  let url = p;
  for (let i = 0; i < 50; i++) {
    const r = await asSession(s, url);
    assert.equal(r.res.status, 200, `${url}: ${r.text}`);
    items.push(...r.json.items);
    if (!r.json.volgende) return items;
    url = `${p}${p.includes('?') ? '&' : '?'}cursor=${encodeURIComponent(r.json.volgende)}`;
  }
  throw new Error(`more than 50 pages of ${p}`);
}

/** Sets up an inwoner with traject, startgesprek and wachtlijst_in. */
async function inwonerMetStart({ bsn } = {}) {
  const inw = await maakInwoner({ bsn });
  const trj = await maakTraject(inw.id);
  const sg = await gebeurtenis(S['medewerker.dock'], inw.id, {
    type: 'startgesprek', datum: dag(-60), traject_id: trj.id,
    gegevens: { uitkomst: 'overbrugbaar', met_inkomensconsulent: true, hulpvragen: 'Schulden en huisvesting' },
  });
  return { inw, trj, sg: sg.json };
}

before(async () => {
  for (const u of ['medewerker.dock', 'medewerker.incluzio', 'teamleider.dock', 'teamleider.incluzio',
    'ketenpartner.werkom', 'ketenpartner.uitkeringen', 'ketenpartner.naleving']) {
    S[u] = await login(u);
  }
  await structuur();
});

// ------------------------------------------------------------------ tests

describe('the full flow as medewerker.dock', () => {
  test('create with BSN, find by name and BSN, open a traject, startgesprek, wachtlijst, ketenstatus', async () => {
    const md = S['medewerker.dock'];
    const bsn = nieuwBsn();
    const naam = uniekeNaam('Floortje');
    const inw = await maakInwoner({ bsn, naam });
    assert.equal(inw.naam, naam);
    assert.equal(inw.geboortejaar, 1984);
    assert.equal(inw.wijk_id, ids.wijk);
    assert.equal(typeof inw.id, 'number');
    assert.equal(inw.versie, 1);
    assert.equal(inw.bsn_gemaskeerd, `*****${bsn.slice(5)}`);
    assert.ok(!('bsn' in inw), 'the BSN is write-only');
    assert.equal(inw.ketenstatus.partij.soort, 'geen');

    // Search by name (a part of it) and by BSN, both in a POST body.
    const opNaam = await post(md, '/api/v1/inwoners/zoeken', { naam: naam.split(' ')[1] });
    assert.equal(opNaam.res.status, 200, opNaam.text);
    assert.deepEqual(opNaam.json.items.map((i) => i.id), [inw.id]);
    assert.ok('volgende' in opNaam.json);
    const opBsn = await post(md, '/api/v1/inwoners/zoeken', { bsn });
    assert.equal(opBsn.res.status, 200, opBsn.text);
    assert.deepEqual(opBsn.json.items.map((i) => i.id), [inw.id]);
    assert.ok(!opBsn.text.includes(bsn), 'the search answer does not contain the BSN');
    // Exact match only: another valid BSN finds nobody.
    const ander = await post(md, '/api/v1/inwoners/zoeken', { bsn: nieuwBsn() });
    assert.equal(ander.res.status, 200);
    assert.deepEqual(ander.json.items, []);
    // BSN with the separators people type.
    const gespatieerd = await post(md, '/api/v1/inwoners/zoeken', { bsn: `${bsn.slice(0, 4)}.${bsn.slice(4, 6)}.${bsn.slice(6)}` });
    assert.deepEqual(gespatieerd.json.items.map((i) => i.id), [inw.id]);

    const trj = await maakTraject(inw.id);
    assert.equal(trj.inwoner_id, inw.id);
    assert.equal(trj.wijkteam_id, ids.wijkteam);
    assert.equal(trj.thema_id, ids.thema);
    assert.equal(trj.opdracht_id, ids.opdracht);
    assert.equal(trj.startdatum, dag(-90));
    assert.equal(trj.einddatum, null);
    assert.equal(trj.versie, 1);
    const lijst = await asSession(md, `/api/v1/inwoners/${inw.id}/trajecten`);
    assert.equal(lijst.res.status, 200);
    assert.deepEqual(lijst.json.items.map((t) => t.id), [trj.id]);

    const sg = await gebeurtenis(md, inw.id, {
      type: 'startgesprek', datum: dag(-60), traject_id: trj.id,
      gegevens: { uitkomst: 'onoverbrugbaar', hulpvragen: 'Eenzaamheid' },
    });
    assert.match(sg.res.headers.get('location') || '', new RegExp(`^/api/v1/inwoners/${inw.id}/gebeurtenissen/\\d+$`));
    assert.equal(sg.json.type, 'startgesprek');
    assert.equal(sg.json.gegevens.hulpvragen, 'Eenzaamheid', 'the wijkteam sees its own notes');
    let ks = await ketenstatus(md, inw.id);
    assert.deepEqual(ks, { partij: { soort: 'wijkteam', id: ids.wijkteam, naam: ids.teamNaam[ids.wijkteam] }, sinds: dag(-60) });

    await gebeurtenis(md, inw.id, { type: 'wachtlijst_in', datum: dag(-50), traject_id: trj.id, gegevens: { reden: 'Geen plek' } });
    ks = await ketenstatus(md, inw.id);
    assert.equal(ks.partij.soort, 'wijkteam');
    assert.equal(ks.sinds, dag(-60), 'the same holder keeps its "sinds"');
    const geb = await asSession(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.equal(geb.res.status, 200);
    assert.deepEqual(geb.json.items.map((g) => g.type), ['startgesprek', 'wachtlijst_in']);
    for (const g of geb.json.items) assert.equal(g.vervallen_door, null);
    const lees = await asSession(md, `/api/v1/inwoners/${inw.id}`);
    assert.equal(lees.res.status, 200);
    assert.equal(lees.res.headers.get('etag'), '"1"');
    assert.deepEqual(lees.json.ketenstatus, ks);

    // On the teamleider's wachtlijst of that wijkteam, with waiting days.
    const wl = await allePaginas(S['teamleider.dock'], `/api/v1/wachtlijst?wijkteam_id=${ids.wijkteam}&limit=500`);
    const mijn = wl.find((w) => w.inwoner_id === inw.id);
    assert.ok(mijn, 'the inwoner is on the wachtlijst');
    assert.equal(mijn.sinds, dag(-50));
    assert.equal(mijn.wachtdagen, 50);
    assert.equal(mijn.uitkering_afgewezen_op, null);
  });

  test('name search: every word counts, prefixes from three letters, case and accents ignored', async () => {
    const md = S['medewerker.dock'];
    const tag = `Zk${RUN}`;   // a word no other inwoner has
    const a = await post(md, '/api/v1/inwoners', { naam: `${tag} Li Vriesema-Öztürk`, geboortejaar: 1980, wijk_id: ids.wijk },
      { 'Idempotency-Key': idemKey() });
    assert.equal(a.res.status, 201, a.text);
    const zoek = async (naam) => {
      const r = await post(md, '/api/v1/inwoners/zoeken', { naam });
      assert.equal(r.res.status, 200, r.text);
      assert.equal(typeof r.json.meer_gevonden, 'boolean');
      assert.equal(r.json.volgende, null, 'a name search has no next page');
      return r.json.items.map((i) => i.id);
    };
    assert.deepEqual(await zoek(`${tag.toLowerCase()} VRIES`), [a.json.id], 'a prefix, any case');
    assert.deepEqual(await zoek(`${tag} oztu`), [a.json.id], 'accents ignored');
    assert.deepEqual(await zoek(`${tag} li`), [a.json.id], 'a two-letter word as itself');
    assert.deepEqual(await zoek(`${tag} l`), [], 'and never as a prefix');
    assert.deepEqual(await zoek(`${tag} Jansen`), [], 'every word must match');
    const leeg = await post(md, '/api/v1/inwoners/zoeken', { naam: '- -' });
    assert.equal(leeg.res.status, 422);
    assert.equal(leeg.json.errors[0].veld, 'naam');
    // A rename rewrites the words.
    const put1 = await put(md, `/api/v1/inwoners/${a.json.id}`, { naam: `${tag} Anders`, geboortejaar: 1980, wijk_id: ids.wijk },
      { 'If-Match': '"1"' });
    assert.equal(put1.res.status, 200, put1.text);
    assert.deepEqual(await zoek(`${tag} vriesema`), []);
    assert.deepEqual(await zoek(`${tag} anders`), [a.json.id]);
  });

  test('invalid input is refused field by field, in Dutch', async () => {
    const md = S['medewerker.dock'];
    const r = await post(md, '/api/v1/inwoners', { naam: '', geboortejaar: 1800, wijk_id: 999999 });
    assert.equal(r.res.status, 422);
    assert.match(r.res.headers.get('content-type') || '', /problem\+json/);
    const velden = r.json.errors.map((e) => e.veld).sort();
    assert.deepEqual(velden, ['geboortejaar', 'naam', 'wijk_id']);
    for (const e of r.json.errors) assert.ok(looksDutch(e.melding) || /verplicht|jaartal|bestaat/.test(e.melding), e.melding);
    const inw = await maakInwoner();
    const trj = await maakTraject(inw.id);
    // An unknown type, a payload field the type does not have, a wrong choice.
    const t = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'bestaat_niet', datum: dag(0), traject_id: trj.id });
    assert.equal(t.res.status, 422);
    assert.deepEqual(t.json.errors.map((e) => e.veld), ['type']);
    const g = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, {
      type: 'startgesprek', datum: dag(0), traject_id: trj.id, gegevens: { uitkomst: 'misschien', extra: 1 },
    });
    assert.equal(g.res.status, 422);
    assert.deepEqual(g.json.errors.map((e) => e.veld).sort(), ['extra', 'uitkomst']);
    const n = await one(`SELECT COUNT(*) FROM gebeurtenis WHERE inwoner_id = ${inw.id}`);
    assert.equal(n, '0', 'nothing written on bad input');
  });
});

describe('the ketenpartner sees only its keten', () => {
  let inw; let trj; let sg;

  before(async () => {
    ({ inw, trj, sg } = await inwonerMetStart());
    await gebeurtenis(S['medewerker.dock'], inw.id, { type: 'wachtlijst_in', datum: dag(-55), traject_id: trj.id });
  });

  test('Uitkeringen sees the startgesprek without the key "hulpvragen", and no trajecten', async () => {
    const ku = S['ketenpartner.uitkeringen'];
    const r = await asSession(ku, `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.equal(r.res.status, 200, r.text);
    const start = r.json.items.find((g) => g.id === sg.id);
    assert.ok(start, 'Uitkeringen sees the startgesprek');
    assert.equal(start.gegevens.uitkomst, 'overbrugbaar');
    assert.equal(start.gegevens.met_inkomensconsulent, true);
    assert.ok(!Object.hasOwn(start.gegevens, 'hulpvragen'), 'hulpvragen is absent, not just empty');
    assert.ok(!r.text.includes('Schulden en huisvesting'), 'the note is nowhere in the answer');
    // The wijkteam sees the note.
    const w = await asSession(S['medewerker.dock'], `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.equal(w.json.items.find((g) => g.id === sg.id).gegevens.hulpvragen, 'Schulden en huisvesting');
    // The inwoner page of Uitkeringen does not show it either.
    const page = await asSession(ku, `/registratie/inwoners/${inw.id}`);
    assert.equal(page.res.status, 200);
    assert.ok(!page.text.includes('Schulden en huisvesting'));
    assert.ok(!page.text.includes('Hulpvragen'));

    const t = await asSession(ku, `/api/v1/inwoners/${inw.id}/trajecten`);
    assert.equal(t.res.status, 403);
    const tp = await post(ku, `/api/v1/inwoners/${inw.id}/trajecten`, {
      soort: await trajectSoort(), thema_id: ids.thema, opdracht_id: ids.opdracht, wijkteam_id: ids.wijkteam, startdatum: dag(-1),
    });
    assert.equal(tp.res.status, 403);
    // Sees the inwoner and the ketenstatus.
    const ks = await ketenstatus(ku, inw.id);
    assert.equal(ks.partij.soort, 'wijkteam');
  });

  test('Uitkeringen registers an uitkeringsbesluit, and not the wijkteam\'s events', async () => {
    const ku = S['ketenpartner.uitkeringen'];
    const r = await gebeurtenis(ku, inw.id, { type: 'uitkeringsbesluit', datum: dag(-45), gegevens: { besluit: 'afgewezen' } });
    assert.equal(r.json.type, 'uitkeringsbesluit');
    assert.equal(r.json.traject_id, trj.id, 'defaults to the traject of the events Uitkeringen sees');
    const row = await sql(`SELECT partij, organisatie_id FROM gebeurtenis WHERE id = ${r.json.id}`);
    assert.deepEqual(row, [['uitkeringen', String(await one("SELECT id FROM organisatie WHERE keten_partij = 'uitkeringen'"))]]);
    await gebeurtenis(ku, inw.id, { type: 'startgesprek', datum: dag(-44), gegevens: { uitkomst: 'overbrugbaar' } }, 403);
    // The wachtlijst with "uitkering afgewezen" now lists this inwoner.
    const af = await allePaginas(S['teamleider.dock'], `/api/v1/wachtlijst?afgewezen=1&wijkteam_id=${ids.wijkteam}&limit=500`);
    const mijn = af.find((w) => w.inwoner_id === inw.id);
    assert.ok(mijn, 'on the afgewezen list');
    assert.equal(mijn.uitkering_afgewezen_op, dag(-45));
  });

  test('Werkom cannot see the inwoner until an overdracht, then accepts it: the ketenstatus moves to Werkom', async () => {
    const kw = S['ketenpartner.werkom'];
    for (const p of [`/api/v1/inwoners/${inw.id}`, `/api/v1/inwoners/${inw.id}/gebeurtenissen`,
      `/api/v1/inwoners/${inw.id}/ketenstatus`, `/registratie/inwoners/${inw.id}`]) {
      const r = await asSession(kw, p);
      assert.equal(r.res.status, 404, `before the overdracht: ${p}`);
    }
    await gebeurtenis(kw, inw.id, { type: 'overdracht_geaccepteerd', datum: dag(-1) }, 404);
    const lijst = await allePaginas(kw, '/api/v1/inwoners?limit=500');
    assert.ok(!lijst.some((i) => i.id === inw.id), 'not in Werkom\'s list');

    await gebeurtenis(S['medewerker.dock'], inw.id, { type: 'overdracht_werkom', datum: dag(-30), traject_id: trj.id, gegevens: { warm: true } });
    const na = await asSession(kw, `/api/v1/inwoners/${inw.id}`);
    assert.equal(na.res.status, 200, na.text);
    assert.equal(na.json.ketenstatus.partij.soort, 'wijkteam', 'the wijkteam holds them until Werkom accepts');
    const geb = await asSession(kw, `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.equal(geb.res.status, 200);
    assert.deepEqual(geb.json.items.map((g) => g.type), ['overdracht_werkom'], 'Werkom sees only the handovers');
    // Open for more than the termijn: on the reconciliation list of both sides.
    for (const u of ['ketenpartner.werkom', 'teamleider.dock']) {
      const o = await asSession(S[u], '/api/v1/overdrachten');
      assert.equal(o.res.status, 200);
      const item = o.json.items.find((i) => i.inwoner_id === inw.id);
      assert.ok(item, `${u}: the open overdracht is listed`);
      assert.equal(item.soort, 'overdracht_open');
      assert.equal(item.dagen, 30);
    }

    const acc = await gebeurtenis(kw, inw.id, { type: 'overdracht_geaccepteerd', datum: dag(-20) });
    assert.equal(acc.json.partij, 'werkom');
    const ks = await ketenstatus(S['medewerker.dock'], inw.id);
    assert.deepEqual(ks, { partij: { soort: 'werkom', id: ids.werkom, naam: await one(`SELECT naam FROM organisatie WHERE id = ${ids.werkom}`) }, sinds: dag(-20) });
    assert.deepEqual(await ketenstatus(kw, inw.id), ks);
    const o = await asSession(kw, '/api/v1/overdrachten');
    assert.ok(!o.json.items.some((i) => i.inwoner_id === inw.id && i.soort === 'overdracht_open'), 'accepted: off the list');
    // Uitkeringen still does not see the handovers.
    const ku = await asSession(S['ketenpartner.uitkeringen'], `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.ok(!ku.json.items.some((g) => g.type.startsWith('overdracht')), 'Uitkeringen does not see Werkom\'s events');
    // Naleving is not involved at all.
    const kn = await asSession(S['ketenpartner.naleving'], `/api/v1/inwoners/${inw.id}`);
    assert.equal(kn.res.status, 404);
  });

  test('a ketenpartner cannot create or change inwoners', async () => {
    const kw = S['ketenpartner.werkom'];
    const r = await post(kw, '/api/v1/inwoners', { naam: uniekeNaam(), geboortejaar: 1990, wijk_id: ids.wijk });
    assert.equal(r.res.status, 403);
    const p = await put(kw, `/api/v1/inwoners/${inw.id}`, { naam: 'X', geboortejaar: 1990, wijk_id: ids.wijk }, { 'if-match': '"1"' });
    assert.equal(p.res.status, 403);
  });
});

describe('cross-organisation isolation', () => {
  let inw; let trj; let bsn;

  before(async () => {
    bsn = nieuwBsn();
    ({ inw, trj } = await inwonerMetStart({ bsn }));
  });

  test('medewerker.incluzio gets 404 for DOCK\'s inwoner on every inwoner route', async () => {
    const mi = S['medewerker.incluzio'];
    const calls = [
      ['GET', `/api/v1/inwoners/${inw.id}`],
      ['PUT', `/api/v1/inwoners/${inw.id}`, { naam: 'Overgenomen', geboortejaar: 1984, wijk_id: ids.wijk }],
      ['GET', `/api/v1/inwoners/${inw.id}/trajecten`],
      ['POST', `/api/v1/inwoners/${inw.id}/trajecten`, { soort: await trajectSoort(), thema_id: ids.thema, opdracht_id: ids.opdracht, wijkteam_id: ids.incluzioTeams[0], startdatum: dag(-1) }],
      ['PUT', `/api/v1/inwoners/${inw.id}/trajecten/${trj.id}`, { soort: await trajectSoort(), thema_id: ids.thema, opdracht_id: ids.opdracht, startdatum: dag(-1) }],
      ['GET', `/api/v1/inwoners/${inw.id}/gebeurtenissen`],
      ['POST', `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'wachtlijst_in', datum: dag(-1), traject_id: trj.id }],
      ['GET', `/api/v1/inwoners/${inw.id}/ketenstatus`],
      ['GET', `/registratie/inwoners/${inw.id}`],
      ['GET', `/registratie/inwoners/${inw.id}/bewerken`],
      ['GET', `/registratie/inwoners/${inw.id}/trajecten/nieuw`],
      ['GET', `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw`],
      ['GET', `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw?type=wachtlijst_in`],
    ];
    const wrong = [];
    for (const [method, p, json] of calls) {
      const r = await asSession(mi, p, { method, json, headers: method === 'PUT' ? { 'if-match': '"1"' } : {} });
      if (r.res.status !== 404) wrong.push(`${method} ${p}: ${r.res.status}`);
      if (r.text.includes(inw.naam)) wrong.push(`${method} ${p}: shows the name`);
    }
    for (const [p, form] of [[`/registratie/inwoners/${inw.id}/bewerken`, { naam: 'Overgenomen', geboortejaar: '1984', wijk_id: String(ids.wijk), versie: '1' }],
      [`/registratie/inwoners/${inw.id}/trajecten/nieuw`, {}],
      [`/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw`, { type: 'wachtlijst_in', datum: dag(-1), traject_id: String(trj.id) }]]) {
      const r = await asSession(mi, p, { method: 'POST', form: { csrf_token: mi.csrf, ...form } });
      if (r.res.status !== 404) wrong.push(`POST ${p}: ${r.res.status}`);
    }
    assert.deepEqual(wrong, []);
    // Nothing changed.
    assert.deepEqual(await sql(`SELECT naam, versie FROM inwoner WHERE id = ${inw.id}`), [[inw.naam, '1']]);
    assert.equal(await one(`SELECT COUNT(*) FROM gebeurtenis WHERE inwoner_id = ${inw.id}`), '1');
    assert.equal(await one(`SELECT COUNT(*) FROM traject WHERE inwoner_id = ${inw.id}`), '1');
  });

  test('a search by name, by BSN or in a list finds nothing of another organisation', async () => {
    const mi = S['medewerker.incluzio'];
    const n = await post(mi, '/api/v1/inwoners/zoeken', { naam: inw.naam });
    assert.equal(n.res.status, 200);
    assert.deepEqual(n.json.items, []);
    const b = await post(mi, '/api/v1/inwoners/zoeken', { bsn });
    assert.equal(b.res.status, 200);
    assert.deepEqual(b.json.items, []);
    const w = await post(mi, '/api/v1/inwoners/zoeken', { wijk_id: String(ids.wijk), limit: '500' });
    assert.equal(w.res.status, 200);
    assert.ok(!w.json.items.some((i) => i.id === inw.id));
    const l = await asSession(mi, `/api/v1/inwoners?wijk_id=${ids.wijk}&limit=500`);
    assert.ok(!l.json.items.some((i) => i.id === inw.id));
    const page = await asSession(mi, '/registratie/inwoners/zoeken', { method: 'POST', form: { csrf_token: mi.csrf, naam: inw.naam } });
    assert.equal(page.res.status, 200);
    assert.ok(!page.text.includes(`/registratie/inwoners/${inw.id}"`), 'the page lists nobody');
    assert.match(page.text, /Niemand gevonden/);
    // The same search as DOCK does find them (the test can fail).
    const d = await post(S['medewerker.dock'], '/api/v1/inwoners/zoeken', { naam: inw.naam });
    assert.deepEqual(d.json.items.map((i) => i.id), [inw.id]);
  });

  test('Incluzio may register its own inwoner with the same BSN (per organisation)', async () => {
    const r = await post(S['medewerker.incluzio'], '/api/v1/inwoners', { naam: uniekeNaam(), geboortejaar: 1984, wijk_id: ids.wijk, bsn });
    assert.equal(r.res.status, 201, r.text);
    const dubbel = await post(S['medewerker.dock'], '/api/v1/inwoners', { naam: uniekeNaam(), geboortejaar: 1984, wijk_id: ids.wijk, bsn });
    assert.equal(dubbel.res.status, 422, 'DOCK already has this BSN');
    assert.deepEqual(dubbel.json.errors.map((e) => e.veld), ['bsn']);
    assert.ok(!dubbel.text.includes(bsn));
  });

  test('a traject on another organisation\'s wijkteam is refused with 422', async () => {
    const r = await post(S['medewerker.dock'], `/api/v1/inwoners/${inw.id}/trajecten`, {
      soort: await trajectSoort(), thema_id: ids.thema, opdracht_id: ids.opdracht, wijkteam_id: ids.incluzioTeams[0], startdatum: dag(-5),
    });
    assert.equal(r.res.status, 422, r.text);
    assert.deepEqual(r.json.errors.map((e) => e.veld), ['wijkteam_id']);
    assert.ok(looksDutch(r.json.errors[0].melding));
    assert.equal(await one(`SELECT COUNT(*) FROM traject WHERE inwoner_id = ${inw.id}`), '1');
    // And an event on a traject of another inwoner is refused.
    const ander = await inwonerMetStart();
    const g = await post(S['medewerker.dock'], `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'wachtlijst_in', datum: dag(-1), traject_id: ander.trj.id });
    assert.equal(g.res.status, 422);
    assert.deepEqual(g.json.errors.map((e) => e.veld), ['traject_id']);
  });
});

describe('audit rows for reads', () => {
  test('a GET writes one row with inwoner_id and doel', async () => {
    const { inw } = await inwonerMetStart();
    const md = await gebruikerId('medewerker.dock');
    const from = await maxAudit();
    const r = await asSession(S['medewerker.dock'], `/api/v1/inwoners/${inw.id}`);
    assert.equal(r.res.status, 200);
    const rows = await sql(`SELECT actie, object_soort, inwoner_id, doel, route, resultaat FROM audit WHERE id > ${from} AND gebruiker_id = ${md} AND inwoner_id IS NOT NULL`);
    assert.deepEqual(rows, [['inzien', 'inwoner', String(inw.id), 'registratie', 'GET /api/v1/inwoners/{id:int}', 'gelukt']]);

    for (const [p, soort] of [[`/api/v1/inwoners/${inw.id}/trajecten`, 'trajecten'], [`/api/v1/inwoners/${inw.id}/gebeurtenissen`, 'gebeurtenissen'],
      [`/api/v1/inwoners/${inw.id}/ketenstatus`, 'ketenstatus']]) {
      const f = await maxAudit();
      assert.equal((await asSession(S['medewerker.dock'], p)).res.status, 200);
      const a = await sql(`SELECT object_soort, inwoner_id, doel FROM audit WHERE id > ${f} AND gebruiker_id = ${md} AND inwoner_id IS NOT NULL`);
      assert.deepEqual(a, [[soort, String(inw.id), 'registratie']], p);
    }
    // The page too.
    const f2 = await maxAudit();
    assert.equal((await asSession(S['medewerker.dock'], `/registratie/inwoners/${inw.id}`)).res.status, 200);
    const a2 = await sql(`SELECT DISTINCT inwoner_id, doel FROM audit WHERE id > ${f2} AND gebruiker_id = ${md} AND inwoner_id IS NOT NULL`);
    assert.deepEqual(a2, [[String(inw.id), 'registratie']]);
    // A ketenpartner's read has its own purpose.
    const ku = await gebruikerId('ketenpartner.uitkeringen');
    const f3 = await maxAudit();
    assert.equal((await asSession(S['ketenpartner.uitkeringen'], `/api/v1/inwoners/${inw.id}`)).res.status, 200);
    assert.deepEqual(await sql(`SELECT inwoner_id, doel FROM audit WHERE id > ${f3} AND gebruiker_id = ${ku} AND inwoner_id IS NOT NULL`),
      [[String(inw.id), 'ketensamenwerking']]);
    // A read of an inwoner out of scope shows nothing and audits no inwoner data.
    const f4 = await maxAudit();
    const mi = await gebruikerId('medewerker.incluzio');
    assert.equal((await asSession(S['medewerker.incluzio'], `/api/v1/inwoners/${inw.id}`)).res.status, 404);
    assert.deepEqual(await sql(`SELECT actie FROM audit WHERE id > ${f4} AND gebruiker_id = ${mi} AND inwoner_id IS NOT NULL AND resultaat = 'gelukt'`), []);
  });

  test('the forms that show an inwoner (name, events) write an audit row too', async () => {
    const { inw } = await inwonerMetStart();
    const md = await gebruikerId('medewerker.dock');
    const wrong = [];
    for (const p of [`/registratie/inwoners/${inw.id}/bewerken`, `/registratie/inwoners/${inw.id}/trajecten/nieuw`,
      `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw`, `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw?type=correctie`]) {
      const from = await maxAudit();
      const r = await asSession(S['medewerker.dock'], p);
      assert.equal(r.res.status, 200, p);
      assert.ok(r.text.includes(inw.naam), `${p} shows the name`);
      const rows = await sql(`SELECT COUNT(*) FROM audit WHERE id > ${from} AND gebruiker_id = ${md} AND inwoner_id = ${inw.id}`);
      if (rows[0][0] === '0') wrong.push(`${p}: no audit row`);
    }
    assert.deepEqual(wrong, []);
  });

  test('a list and a search write one row per inwoner listed', async () => {
    const a = await maakInwoner({ naam: uniekeNaam('Lijstje') });
    const b = await maakInwoner({ naam: uniekeNaam('Lijstje') });
    const md = await gebruikerId('medewerker.dock');
    let from = await maxAudit();
    const l = await asSession(S['medewerker.dock'], '/api/v1/inwoners?limit=3');
    assert.equal(l.res.status, 200);
    assert.equal(l.json.items.length, 3);
    let rows = await sql(`SELECT inwoner_id, doel, route FROM audit WHERE id > ${from} AND gebruiker_id = ${md} AND inwoner_id IS NOT NULL ORDER BY inwoner_id`);
    assert.deepEqual(rows.map((x) => Number(x[0])), l.json.items.map((i) => i.id).sort((x, y) => x - y));
    for (const x of rows) assert.deepEqual(x.slice(1), ['registratie', 'GET /api/v1/inwoners']);

    from = await maxAudit();
    const z = await post(S['medewerker.dock'], '/api/v1/inwoners/zoeken', { naam: `Lijstje Reg${RUN}` });
    assert.equal(z.res.status, 200);
    assert.deepEqual(z.json.items.map((i) => i.id).sort(), [a.id, b.id].sort());
    rows = await sql(`SELECT inwoner_id FROM audit WHERE id > ${from} AND gebruiker_id = ${md} AND inwoner_id IS NOT NULL ORDER BY inwoner_id`);
    assert.deepEqual(rows.map((x) => Number(x[0])), [a.id, b.id].sort((x, y) => x - y));

    // The wachtlijst (purpose afstemming) likewise.
    const tl = await gebruikerId('teamleider.dock');
    from = await maxAudit();
    const w = await asSession(S['teamleider.dock'], '/api/v1/wachtlijst?limit=5');
    assert.equal(w.res.status, 200);
    rows = await sql(`SELECT inwoner_id, doel FROM audit WHERE id > ${from} AND gebruiker_id = ${tl} AND inwoner_id IS NOT NULL ORDER BY inwoner_id`);
    assert.deepEqual(rows.map((x) => Number(x[0])), w.json.items.map((i) => i.inwoner_id).sort((x, y) => x - y));
    for (const x of rows) assert.equal(x[1], 'afstemming');
  });
});

describe('no lost update', () => {
  test('a stale PUT of an inwoner is 412, without If-Match 428', async () => {
    const md = S['medewerker.dock'];
    const bsn = nieuwBsn();
    const inw = await maakInwoner({ bsn });
    const body = { naam: `${inw.naam} Gewijzigd`, geboortejaar: 1985, wijk_id: ids.wijk };
    const zonder = await put(md, `/api/v1/inwoners/${inw.id}`, body);
    assert.equal(zonder.res.status, 428);
    const ok = await put(md, `/api/v1/inwoners/${inw.id}`, body, { 'if-match': '"1"' });
    assert.equal(ok.res.status, 200, ok.text);
    assert.equal(ok.json.versie, 2);
    assert.equal(ok.res.headers.get('etag'), '"2"');
    assert.equal(ok.json.geboortejaar, 1985);
    assert.equal(ok.json.bsn_gemaskeerd, `*****${bsn.slice(5)}`, 'a PUT without bsn keeps the stored BSN');
    const oud = await put(md, `/api/v1/inwoners/${inw.id}`, { ...body, naam: 'Verloren update' }, { 'if-match': '"1"' });
    assert.equal(oud.res.status, 412);
    assert.deepEqual(await sql(`SELECT naam, versie FROM inwoner WHERE id = ${inw.id}`), [[body.naam, '2']]);
  });

  test('a stale PUT of a traject is 412, without If-Match 428', async () => {
    const md = S['medewerker.dock'];
    const inw = await maakInwoner();
    const trj = await maakTraject(inw.id);
    const body = { soort: trj.soort, thema_id: trj.thema_id, opdracht_id: trj.opdracht_id, startdatum: trj.startdatum, einddatum: dag(-1) };
    const p = `/api/v1/inwoners/${inw.id}/trajecten/${trj.id}`;
    assert.equal((await put(md, p, body)).res.status, 428);
    const ok = await put(md, p, body, { 'if-match': '"1"' });
    assert.equal(ok.res.status, 200, ok.text);
    assert.equal(ok.json.versie, 2);
    assert.equal(ok.json.einddatum, dag(-1));
    const oud = await put(md, p, { ...body, einddatum: null }, { 'if-match': '"1"' });
    assert.equal(oud.res.status, 412);
    assert.deepEqual(await sql(`SELECT DATE_FORMAT(einddatum, '%Y-%m-%d'), versie FROM traject WHERE id = ${trj.id}`), [[dag(-1), '2']]);
    // An end before the start is a field error.
    const fout = await put(md, p, { ...body, einddatum: dag(-400) }, { 'if-match': '"2"' });
    assert.equal(fout.res.status, 422);
    assert.deepEqual(fout.json.errors.map((e) => e.veld), ['einddatum']);
  });
});

describe('idempotent creates', () => {
  test('the same Idempotency-Key twice creates one inwoner and gives the same answer', async () => {
    const md = S['medewerker.dock'];
    const key = idemKey();
    const naam = uniekeNaam('Eenmalig');
    const body = { naam, geboortejaar: 1970, wijk_id: ids.wijk, bsn: nieuwBsn() };
    const a = await post(md, '/api/v1/inwoners', body, { 'idempotency-key': key });
    const b = await post(md, '/api/v1/inwoners', body, { 'idempotency-key': key });
    assert.equal(a.res.status, 201, a.text);
    assert.equal(b.res.status, 201, b.text);
    assert.deepEqual(b.json, a.json);
    assert.equal(b.res.headers.get('location'), a.res.headers.get('location'));
    assert.equal(await one(`SELECT COUNT(*) FROM inwoner WHERE naam = '${naam}'`), '1');
    // Without a key, a second POST is a new request (and the BSN a duplicate).
    const c = await post(md, '/api/v1/inwoners', body);
    assert.equal(c.res.status, 422);
  });

  test('the same Idempotency-Key twice registers one gebeurtenis', async () => {
    const md = S['medewerker.dock'];
    const inw = await maakInwoner();
    const trj = await maakTraject(inw.id);
    const key = idemKey();
    const body = { type: 'wachtlijst_in', datum: dag(-3), traject_id: trj.id, gegevens: { reden: 'Vol' } };
    const a = await gebeurtenis(md, inw.id, body, 201, { 'idempotency-key': key });
    const b = await gebeurtenis(md, inw.id, body, 201, { 'idempotency-key': key });
    assert.deepEqual(b.json, a.json);
    assert.equal(b.res.headers.get('location'), a.res.headers.get('location'));
    assert.equal(await one(`SELECT COUNT(*) FROM gebeurtenis WHERE inwoner_id = ${inw.id}`), '1');
    // And for a traject.
    const tkey = idemKey();
    const tb = { soort: trj.soort, thema_id: ids.thema, opdracht_id: ids.opdracht, wijkteam_id: ids.wijkteam2, startdatum: dag(-10) };
    const t1 = await post(md, `/api/v1/inwoners/${inw.id}/trajecten`, tb, { 'idempotency-key': tkey });
    const t2 = await post(md, `/api/v1/inwoners/${inw.id}/trajecten`, tb, { 'idempotency-key': tkey });
    assert.equal(t1.res.status, 201, t1.text);
    assert.deepEqual(t2.json, t1.json);
    assert.equal(await one(`SELECT COUNT(*) FROM traject WHERE inwoner_id = ${inw.id}`), '2');
  });
});

describe('corrections', () => {
  test('a correctie voids an event, the ketenstatus recomputes, a correctie of a correctie is refused', async () => {
    const md = S['medewerker.dock'];
    const { inw, trj } = await inwonerMetStart();
    const mw = await gebeurtenis(md, inw.id, { type: 'aanmelding_meedoen_werkt', datum: dag(-40), traject_id: trj.id });
    let ks = await ketenstatus(md, inw.id);
    assert.equal(ks.partij.soort, 'naleving');
    assert.equal(ks.sinds, dag(-40));
    const nal = await asSession(S['ketenpartner.naleving'], `/api/v1/inwoners/${inw.id}`);
    assert.equal(nal.res.status, 200, 'Naleving sees the referred inwoner');

    const c = await gebeurtenis(md, inw.id, { type: 'correctie', datum: dag(0), traject_id: trj.id, gegevens: { vervalt_id: mw.json.id, reden: 'Verkeerde inwoner aangemeld' } });
    assert.equal(c.json.type, 'correctie');
    assert.equal(c.json.traject_id, trj.id);
    const geb = await asSession(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    const gevoid = geb.json.items.find((g) => g.id === mw.json.id);
    assert.equal(gevoid.vervallen_door, c.json.id, 'the voided event shows vervallen_door');
    assert.ok(geb.json.items.some((g) => g.id === c.json.id), 'the timeline shows the correctie too');
    ks = await ketenstatus(md, inw.id);
    assert.equal(ks.partij.soort, 'wijkteam', 'recomputed without the voided event');
    assert.equal(ks.partij.id, ids.wijkteam);
    assert.equal(ks.sinds, dag(-60));
    // The page shows both.
    const page = await asSession(md, `/registratie/inwoners/${inw.id}`);
    assert.match(page.text, /Verkeerde inwoner aangemeld/);

    const cc = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'correctie', datum: dag(0), traject_id: trj.id, gegevens: { vervalt_id: c.json.id, reden: 'Toch wel' } });
    assert.equal(cc.res.status, 422, cc.text);
    assert.deepEqual(cc.json.errors.map((e) => e.veld), ['vervalt_id']);
    const twee = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'correctie', datum: dag(0), traject_id: trj.id, gegevens: { vervalt_id: mw.json.id, reden: 'Nog eens' } });
    assert.equal(twee.res.status, 422, 'an event is voided once');
    assert.deepEqual(twee.json.errors.map((e) => e.veld), ['vervalt_id']);
    assert.equal(await one(`SELECT COUNT(*) FROM gebeurtenis WHERE inwoner_id = ${inw.id} AND type = 'correctie'`), '1');
    // A ketenpartner cannot void the wijkteam's events.
    const ku = await post(S['ketenpartner.uitkeringen'], `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'correctie', datum: dag(0), gegevens: { vervalt_id: geb.json.items[0].id, reden: 'Nee' } });
    assert.equal(ku.res.status, 403, ku.text);
  });
});

describe('corrections without a traject_id', () => {
  // The correctie form (registratie_pagina.c, gebeurtenis_formulier) has no
  // traject field for a correctie, and inwoners.c means a correctie to land
  // on the voided event's traject; the wijkteam must be able to correct.
  test('the wijkteam corrects through the form (no traject field): 303, the event is voided', async () => {
    const md = S['medewerker.dock'];
    const { inw, trj } = await inwonerMetStart();
    const wl = await gebeurtenis(md, inw.id, { type: 'wachtlijst_in', datum: dag(-40), traject_id: trj.id });
    const form = await asSession(md, `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw?type=correctie`);
    assert.equal(form.res.status, 200);
    assert.doesNotMatch(form.text, /name="traject_id"/, 'the correctie form has no traject field');
    assert.match(form.text, new RegExp(`<option value="${wl.json.id}"`), 'the event can be chosen');
    const r = await asSession(md, `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw`, { method: 'POST',
      form: { csrf_token: md.csrf, type: 'correctie', datum: dag(0), vervalt_id: String(wl.json.id), reden: 'Per ongeluk' } });
    assert.equal(r.res.status, 303, `the correctie form is refused: ${(r.text.match(/<a class="utrecht-link" href="#[a-z_]+">[^<]*/g) || []).join(' | ')}`);
    const g = await asSession(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    assert.ok(g.json.items.find((x) => x.id === wl.json.id).vervallen_door, 'voided');
  });

  test('the API: a correctie without traject_id lands on the voided event\'s traject', async () => {
    const md = S['medewerker.dock'];
    const { inw, trj, sg } = await inwonerMetStart();
    const r = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'correctie', datum: dag(0), gegevens: { vervalt_id: sg.id, reden: 'Dubbel' } });
    assert.equal(r.res.status, 201, r.text);
    assert.equal(r.json.traject_id, trj.id);
  });
});

describe('scope after a correctie', () => {
  test('an overdracht voided by a correctie does not leave Werkom seeing the inwoner', async () => {
    const md = S['medewerker.dock'];
    const { inw, trj } = await inwonerMetStart();
    const o = await gebeurtenis(md, inw.id, { type: 'overdracht_werkom', datum: dag(-5), traject_id: trj.id, gegevens: { warm: true } });
    assert.equal((await asSession(S['ketenpartner.werkom'], `/api/v1/inwoners/${inw.id}`)).res.status, 200);
    await gebeurtenis(md, inw.id, { type: 'correctie', datum: dag(0), traject_id: trj.id, gegevens: { vervalt_id: o.json.id, reden: 'Verkeerde inwoner' } });
    const geb = await asSession(S['ketenpartner.werkom'], `/api/v1/inwoners/${inw.id}/gebeurtenissen`);
    const zichtbaar = geb.res.status === 200 ? geb.json.items.filter((g) => !g.vervallen_door && g.type !== 'correctie') : [];
    assert.deepEqual(zichtbaar, [], 'no current event of Werkom\'s keten is left');
    const r = await asSession(S['ketenpartner.werkom'], `/api/v1/inwoners/${inw.id}`);
    assert.equal(r.res.status, 404, 'Werkom still sees the name, birth year and wijk of an inwoner that was never handed over');
  });
});

describe('event dates', () => {
  // A wachtlijst_in dated years before its traject began made the inwoner
  // "wait" for years (the wachtlijst's waiting times) and moved the
  // ketenstatus' "sinds" to before the traject existed.
  test('an event before its traject\'s startdatum or in the future is a 422 on datum', async () => {
    const md = S['medewerker.dock'];
    const inw = await maakInwoner();
    const trj = await maakTraject(inw.id, { startdatum: dag(-30) });
    const voor = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'wachtlijst_in', datum: dag(-400), traject_id: trj.id });
    const later = await post(md, `/api/v1/inwoners/${inw.id}/gebeurtenissen`, { type: 'startgesprek', datum: dag(400), traject_id: trj.id, gegevens: { uitkomst: 'overbrugbaar' } });
    assert.deepEqual([voor.res.status, later.res.status], [422, 422], `before the traject: ${voor.res.status}, in the future: ${later.res.status}`);
    assert.deepEqual(voor.json.errors.map((e) => e.veld), ['datum']);
    assert.deepEqual(later.json.errors.map((e) => e.veld), ['datum']);
  });
});

describe('the BSN', () => {
  test('an 11-proef failure is a 422 on bsn with a Dutch message that does not echo the number', async () => {
    const md = S['medewerker.dock'];
    for (const fout of ['123456789', '12345678', '12345678a']) {
      const r = await post(md, '/api/v1/inwoners', { naam: uniekeNaam(), geboortejaar: 1990, wijk_id: ids.wijk, bsn: fout });
      assert.equal(r.res.status, 422, fout);
      assert.deepEqual(r.json.errors.map((e) => e.veld), ['bsn']);
      assert.match(r.json.errors[0].melding, /BSN/);
      assert.ok(looksDutch(r.json.errors[0].melding) || /elfproef|cijfers/.test(r.json.errors[0].melding), r.json.errors[0].melding);
      assert.ok(!r.text.includes(fout), `the answer echoes ${fout}`);
      const z = await post(md, '/api/v1/inwoners/zoeken', { bsn: fout });
      assert.equal(z.res.status, 422, `search ${fout}`);
      assert.deepEqual(z.json.errors.map((e) => e.veld), ['bsn']);
      assert.ok(!z.text.includes(fout));
    }
    // The form likewise.
    const f = await asSession(md, '/registratie/inwoners/nieuw', { method: 'POST', form: { csrf_token: md.csrf, naam: 'Bsn Fout', geboortejaar: '1990', wijk_id: String(ids.wijk), bsn: '123456789' } });
    assert.equal(f.res.status, 422);
    assert.match(f.text, /elfproef/);
    assert.ok(!f.text.includes('123456789'), 'the form does not re-show the BSN');
  });

  test('the BSN appears in no answer: only *****NNNN', async () => {
    const md = S['medewerker.dock'];
    const bsn = nieuwBsn();
    const { inw } = await inwonerMetStart({ bsn });
    const answers = [
      await asSession(md, `/api/v1/inwoners/${inw.id}`),
      await asSession(md, '/api/v1/inwoners?limit=5'),
      await post(md, '/api/v1/inwoners/zoeken', { bsn }),
      await asSession(md, `/registratie/inwoners/${inw.id}`),
      await asSession(md, `/registratie/inwoners/${inw.id}/bewerken`),
      await asSession(md, '/registratie/inwoners/zoeken', { method: 'POST', form: { csrf_token: md.csrf, bsn } }),
      await asSession(S['ketenpartner.uitkeringen'], `/api/v1/inwoners/${inw.id}`),
    ];
    for (const a of answers) {
      assert.equal(a.res.status, 200, a.text.slice(0, 200));
      assert.ok(!a.text.includes(bsn), `the full BSN in ${a.res.url}`);
    }
    assert.match(answers[0].text, new RegExp(`\\*{5}${bsn.slice(5)}`));
    assert.match(answers[3].text, new RegExp(`\\*{5}${bsn.slice(5)}`));
    assert.match(answers[5].text, new RegExp(`\\*{5}${bsn.slice(5)}`), 'the search page lists the masked BSN');
    // Stored encrypted: the database has no clear BSN either.
    const stored = await sql(`SELECT bsn_versleuteld, bsn_hash FROM inwoner WHERE id = ${inw.id}`);
    assert.ok(stored[0][0] && !stored[0][0].includes(bsn) && !stored[0][1].includes(bsn));
  });
});

describe('wachtlijst and overdrachten', () => {
  test('teamleider.dock sees only DOCK\'s wijkteams and inwoners; the afgewezen filter works', async () => {
    const md = S['medewerker.dock'];
    // One waiting with a refused uitkering, one waiting without.
    const a = await inwonerMetStart();
    await gebeurtenis(md, a.inw.id, { type: 'wachtlijst_in', datum: dag(-58), traject_id: a.trj.id });
    await gebeurtenis(S['ketenpartner.uitkeringen'], a.inw.id, { type: 'uitkeringsbesluit', datum: dag(-57), gegevens: { besluit: 'afgewezen' } });
    const b = await inwonerMetStart();
    await gebeurtenis(md, b.inw.id, { type: 'wachtlijst_in', datum: dag(-58), traject_id: b.trj.id });
    await gebeurtenis(S['ketenpartner.uitkeringen'], b.inw.id, { type: 'uitkeringsbesluit', datum: dag(-57), gegevens: { besluit: 'toegekend' } });

    const tl = S['teamleider.dock'];
    const alle = await allePaginas(tl, '/api/v1/wachtlijst?limit=500');
    assert.ok(alle.length >= 2);
    const vreemd = alle.filter((w) => !ids.dockTeams.includes(w.wijkteam_id));
    assert.deepEqual(vreemd, [], 'only DOCK wijkteams');
    const ids2 = alle.map((w) => w.inwoner_id);
    assert.ok(ids2.includes(a.inw.id) && ids2.includes(b.inw.id));
    const buiten = await sql(`SELECT i.id FROM inwoner i WHERE i.id IN (${ids2.join(',')}) AND NOT EXISTS (SELECT 1 FROM inwoner_toegang t WHERE t.inwoner_id = i.id AND t.organisatie_id = ${ids.dock})`);
    assert.deepEqual(buiten, [], 'only inwoners DOCK may see');
    for (const w of alle) {
      assert.equal(typeof w.wachtdagen, 'number');
      assert.ok(w.wachtdagen >= 0);
    }

    const af = await allePaginas(tl, '/api/v1/wachtlijst?afgewezen=1&limit=500');
    const afIds = af.map((w) => w.inwoner_id);
    assert.ok(afIds.includes(a.inw.id), 'refused: on the filtered list');
    assert.ok(!afIds.includes(b.inw.id), 'granted: not on the filtered list');
    for (const w of af) assert.ok(w.uitkering_afgewezen_op, 'every filtered row has a refusal date');
    assert.ok(af.length < alle.length);

    // The page shows the same, per wijkteam.
    const page = await asSession(tl, `/registratie/wachtlijst?afgewezen=1&wijkteam_id=${ids.wijkteam}`);
    assert.equal(page.res.status, 200);
    assert.ok(page.text.includes(a.inw.naam));
    assert.ok(!page.text.includes(b.inw.naam));
    for (const t of ids.incluzioTeams) assert.ok(!page.text.includes(ids.teamNaam[t]), `an Incluzio wijkteam on DOCK's page: ${ids.teamNaam[t]}`);

    // Incluzio's teamleider does not see DOCK's inwoners; a DOCK wijkteam filter gives nothing.
    const ti = await allePaginas(S['teamleider.incluzio'], '/api/v1/wachtlijst?limit=500');
    assert.ok(!ti.some((w) => w.inwoner_id === a.inw.id || ids.dockTeams.includes(w.wijkteam_id)));
    const tiDock = await asSession(S['teamleider.incluzio'], `/api/v1/wachtlijst?wijkteam_id=${ids.wijkteam}`);
    assert.equal(tiDock.res.status, 200);
    assert.deepEqual(tiDock.json.items, []);
    // Bad filters are a 400.
    assert.equal((await asSession(tl, '/api/v1/wachtlijst?afgewezen=ja')).res.status, 400);
    assert.equal((await asSession(tl, '/api/v1/wachtlijst?limit=0')).res.status, 400);
  });

  test('a malformed wachtlijst cursor is a 400, as on the other lists', async () => {
    const tl = S['teamleider.dock'];
    assert.equal((await asSession(tl, '/api/v1/inwoners?cursor=rommel')).res.status, 400);
    const r = await asSession(tl, '/api/v1/wachtlijst?cursor=rommel');
    assert.equal(r.res.status, 400, 'an unreadable cursor silently restarts at page 1');
  });

  test('the overdrachten list of teamleider.dock holds only DOCK\'s inwoners; a return without handover is listed', async () => {
    const md = S['medewerker.dock'];
    const { inw, trj } = await inwonerMetStart();
    await gebeurtenis(md, inw.id, { type: 'overdracht_werkom', datum: dag(-40), traject_id: trj.id, gegevens: { warm: false } });
    await gebeurtenis(S['ketenpartner.werkom'], inw.id, { type: 'overdracht_geaccepteerd', datum: dag(-35) });
    await gebeurtenis(S['ketenpartner.werkom'], inw.id, { type: 'terug_van_werkom', datum: dag(-20), gegevens: { warme_overdracht: true } });
    // A second return, without a handover before it.
    await gebeurtenis(S['ketenpartner.werkom'], inw.id, { type: 'terug_van_werkom', datum: dag(-10), gegevens: { warme_overdracht: false } });
    const tl = await asSession(S['teamleider.dock'], '/api/v1/overdrachten');
    assert.equal(tl.res.status, 200);
    const terug = tl.json.items.find((i) => i.inwoner_id === inw.id);
    assert.ok(terug, 'a return without a matching handover is listed');
    assert.equal(terug.soort, 'terug_zonder_overdracht');
    const lijst = tl.json.items.map((i) => i.inwoner_id);
    if (lijst.length) {
      const buiten = await sql(`SELECT i.id FROM inwoner i WHERE i.id IN (${lijst.join(',')}) AND NOT EXISTS (SELECT 1 FROM inwoner_toegang t WHERE t.inwoner_id = i.id AND t.organisatie_id = ${ids.dock})`);
      assert.deepEqual(buiten, [], 'only DOCK\'s inwoners');
    }
    const ti = await asSession(S['teamleider.incluzio'], '/api/v1/overdrachten');
    assert.ok(!ti.json.items.some((i) => i.inwoner_id === inw.id), 'not on Incluzio\'s list');
    const kw = await asSession(S['ketenpartner.werkom'], '/registratie/overdrachten');
    assert.equal(kw.res.status, 200);
    assert.ok(kw.text.includes(inw.naam), 'on Werkom\'s page too');
    const ku = await asSession(S['ketenpartner.uitkeringen'], '/api/v1/overdrachten');
    assert.equal(ku.res.status, 200);
    assert.ok(!ku.json.items.some((i) => i.inwoner_id === inw.id), 'Uitkeringen is not part of the handover');
  });
});

describe('the pages with a cookie session', () => {
  const formValue = (html, name) => {
    const m = html.match(new RegExp(`name="${name}"[^>]*value="([^"]*)"`)) || html.match(new RegExp(`value="([^"]*)"[^>]*name="${name}"`));
    return m ? m[1] : null;
  };

  test('register an inwoner, a traject and a startgesprek through the forms; the ketenstatus changes', async () => {
    const md = S['medewerker.dock'];
    const nieuw = await asSession(md, '/registratie/inwoners/nieuw');
    assert.equal(nieuw.res.status, 200);
    const csrf = formValue(nieuw.text, 'csrf_token');
    assert.ok(csrf, 'the form carries a csrf_token');
    const naam = uniekeNaam('Formulier');
    const bsn = nieuwBsn();
    // As a browser posts it: the cookie and the form field, no X-CSRF-Token.
    const r = await asSession({ cookie: md.cookie }, '/registratie/inwoners/nieuw', { method: 'POST',
      form: { csrf_token: csrf, naam, geboortejaar: '1979', wijk_id: String(ids.wijk), bsn } });
    assert.equal(r.res.status, 303, r.text);
    const loc = r.res.headers.get('location');
    const m = loc.match(/^\/registratie\/inwoners\/(\d+)/);
    assert.ok(m, loc);
    const id = Number(m[1]);
    const page = await asSession(md, loc);
    assert.equal(page.res.status, 200);
    assert.ok(page.text.includes(naam));
    assert.match(page.text, /<dd id="ketenstatus">Geen<\/dd>/);
    assert.ok(!page.text.includes(bsn));

    const tf = await asSession(md, `/registratie/inwoners/${id}/trajecten/nieuw`);
    assert.equal(tf.res.status, 200);
    for (const t of ids.incluzioTeams) assert.ok(!tf.text.includes(`>${ids.teamNaam[t]}<`), 'only DOCK wijkteams offered');
    const t = await asSession(md, `/registratie/inwoners/${id}/trajecten/nieuw`, { method: 'POST', form: {
      csrf_token: csrf, soort: await trajectSoort(), thema_id: String(ids.thema), opdracht_id: String(ids.opdracht),
      wijkteam_id: String(ids.wijkteam), startdatum: dag(-30), einddatum: '' } });
    assert.equal(t.res.status, 303, t.text);
    const tid = Number(await one(`SELECT id FROM traject WHERE inwoner_id = ${id}`));
    assert.equal(t.res.headers.get('location'), `/registratie/inwoners/${id}#traject-${tid}`,
      'the page opens at the new traject');

    // Step 1: choose the type; step 2: only that type's fields.
    const kies = await asSession(md, `/registratie/inwoners/${id}/gebeurtenissen/nieuw`);
    assert.equal(kies.res.status, 200);
    assert.match(kies.text, /<option value="startgesprek">/);
    assert.doesNotMatch(kies.text, /<option value="uitkeringsbesluit">/, 'the wijkteam does not register Uitkeringen\'s events');
    const sgForm = await asSession(md, `/registratie/inwoners/${id}/gebeurtenissen/nieuw?type=startgesprek`);
    assert.equal(sgForm.res.status, 200);
    assert.match(sgForm.text, /name="uitkomst"/);
    assert.match(sgForm.text, /name="hulpvragen"/);
    assert.doesNotMatch(sgForm.text, /name="besluit"|name="warm"|name="profiel"/, 'only the fields of the startgesprek');
    const g = await asSession(md, `/registratie/inwoners/${id}/gebeurtenissen/nieuw`, { method: 'POST', form: {
      csrf_token: csrf, type: 'startgesprek', traject_id: String(tid), datum: dag(-20), uitkomst: 'overbrugbaar',
      met_inkomensconsulent: 'ja', hulpvragen: 'Via het formulier' } });
    assert.equal(g.res.status, 303, g.text);
    const gid = await one(`SELECT id FROM gebeurtenis WHERE inwoner_id = ${id}`);
    assert.equal(g.res.headers.get('location'), `/registratie/inwoners/${id}#gebeurtenis-${gid}`,
      'the page opens at the new event');
    const stored = await sql(`SELECT type, JSON_VALUE(gegevens, '$.uitkomst'), JSON_EXTRACT(gegevens, '$.met_inkomensconsulent') FROM gebeurtenis WHERE inwoner_id = ${id}`);
    assert.deepEqual(stored, [['startgesprek', 'overbrugbaar', 'true']]);
    const na = await asSession(md, `/registratie/inwoners/${id}`);
    const status = na.text.match(/<dd id="ketenstatus">([^<]*)<\/dd>/);
    assert.ok(status, 'the page shows the ketenstatus');
    assert.ok(status[1].startsWith(ids.teamNaam[ids.wijkteam]), `ketenstatus: ${status[1]}`);
    assert.match(status[1], new RegExp(dag(-20)));
    assert.ok(na.text.includes('Via het formulier'));
  });

  test('a form with errors answers 422 and re-shows what was typed', async () => {
    const md = S['medewerker.dock'];
    const naam = `Typfout <b>&amp; Reg${RUN}`;
    const r = await asSession(md, '/registratie/inwoners/nieuw', { method: 'POST',
      form: { csrf_token: md.csrf, naam, geboortejaar: '19x9', wijk_id: String(ids.wijk), bsn: '' } });
    assert.equal(r.res.status, 422);
    assert.match(r.res.headers.get('content-type') || '', /text\/html/);
    assert.ok(r.text.includes('value="Typfout &lt;b&gt;&amp;amp; Reg'), 'the name as typed, escaped');
    assert.ok(/name="geboortejaar"[^>]*value="19x9"|value="19x9"[^>]*name="geboortejaar"/.test(r.text), 'the year as typed');
    assert.match(r.text, /id="geboortejaar-fout"/);
    assert.match(r.text, /aria-invalid="true"/);
    assert.match(r.text, new RegExp(`<option value="${ids.wijk}" selected>`));
    assert.equal(await one(`SELECT COUNT(*) FROM inwoner WHERE naam LIKE 'Typfout%Reg${RUN}'`), '0');
    // An event form with errors keeps the type and shows its fields again.
    const inw = await maakInwoner();
    const trj = await maakTraject(inw.id);
    const g = await asSession(md, `/registratie/inwoners/${inw.id}/gebeurtenissen/nieuw`, { method: 'POST',
      form: { csrf_token: md.csrf, type: 'startgesprek', traject_id: String(trj.id), datum: dag(-1), hulpvragen: 'Al getypt' } });
    assert.equal(g.res.status, 422);
    assert.match(g.text, /name="type" value="startgesprek"/);
    assert.match(g.text, /id="uitkomst-fout"/);
    assert.ok(g.text.includes('Al getypt'));
    // Without the CSRF token nothing happens.
    const zonder = await asSession({ cookie: md.cookie }, '/registratie/inwoners/nieuw', { method: 'POST',
      form: { naam: uniekeNaam(), geboortejaar: '1980', wijk_id: String(ids.wijk) } });
    assert.equal(zonder.res.status, 403);
  });

  test('a stale change form answers 409 with what was typed', async () => {
    const md = S['medewerker.dock'];
    const inw = await maakInwoner();
    assert.equal((await put(md, `/api/v1/inwoners/${inw.id}`, { naam: inw.naam, geboortejaar: 1990, wijk_id: ids.wijk }, { 'if-match': '"1"' })).res.status, 200);
    const r = await asSession(md, `/registratie/inwoners/${inw.id}/bewerken`, { method: 'POST',
      form: { csrf_token: md.csrf, versie: '1', naam: `${inw.naam} Oud`, geboortejaar: '1991', wijk_id: String(ids.wijk) } });
    assert.equal(r.res.status, 409);
    assert.ok(r.text.includes(`${inw.naam} Oud`));
    assert.deepEqual(await sql(`SELECT naam, geboortejaar FROM inwoner WHERE id = ${inw.id}`), [[inw.naam, '1990']]);
  });
});

describe('the gebeurtenistypes', () => {
  test('are described as data, with who registers and who sees each', async () => {
    const r = await asSession(S['ketenpartner.naleving'], '/api/v1/gebeurtenistypes');
    assert.equal(r.res.status, 200);
    const codes = r.json.items.map((t) => t.code);
    for (const c of ['startgesprek', 'wachtlijst_in', 'wachtlijst_uit', 'ib_indicatie_afgegeven', 'ib_eigen_gestart',
      'overdracht_werkom', 'terug_van_werkom', 'aanmelding_meedoen_werkt', 'teruggestuurd_door_naleving',
      'uitkeringsbesluit', 'profiel_toegekend', 'plan_van_aanpak', 'afgesloten', 'correctie']) {
      assert.ok(codes.includes(c), c);
    }
    const sg = r.json.items.find((t) => t.code === 'startgesprek');
    assert.equal(sg.registreert, 'wijkteam');
    assert.ok(sg.velden.find((v) => v.naam === 'hulpvragen').alleen_wijkteam);
  });
});

// Last: the logs must not contain any full BSN this file sent.
describe('logs', () => {
  test('no full BSN in the nginx access log or the app log', async () => {
    assert.ok(BSNS.length >= 5, 'the tests above used BSNs');
    await sleep(300);
    const files = [];
    const logDir = path.join(VAR, 'log');
    for (const f of fs.readdirSync(logDir)) {
      if (/nginx-access|wijkzicht|nginx-error/.test(f)) files.push(path.join(logDir, f));
    }
    assert.ok(files.some((f) => /nginx-access/.test(f)), `an nginx access log in ${logDir}`);
    assert.ok(files.some((f) => /wijkzicht\.log/.test(f)), `the app log in ${logDir}`);
    const found = [];
    for (const f of files) {
      const text = fs.readFileSync(f, 'latin1');
      for (const b of BSNS) if (text.includes(b)) found.push(`${path.basename(f)}: ${b.slice(0, 2)}…`);
      // Also the form the search URL would have had.
      if (/zoeken\?[^ ]*bsn=/.test(text)) found.push(`${path.basename(f)}: a bsn in a query string`);
    }
    assert.deepEqual(found, []);
    // The access log did record this run's requests (so the grep is meaningful).
    const access = fs.readFileSync(files.find((f) => /nginx-access/.test(f)), 'latin1');
    assert.match(access, /POST \/api\/v1\/inwoners\/zoeken/);
  });
});
