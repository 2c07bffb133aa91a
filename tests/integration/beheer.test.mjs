// beheer.test.mjs — the structure a beheerder maintains (organisaties,
// wijken, wijkteams, ketens, thema's, opdrachten with budgets, eisen):
// the JSON API with If-Match and Idempotency-Key, the admin pages with
// their forms, and an audit row for every change.
//
// Every test makes its own records with unique codes, so the tests do not
// depend on each other or on earlier runs.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, ORIGIN } from './lib.mjs';

useStackLock(before, after);

let beheerder; // session of the demo beheerder
let medewerker; // session of medewerker.dock

before(async () => {
  beheerder = await login('beheerder');
  medewerker = await login('medewerker.dock');
});

let seq = 0;
/** A code nobody used before: [A-Z0-9-], at most 32 characters. */
function uniek(prefix) {
  seq += 1;
  return `${prefix}-${Date.now().toString(36)}${process.pid.toString(36)}${seq}`.toUpperCase();
}

const api = (p, opts) => asSession(beheerder, `/api/v1${p}`, opts);

/** Creates a record through the API; returns its JSON. */
async function maak(res, body) {
  const r = await api(`/${res}`, { method: 'POST', json: body });
  assert.equal(r.res.status, 201, `POST /api/v1/${res}: ${r.text}`);
  return r.json;
}

async function auditRijen(soort, id) {
  return sql(`SELECT actie, resultaat FROM audit WHERE object_soort = '${soort}'`
    + ` AND object_id = ${Number(id)} ORDER BY id`);
}

async function aantal(tabel, code) {
  const rows = await sql(`SELECT COUNT(*) FROM ${tabel} WHERE code = '${code}'`);
  return Number(rows[0][0]);
}

// ------------------------------------------------------------------ API

test('a beheerder creates, reads and updates an organisatie with If-Match', async () => {
  const code = uniek('ORG');
  const c = await api('/organisaties', {
    method: 'POST',
    json: { code, naam: 'Testorganisatie', soort: 'ketenpartner', keten_partij: 'werkom', geldig_van: '2024-01-01' },
  });
  assert.equal(c.res.status, 201, c.text);
  assert.match(c.res.headers.get('location'), /^\/api\/v1\/organisaties\/\d+$/);
  assert.equal(c.json.versie, 1);
  assert.equal(c.json.code, code);
  assert.equal(c.json.keten_partij, 'werkom');
  assert.equal(c.json.geldig_tot, null);

  const g = await api(c.res.headers.get('location').replace('/api/v1', ''));
  assert.equal(g.res.status, 200);
  assert.deepEqual(g.json, c.json);
  assert.equal(g.res.headers.get('etag'), '"1"');

  const u = await api(`/organisaties/${c.json.id}`, {
    method: 'PUT',
    headers: { 'if-match': '"1"' },
    json: { code, naam: 'Hernoemd', soort: 'afdeling', geldig_van: '2024-01-01', geldig_tot: '2025-12-31' },
  });
  assert.equal(u.res.status, 200, u.text);
  assert.equal(u.json.versie, 2);
  assert.equal(u.json.naam, 'Hernoemd');
  assert.equal(u.json.keten_partij, null, 'left out of the PUT: no party any more');
  assert.equal(u.json.geldig_tot, '2025-12-31');

  assert.deepEqual(await auditRijen('organisatie', c.json.id),
    [['aanmaken', 'gelukt'], ['wijzigen', 'gelukt']]);
});

test('an update with a stale If-Match is refused with 412 and changes nothing', async () => {
  const w = await maak('wijken', { code: uniek('W'), naam: 'Oud', geldig_van: '2024-01-01' });
  const body = { code: w.code, naam: 'Nieuw', geldig_van: '2024-01-01' };
  const first = await api(`/wijken/${w.id}`, { method: 'PUT', headers: { 'if-match': '1' }, json: body });
  assert.equal(first.res.status, 200, first.text);
  const stale = await api(`/wijken/${w.id}`, {
    method: 'PUT', headers: { 'if-match': '1' }, json: { ...body, naam: 'Verloren' },
  });
  assert.equal(stale.res.status, 412);
  assert.match(stale.res.headers.get('content-type'), /application\/problem\+json/);
  const now = await api(`/wijken/${w.id}`);
  assert.equal(now.json.naam, 'Nieuw');
  assert.equal(now.json.versie, 2);
});

test('an update without If-Match is refused with 428', async () => {
  const w = await maak('wijken', { code: uniek('W'), naam: 'Zonder', geldig_van: '2024-01-01' });
  const r = await api(`/wijken/${w.id}`, {
    method: 'PUT', json: { code: w.code, naam: 'Anders', geldig_van: '2024-01-01' },
  });
  assert.equal(r.res.status, 428);
  assert.equal((await api(`/wijken/${w.id}`)).json.naam, 'Zonder');
});

test('reading or updating a record that does not exist answers 404', async () => {
  assert.equal((await api('/ketens/999999999')).res.status, 404);
  const r = await api('/ketens/999999999', {
    method: 'PUT', headers: { 'if-match': '1' },
    json: { code: 'X', naam: 'x', opgave: 'x', geldig_van: '2024-01-01' },
  });
  assert.equal(r.res.status, 404);
});

test('a create retried with the same Idempotency-Key creates it once', async () => {
  const code = uniek('KET');
  const key = `test-${code}`;
  const body = { code, naam: 'Idempotente keten', opgave: 'Gezondheid', geldig_van: '2024-01-01' };
  const a = await api('/ketens', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
  const b = await api('/ketens', { method: 'POST', json: body, headers: { 'idempotency-key': key } });
  assert.equal(a.res.status, 201, a.text);
  assert.equal(b.res.status, 201, b.text);
  assert.equal(b.json.id, a.json.id);
  assert.equal(b.res.headers.get('location'), a.res.headers.get('location'));
  assert.equal(await aantal('keten', code), 1);
  assert.equal((await auditRijen('keten', a.json.id)).length, 1);
});

test('invalid fields are refused with 422 and errors per veld, nothing written', async () => {
  const code = uniek('TH');
  const r = await api('/themas', {
    method: 'POST',
    json: { code: code.toLowerCase(), naam: '', keten_id: 999999999, geldig_van: '2024-02-30' },
  });
  assert.equal(r.res.status, 422, r.text);
  const velden = r.json.errors.map((e) => e.veld).sort();
  assert.deepEqual(velden, ['code', 'geldig_van', 'keten_id', 'naam']);
  for (const e of r.json.errors) assert.ok(e.melding.length > 10, e.melding);
  assert.equal(await aantal('thema', code), 0);
  assert.equal(await aantal('thema', code.toLowerCase()), 0);
});

test('an end date before the start date is refused on geldig_tot', async () => {
  const r = await api('/wijken', {
    method: 'POST',
    json: { code: uniek('W'), naam: 'Omgekeerd', geldig_van: '2024-06-01', geldig_tot: '2024-05-31' },
  });
  assert.equal(r.res.status, 422);
  assert.deepEqual(r.json.errors.map((e) => e.veld), ['geldig_tot']);
});

test('a duplicate code is refused with 422 on the code field', async () => {
  const w = await maak('wijken', { code: uniek('W'), naam: 'Eerste', geldig_van: '2024-01-01' });
  const r = await api('/wijken', {
    method: 'POST', json: { code: w.code, naam: 'Tweede', geldig_van: '2024-01-01' },
  });
  assert.equal(r.res.status, 422, r.text);
  assert.deepEqual(r.json.errors.map((e) => e.veld), ['code']);
  assert.equal(await aantal('wijk', w.code), 1);
});

test('a wijkteam moved to another organisatie keeps the old link in historie', async () => {
  const [dock] = (await sql("SELECT id FROM organisatie WHERE code = 'DOCK'"))[0];
  const [smd] = (await sql("SELECT id FROM organisatie WHERE code = 'SMD'"))[0];
  const w1 = await maak('wijken', { code: uniek('W'), naam: 'Wijk een', geldig_van: '2020-01-01' });
  const w2 = await maak('wijken', { code: uniek('W'), naam: 'Wijk twee', geldig_van: '2020-01-01' });
  const wt = await maak('wijkteams', {
    code: uniek('WT'), naam: 'Verhuizend wijkteam', geldig_van: '2020-01-01',
    organisatie_id: Number(dock), wijk_ids: [w1.id],
  });
  assert.equal(wt.organisatie_id, Number(dock));
  assert.deepEqual(wt.wijk_ids, [w1.id]);

  const u = await api(`/wijkteams/${wt.id}`, {
    method: 'PUT', headers: { 'if-match': String(wt.versie) },
    json: {
      code: wt.code, naam: wt.naam, geldig_van: '2020-01-01', organisatie_id: Number(smd),
      wijk_ids: [w2.id], wijziging_per: '2024-07-01',
    },
  });
  assert.equal(u.res.status, 200, u.text);
  assert.equal(u.json.organisatie_id, Number(smd));
  assert.deepEqual(u.json.wijk_ids, [w2.id]);
  const orgs = u.json.historie.organisaties.map((h) => [h.organisatie_id, h.geldig_van, h.geldig_tot]);
  assert.deepEqual(orgs, [
    [Number(dock), '2020-01-01', '2024-06-30'],
    [Number(smd), '2024-07-01', null],
  ]);
  const wijken = u.json.historie.wijken.map((h) => [h.wijk_id, h.geldig_van, h.geldig_tot]);
  assert.deepEqual(wijken, [[w1.id, '2020-01-01', '2024-06-30'], [w2.id, '2024-07-01', null]]);
  // the history is rows in the database, not something computed
  const rows = await sql(`SELECT COUNT(*) FROM wijkteam_organisatie WHERE wijkteam_id = ${wt.id}`);
  assert.equal(rows[0][0], '2');
});

test('a wijkteam needs a wijkteamorganisatie and at least one wijk', async () => {
  const [werkom] = (await sql("SELECT id FROM organisatie WHERE code = 'WERKOM'"))[0];
  const r = await api('/wijkteams', {
    method: 'POST',
    json: { code: uniek('WT'), naam: 'Fout', geldig_van: '2024-01-01', organisatie_id: Number(werkom), wijk_ids: [] },
  });
  assert.equal(r.res.status, 422);
  assert.deepEqual(r.json.errors.map((e) => e.veld).sort(), ['organisatie_id', 'wijk_ids']);
});

test('a keten lists the users holding a regisseur grant for it', async () => {
  const [part] = (await sql("SELECT id FROM keten WHERE code = 'PART'"))[0];
  const r = await api(`/ketens/${part}`);
  assert.equal(r.res.status, 200);
  assert.ok(r.json.regisseurs.some((g) => g.gebruikersnaam === 'regisseur.participatie'),
    JSON.stringify(r.json.regisseurs));
  assert.ok(!r.json.regisseurs.some((g) => g.gebruikersnaam === 'regisseur.wmo'));
});

test('an opdracht with eisen and a budget replaced as a whole with If-Match', async () => {
  const [keten] = (await sql("SELECT id FROM keten WHERE code = 'PART'"))[0];
  const [dock] = (await sql("SELECT id FROM organisatie WHERE code = 'DOCK'"))[0];
  const [smd] = (await sql("SELECT id FROM organisatie WHERE code = 'SMD'"))[0];
  const op = await maak('opdrachten', {
    code: uniek('OP'), naam: 'Pilot', soort: 'aanvullend', keten_id: Number(keten),
    financiering: 'rijksmiddelen', geldig_van: '2025-01-01', geldig_tot: '2026-12-31',
  });
  const eis = await maak('eisen', {
    opdracht_id: op.id, code: 'E-1', omschrijving: 'Regel een\nregel twee', bron: 'uvo', geldig_van: '2025-01-01',
  });
  assert.equal(eis.omschrijving, 'Regel een\nregel twee');
  const dubbel = await api('/eisen', {
    method: 'POST', json: { opdracht_id: op.id, code: 'E-1', omschrijving: 'x', bron: 'pve', geldig_van: '2025-01-01' },
  });
  assert.equal(dubbel.res.status, 422);
  assert.deepEqual(dubbel.json.errors.map((e) => e.veld), ['code']);

  const put = (versie, items) => api(`/opdrachten/${op.id}/budgetten`, {
    method: 'PUT', headers: { 'if-match': `"${versie}"` }, json: { items },
  });
  let r = await put(1, [
    { organisatie_id: Number(dock), jaar: 2025, bedrag: '1200000.50' },
    { organisatie_id: Number(smd), jaar: 2025, bedrag: 800000 },
  ]);
  assert.equal(r.res.status, 200, r.text);
  assert.equal(r.json.versie, 2);
  assert.deepEqual(r.json.items.map((b) => [b.organisatie_id, b.jaar, b.bedrag]).sort(), [
    [Number(dock), 2025, '1200000.50'], [Number(smd), 2025, '800000.00'],
  ].sort());
  assert.equal((await put(1, [])).res.status, 412);
  assert.equal((await api(`/opdrachten/${op.id}/budgetten`, { method: 'PUT', json: { items: [] } })).res.status, 428);
  r = await put(2, [{ organisatie_id: Number(dock), jaar: 2025, bedrag: '10.005' },
    { organisatie_id: Number(dock), jaar: 1999, bedrag: '1' }]);
  assert.equal(r.res.status, 422);
  assert.deepEqual(r.json.errors.map((e) => e.veld), ['items[0].bedrag', 'items[1].jaar']);
  r = await put(2, [{ organisatie_id: Number(smd), jaar: 2026, bedrag: '640000' }]);
  assert.equal(r.res.status, 200, r.text);
  assert.deepEqual(r.json.items.map((b) => [b.organisatie_id, b.jaar, b.bedrag]),
    [[Number(smd), 2026, '640000.00']]);
  // rows are never deleted: the dropped lines are kept at 0 euro
  const rows = await sql(`SELECT COUNT(*), SUM(bedrag = 0) FROM opdracht_budget WHERE opdracht_id = ${op.id}`);
  assert.deepEqual(rows[0], ['3', '2']);
  assert.equal((await api(`/opdrachten/${op.id}`)).json.versie, 3);
  const audits = await auditRijen('opdracht_budget', op.id);
  assert.deepEqual(audits, [['wijzigen', 'gelukt'], ['wijzigen', 'gelukt']]);
});

// The audit letter (Bijlage 2): the brede opdracht spans every keten, an
// aanvullende opdracht belongs to one (migration 010, ops/structuur.c).
test('a brede opdracht has no keten, an aanvullende one has exactly one', async () => {
  const [[keten]] = await sql("SELECT id FROM keten WHERE code = 'PART'");
  const basis = { naam: 'Ketentoets', financiering: 'lumpsum', geldig_van: '2024-01-01' };

  const breed = await maak('opdrachten', { ...basis, code: uniek('OPB'), soort: 'breed', keten_id: null });
  assert.equal(breed.keten_id, null);
  const zonder = await maak('opdrachten', { ...basis, code: uniek('OPB'), soort: 'breed' });
  assert.equal(zonder.keten_id, null, 'keten_id left out: none');

  for (const [soort, keten_id] of [['breed', Number(keten)], ['aanvullend', null], ['aanvullend', undefined]]) {
    const code = uniek('OPX');
    const r = await api('/opdrachten', { method: 'POST', json: { ...basis, code, soort, keten_id } });
    assert.equal(r.res.status, 422, `${soort} with keten ${keten_id}: ${r.text}`);
    assert.deepEqual(r.json.errors.map((e) => e.veld), ['keten_id']);
    assert.match(r.json.errors[0].melding, soort === 'breed' ? /geen enkele keten/ : /hoort bij één keten/);
    assert.equal(await aantal('opdracht', code), 0, 'nothing written');
  }

  // changing the soort without the keten is refused the same way
  const u = await api(`/opdrachten/${breed.id}`, {
    method: 'PUT', headers: { 'if-match': '"1"' }, json: { ...basis, code: breed.code, soort: 'aanvullend' },
  });
  assert.equal(u.res.status, 422, u.text);
  assert.deepEqual(u.json.errors.map((e) => e.veld), ['keten_id']);
  const ok = await api(`/opdrachten/${breed.id}`, {
    method: 'PUT', headers: { 'if-match': '"1"' },
    json: { ...basis, code: breed.code, soort: 'aanvullend', keten_id: Number(keten) },
  });
  assert.equal(ok.res.status, 200, ok.text);
  assert.equal(ok.json.keten_id, Number(keten));

  // the form says it too, with the values kept
  const code = uniek('OPF');
  const f = await post('/beheer/opdrachten/nieuw', {
    ...basis, code, soort: 'breed', keten_id: keten, geldig_tot: '',
  });
  assert.equal(f.res.status, 422);
  assert.match(f.text, /href="#keten_id">Een brede opdracht hoort bij geen enkele keten/);
  assert.equal(await aantal('opdracht', code), 0);

  // the demo's brede opdracht has none (it used to sit on keten WMO)
  const [[demo]] = await sql("SELECT COUNT(*) FROM opdracht WHERE code = 'BREED' AND keten_id IS NULL");
  assert.equal(demo, '1');
  const [[fout]] = await sql("SELECT COUNT(*) FROM opdracht WHERE (soort = 'breed') <> (keten_id IS NULL)");
  assert.equal(fout, '0');
});

test('lists page with limit and cursor', async () => {
  for (let i = 0; i < 3; i++) await maak('wijken', { code: uniek('WL'), naam: `Lijst ${i}`, geldig_van: '2024-01-01' });
  const a = await api('/wijken?limit=2');
  assert.equal(a.res.status, 200);
  assert.equal(a.json.items.length, 2);
  assert.equal(typeof a.json.volgende, 'string');
  const b = await api(`/wijken?limit=2&cursor=${encodeURIComponent(a.json.volgende)}`);
  assert.equal(b.res.status, 200);
  assert.ok(b.json.items[0].id > a.json.items[1].id);
  assert.equal((await api('/wijken?limit=0')).res.status, 400);
  assert.equal((await api('/wijken?limit=501')).res.status, 400);
  assert.equal((await api('/wijken?cursor=abc')).res.status, 400);
});

test('a medewerker reads the structure but cannot change it', async () => {
  for (const res of ['organisaties', 'wijken', 'wijkteams', 'ketens', 'themas', 'opdrachten', 'eisen']) {
    const r = await asSession(medewerker, `/api/v1/${res}`);
    assert.equal(r.res.status, 200, `GET /api/v1/${res}`);
    assert.ok(r.json.items.length > 0, `${res} has demo data`);
  }
  const code = uniek('W');
  const w = await asSession(medewerker, '/api/v1/wijken', {
    method: 'POST', json: { code, naam: 'Mag niet', geldig_van: '2024-01-01' },
  });
  assert.equal(w.res.status, 403);
  const p = await asSession(medewerker, '/api/v1/wijken/1', {
    method: 'PUT', headers: { 'if-match': '1' }, json: { code, naam: 'Mag niet', geldig_van: '2024-01-01' },
  });
  assert.equal(p.res.status, 403);
  assert.equal((await asSession(medewerker, '/beheer/wijken')).res.status, 403);
  assert.equal(await aantal('wijk', code), 0);
});

test('anonymous callers get 401 from the API and the log-in page for admin pages', async () => {
  assert.equal((await asSession(null, '/api/v1/organisaties')).res.status, 401);
  assert.equal((await asSession(null, '/api/v1/organisaties/1')).res.status, 401);
  const w = await asSession(null, '/api/v1/wijken', { method: 'POST', json: { code: 'X' } });
  assert.equal(w.res.status, 401);
  const page = await asSession(null, '/beheer/wijken');
  assert.equal(page.res.status, 303);
  assert.match(page.res.headers.get('location'), /^\/inloggen/);
});

// ------------------------------------------------------------------ pages

/** A page GET as the beheerder; returns the HTML. */
async function pagina(p) {
  const r = await asSession(beheerder, p, { headers: { accept: 'text/html' } });
  assert.equal(r.res.status, 200, `GET ${p}: ${r.res.status}`);
  return r.text;
}

/** A form post as the beheerder's browser: csrf_token field, same Origin. */
function post(p, fields) {
  const pairs = Object.entries(fields).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, String(x)]) : [[k, String(v)]]));
  // only the cookie: the token travels in the form, as from a browser
  return asSession({ cookie: beheerder.cookie }, p, {
    method: 'POST', form: [['csrf_token', beheerder.csrf], ...pairs],
    headers: { origin: ORIGIN, accept: 'text/html' },
  });
}

test('the beheer index shows every section with its count', async () => {
  const html = await pagina('/beheer');
  for (const t of ['Organisaties', 'Wijken', 'Wijkteams', 'Ketens', 'Thema&#39;s', 'Opdrachten', 'Eisen']) {
    assert.ok(html.includes(t) || html.includes(t.replace('&#39;', "'")), `section ${t}`);
  }
  const [[n]] = await sql('SELECT COUNT(*) FROM wijkteam');
  assert.match(html, new RegExp(`href="/beheer/wijkteams">Wijkteams</a></th><td[^>]*>${n}<`));
});

test('a wijk created with the form appears in the list, with an audit row', async () => {
  const code = uniek('WF');
  const r = await post('/beheer/wijken/nieuw', { code, naam: `Formulierwijk ${code}`, geldig_van: '2024-03-01', geldig_tot: '' });
  assert.equal(r.res.status, 303, r.text);
  const loc = r.res.headers.get('location');
  assert.match(loc, /^\/beheer\/wijken\?aangemaakt=\d+$/);
  const id = loc.split('=')[1];
  // follow the redirect, then the next pages until the new row shows
  let html = await pagina(loc);
  assert.match(html, /De wijk is aangemaakt/);
  for (let guard = 0; !html.includes(code) && guard < 50; guard++) {
    const next = html.match(/href="(\/beheer\/wijken\?cursor=\d+)"/);
    assert.ok(next, 'the new wijk is in the list');
    html = await pagina(next[1]);
  }
  assert.ok(html.includes(`href="/beheer/wijken/${id}"`));
  assert.deepEqual(await auditRijen('wijk', id), [['aanmaken', 'gelukt']]);
});

test('a form with an error answers 422 with the values kept and writes nothing', async () => {
  const code = uniek('WF');
  const r = await post('/beheer/wijken/nieuw', { code, naam: '', geldig_van: '2024-03-01' });
  assert.equal(r.res.status, 422);
  assert.match(r.text, /Controleer het formulier/);
  assert.match(r.text, /href="#naam">Naam is verplicht/);
  assert.match(r.text, /id="naam-fout"/);
  assert.match(r.text, /aria-describedby="naam-fout"/);
  assert.ok(r.text.includes(`value="${code}"`), 'the typed code is kept');
  assert.equal(await aantal('wijk', code), 0);
});

test('a form without the CSRF token is refused and writes nothing', async () => {
  const code = uniek('WF');
  const r = await asSession({ cookie: beheerder.cookie }, '/beheer/wijken/nieuw', {
    method: 'POST', form: { code, naam: 'Zonder token', geldig_van: '2024-03-01' },
    headers: { accept: 'text/html' },
  });
  assert.equal(r.res.status, 403);
  assert.equal(await aantal('wijk', code), 0);
});

test('a wijkteam is created and moved with the forms (select and checkboxes)', async () => {
  const html = await pagina('/beheer/wijkteams/nieuw');
  assert.match(html, /<select[^>]*name="organisatie_id"/);
  assert.match(html, /<fieldset[^>]*id="wijk_ids"[\s\S]*?<legend[^>]*>Wijken<\/legend>/);
  const [[dock]] = await sql("SELECT id FROM organisatie WHERE code = 'DOCK'");
  const [[incl]] = await sql("SELECT id FROM organisatie WHERE code = 'INCLUZIO'");
  const wijken = (await sql("SELECT id FROM wijk WHERE code IN ('ZDO', 'PLB') ORDER BY id")).map((r) => r[0]);
  const code = uniek('WTF');
  let r = await post('/beheer/wijkteams/nieuw', {
    code, naam: 'Formulierteam', geldig_van: '2021-01-01', organisatie_id: dock, wijk_ids: wijken,
  });
  assert.equal(r.res.status, 303, r.text);
  const [[id]] = await sql(`SELECT id FROM wijkteam WHERE code = '${code}'`);
  let edit = await pagina(`/beheer/wijkteams/${id}`);
  assert.match(edit, /name="versie" value="1"/);
  for (const w of wijken) assert.match(edit, new RegExp(`value="${w}" checked`));

  r = await post(`/beheer/wijkteams/${id}`, {
    versie: 1, code, naam: 'Formulierteam', geldig_van: '2021-01-01', geldig_tot: '',
    organisatie_id: incl, wijk_ids: wijken, wijziging_per: '2023-01-01',
  });
  assert.equal(r.res.status, 303, r.text);
  edit = await pagina(`/beheer/wijkteams/${id}`);
  assert.match(edit, /Historie/);
  assert.match(edit, /DOCK Zaanstad<\/th><td[^>]*>2021-01-01<\/td><td[^>]*>2022-12-31</);
  assert.match(edit, /Incluzio Zaanstad<\/th><td[^>]*>2023-01-01<\/td><td[^>]*>heden</);
  assert.deepEqual(await auditRijen('wijkteam', id), [['aanmaken', 'gelukt'], ['wijzigen', 'gelukt']]);
});

test('a form with a stale versie answers 409 with a Dutch message and changes nothing', async () => {
  const w = await maak('wijken', { code: uniek('W'), naam: 'Voor', geldig_van: '2024-01-01' });
  const u = await api(`/wijken/${w.id}`, {
    method: 'PUT', headers: { 'if-match': '1' }, json: { code: w.code, naam: 'Door een ander', geldig_van: '2024-01-01' },
  });
  assert.equal(u.res.status, 200);
  const r = await post(`/beheer/wijken/${w.id}`, { versie: 1, code: w.code, naam: 'Mijn versie', geldig_van: '2024-01-01' });
  assert.equal(r.res.status, 409);
  assert.match(r.text, /Iemand anders heeft deze gegevens/);
  assert.match(r.text, /name="versie" value="2"/);
  assert.match(r.text, /value="Door een ander"/);
  assert.equal((await api(`/wijken/${w.id}`)).json.naam, 'Door een ander');
});

test('budgets are edited on the opdracht page', async () => {
  const [[smd]] = await sql("SELECT id FROM organisatie WHERE code = 'SMD'");
  const op = await maak('opdrachten', {
    code: uniek('OPF'), naam: 'Formulieropdracht', soort: 'breed',
    financiering: 'lumpsum', geldig_van: '2024-01-01',
  });
  let html = await pagina(`/beheer/opdrachten/${op.id}`);
  assert.match(html, /Budget per jaar en organisatie/);
  let r = await post(`/beheer/opdrachten/${op.id}/budgetten`, {
    versie: 1, nieuw_organisatie_id: smd, nieuw_jaar: 2024, nieuw_bedrag: '3900000,25',
  });
  assert.equal(r.res.status, 303, r.text);
  html = await pagina(`/beheer/opdrachten/${op.id}`);
  assert.match(html, /value="3900000.25"/);
  assert.match(html, /De budgetten zijn opgeslagen|name="versie" value="2"/);
  // the same organisatie and year twice is refused, nothing written
  r = await post(`/beheer/opdrachten/${op.id}/budgetten`, {
    versie: 2, budget_0_organisatie_id: smd, budget_0_jaar: 2024, budget_0_bedrag: '1',
    nieuw_organisatie_id: smd, nieuw_jaar: 2024, nieuw_bedrag: '2',
  });
  assert.equal(r.res.status, 422);
  assert.match(r.text, /staat dit jaar al in de lijst/);
  const rows = await sql(`SELECT bedrag FROM opdracht_budget WHERE opdracht_id = ${op.id}`);
  assert.deepEqual(rows, [['3900000.25']]);
});
