// inzage.test.mjs — the access history of an inwoner (NEN 7513) for the
// beheerder and auditor, and the AVG article 15 document for the beheerder
// (src/handlers/inzage.c).
//
// The inwoner under test is registered through the API by medewerker.dock
// (with a random valid BSN, so the BSN search has something to find); its
// traject, event and a few access rows are added with SQL, as is a second
// inwoner whose data must never appear in the first one's document.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql, req, ORIGIN } from './lib.mjs';

useStackLock(before, after);

const U = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const NAAM = `Inzagetest ${U}`;
const NAAM_ANDER = `Inzagetest Ander ${U}`;
const GEHEIM = `toelichting-${U}`;

/** A random BSN that passes the 11-proef. */
function randomBsn() {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const som = d.reduce((s, x, i) => s + x * (9 - i), 0);
    const laatste = som % 11;
    if (laatste <= 9) return d.join('') + String(laatste);
  }
}

const BSN = randomBsn();
let ids = {};
let beheerder; let auditor;

async function one(q) {
  const rows = await sql(q);
  return rows.length ? rows[rows.length - 1][0] : null;
}

async function maxAuditId() {
  return Number(await one('SELECT COALESCE(MAX(id), 0) FROM audit'));
}

/** Posts a form (the session's CSRF token in the header); body as text. */
async function postForm(s, p, form) {
  const res = await req(p, {
    method: 'POST',
    headers: {
      cookie: s.cookie, 'x-csrf-token': s.csrf, origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
  return { res, text: await res.text() };
}

before(async () => {
  beheerder = await login('beheerder');
  auditor = await login('auditor');
  const mw = await login('medewerker.dock');
  const wijk = Number(await one('SELECT MIN(id) FROM wijk'));
  const r = await asSession(mw, '/api/v1/inwoners', {
    method: 'POST', json: { naam: NAAM, geboortejaar: 1984, wijk_id: wijk, bsn: BSN },
  });
  assert.equal(r.res.status, 201, r.text);
  ids.inwoner = r.json.id;
  ids.dock = Number(await one("SELECT id FROM organisatie WHERE code = 'DOCK'"));
  ids.medewerker = Number(await one("SELECT id FROM gebruiker WHERE gebruikersnaam = 'medewerker.dock'"));
  const thema = await one('SELECT MIN(id) FROM thema');
  const opdracht = await one('SELECT MIN(id) FROM opdracht');
  const wt = await one(`SELECT MIN(wijkteam_id) FROM wijkteam_organisatie WHERE organisatie_id = ${ids.dock}`);
  ids.traject = Number(await one(`INSERT INTO traject (inwoner_id, soort, thema_id, opdracht_id,
    wijkteam_id, organisatie_id, startdatum) VALUES (${ids.inwoner}, 'participatie', ${thema},
    ${opdracht}, ${wt}, ${ids.dock}, '2024-02-01'); SELECT LAST_INSERT_ID();`));
  await sql(`INSERT INTO gebeurtenis (inwoner_id, traject_id, type, datum, gegevens, partij,
    organisatie_id, gebruiker_id) VALUES (${ids.inwoner}, ${ids.traject}, 'startgesprek',
    '2024-02-02', '{"uitkomst":"overbrugbaar","hulpvragen":"Zorgt voor een ouder ${U}"}',
    'wijkteam', ${ids.dock}, ${ids.medewerker})`);
  ids.ander = Number(await one(`INSERT INTO inwoner (naam, geboortejaar, wijk_id, organisatie_id)
    VALUES ('${NAAM_ANDER}', 1990, ${wijk}, ${ids.dock}); SELECT LAST_INSERT_ID();`));
  // Accesses as another part of the application would record them.
  for (const [inw, doel] of [[ids.inwoner, 'registratie'], [ids.inwoner, 'ketensamenwerking'],
    [ids.ander, 'registratie']]) {
    await sql(`INSERT INTO audit (gebruiker_id, actie, object_soort, object_id, inwoner_id, doel,
      route, resultaat, adres, toelichting) VALUES (${ids.medewerker}, 'inzien', 'inwoner', ${inw},
      ${inw}, '${doel}', 'GET /registratie/inwoners/{id:int}', 'gelukt', '127.0.0.1', '${GEHEIM}')`);
  }
});

test('only the beheerder and the auditor see access histories; only the beheerder makes the AVG document', async () => {
  const p = `/inzage/inwoners/${ids.inwoner}`;
  const api = `/api/v1/inwoners/${ids.inwoner}`;
  for (const user of ['medewerker.dock', 'teamleider.dock', 'ketenpartner.werkom', 'contractmanager']) {
    const s = await login(user);
    assert.equal((await asSession(s, '/inzage')).res.status, 403, `${user} GET /inzage`);
    assert.equal((await asSession(s, p)).res.status, 403, `${user} GET ${p}`);
    assert.equal((await asSession(s, `${api}/toegangshistorie`)).res.status, 403, user);
    assert.equal((await asSession(s, `${api}/avg-export`, { method: 'POST' })).res.status, 403, user);
    assert.equal((await postForm(s, `${p}/avg-export`, {})).res.status, 403, user);
    assert.equal((await postForm(s, '/inzage', { bsn: BSN })).res.status, 403, user);
  }
  assert.equal((await asSession(auditor, p)).res.status, 200);
  assert.equal((await asSession(auditor, `${api}/avg-export`, { method: 'POST' })).res.status, 403, 'auditor: no AVG document');
  assert.equal((await postForm(auditor, `${p}/avg-export`, {})).res.status, 403);
  const anon = await asSession(null, '/inzage');
  assert.equal(anon.res.status, 303);
  assert.equal((await asSession(null, `${api}/toegangshistorie`)).res.status, 401);
});

test('the history page shows every access but no personal data, and records the look', async () => {
  const voor = await maxAuditId();
  const r = await asSession(auditor, `/inzage/inwoners/${ids.inwoner}`);
  assert.equal(r.res.status, 200);
  assert.equal(r.res.headers.get('cache-control'), 'no-store');
  assert.match(r.text, new RegExp(`Toegangshistorie van inwoner ${ids.inwoner}`));
  assert.ok(!r.text.includes(NAAM), 'the name is not shown');
  assert.ok(!r.text.includes(BSN), 'the BSN is not shown in full');
  assert.ok(r.text.includes(`*****${BSN.slice(5)}`), 'the masked BSN is');
  assert.ok(r.text.includes('DOCK Zaanstad'));
  assert.ok(r.text.includes('medewerker.dock'), 'who looked');
  assert.ok(r.text.includes('Registratie door het wijkteam'), 'why, in words');
  assert.ok(r.text.includes('Samenwerking in de keten'));
  assert.ok(r.text.includes('GET /registratie/inwoners/{id:int}'), 'by which route');
  assert.ok(!r.text.includes('avg-export'), 'the auditor is not offered the AVG document');
  const rows = await sql(`SELECT gebruiker_id, actie, object_soort, inwoner_id, doel FROM audit WHERE id > ${voor}`);
  const auditorId = await one("SELECT id FROM gebruiker WHERE gebruikersnaam = 'auditor'");
  assert.deepEqual(rows, [[auditorId, 'inzien', 'toegangshistorie', String(ids.inwoner), 'toezicht']]);
  const b = await asSession(beheerder, `/inzage/inwoners/${ids.inwoner}`);
  assert.match(b.text, new RegExp(`<form method="post" action="/inzage/inwoners/${ids.inwoner}/avg-export"`));
});

test('the history API follows the list conventions', async () => {
  const p = `/api/v1/inwoners/${ids.inwoner}/toegangshistorie`;
  const eerste = await asSession(auditor, `${p}?limit=2`);
  assert.equal(eerste.res.status, 200);
  assert.equal(eerste.res.headers.get('api-version'), '1.0.0');
  assert.equal(eerste.json.items.length, 2);
  assert.equal(typeof eerste.json.volgende, 'string');
  const [a, b] = eerste.json.items;
  assert.ok(a.id > b.id, 'newest first');
  for (const k of ['id', 'tijdstip', 'gebruiker_id', 'gebruikersnaam', 'organisatie', 'actie', 'doel', 'route', 'resultaat']) {
    assert.ok(k in a, k);
  }
  const alles = await asSession(auditor, `${p}?limit=500`);
  // The two accesses inserted above (registering through the API wrote
  // its own row too, by another route).
  const mw = alles.json.items.filter((i) => i.gebruikersnaam === 'medewerker.dock' &&
    i.route === 'GET /registratie/inwoners/{id:int}');
  assert.deepEqual(mw.map((i) => i.doel).sort(), ['ketensamenwerking', 'registratie']);
  assert.ok(mw.every((i) => i.organisatie === 'DOCK Zaanstad'));
  const volgende = await asSession(auditor, `${p}?limit=2&cursor=${eerste.json.volgende}`);
  assert.equal(volgende.res.status, 200);
  assert.ok(volgende.json.items.every((i) => i.id < b.id), 'the next page starts below the last id');
  assert.equal(alles.json.volgende, null);
  for (const q of ['limit=0', 'limit=501', 'limit=x', 'cursor=abc']) {
    const bad = await asSession(auditor, `${p}?${q}`);
    assert.equal(bad.res.status, 400, q);
    assert.match(bad.res.headers.get('content-type'), /application\/problem\+json/);
  }
  assert.equal((await asSession(auditor, '/api/v1/inwoners/9007199254740991/toegangshistorie')).res.status, 404);
});

test('finding an inwoner: by number in the URL, by BSN only in a POST', async () => {
  let r = await asSession(auditor, `/inzage?inwoner=${ids.inwoner}`);
  assert.equal(r.res.status, 303);
  assert.equal(r.res.headers.get('location'), `/inzage/inwoners/${ids.inwoner}`);
  r = await asSession(auditor, '/inzage?inwoner=abc');
  assert.equal(r.res.status, 422);
  assert.match(r.text, /href="#inwoner"/);
  r = await asSession(auditor, '/inzage');
  assert.equal(r.res.status, 200);
  assert.match(r.text, /<form method="post" action="\/inzage"/);

  const voor = await maxAuditId();
  r = await postForm(auditor, '/inzage', { bsn: `${BSN.slice(0, 3)} ${BSN.slice(3, 6)} ${BSN.slice(6)}` });
  assert.equal(r.res.status, 303);
  assert.equal(r.res.headers.get('location'), `/inzage/inwoners/${ids.inwoner}`);
  const rows = await sql(`SELECT actie, inwoner_id, doel, toelichting FROM audit WHERE id > ${voor}`);
  assert.deepEqual(rows, [['zoeken', String(ids.inwoner), 'toezicht', 'gevonden op BSN']]);
  assert.ok(!JSON.stringify(rows).includes(BSN), 'the BSN is not in the audit log');

  r = await postForm(auditor, '/inzage', { bsn: '123456789' });
  assert.equal(r.res.status, 422);
  assert.match(r.text, /elfproef/);
  r = await postForm(auditor, '/inzage', { bsn: '12345' });
  assert.equal(r.res.status, 422);
  let onbekend;
  do { onbekend = randomBsn(); } while (onbekend === BSN);
  r = await postForm(auditor, '/inzage', { bsn: onbekend });
  assert.equal(r.res.status, 200);
  assert.match(r.text, /geen inwoner met dit BSN/);
});

function checkDocument(doc) {
  assert.equal(doc.inwoner.id, ids.inwoner);
  assert.equal(doc.inwoner.naam, NAAM);
  assert.equal(doc.inwoner.geboortejaar, 1984);
  assert.equal(doc.inwoner.bsn, BSN, 'the BSN in full');
  assert.equal(doc.inwoner.geregistreerd_door, 'DOCK Zaanstad');
  assert.deepEqual(doc.trajecten.map((t) => t.id), [ids.traject]);
  assert.equal(doc.trajecten[0].soort_omschrijving, 'Participatiebegeleiding');
  assert.equal(doc.gebeurtenissen.length, 1);
  assert.equal(doc.gebeurtenissen[0].type, 'startgesprek');
  assert.equal(doc.gebeurtenissen[0].gegevens.hulpvragen, `Zorgt voor een ouder ${U}`);
  assert.ok(Array.isArray(doc.toegang) && doc.toegang.length >= 3);
  const doelen = doc.toegang.map((t) => t.doel);
  for (const d of ['registratie', 'ketensamenwerking', 'avg-inzage']) assert.ok(doelen.includes(d), d);
  for (const t of doc.toegang) {
    assert.deepEqual(Object.keys(t).sort(), ['actie', 'doel', 'doel_omschrijving', 'organisatie', 'resultaat', 'tijdstip']);
  }
  const tekst = JSON.stringify(doc);
  assert.ok(!tekst.includes('medewerker.dock'), 'no employee user names');
  assert.ok(!tekst.includes('Medewerker (DOCK)'), 'no employee names');
  assert.ok(!tekst.includes(GEHEIM), 'no audit remarks');
  assert.ok(!tekst.includes(NAAM_ANDER), 'nothing of the other inwoner');
  assert.ok(!tekst.includes(`"inwoner_id":${ids.ander}`) && !tekst.includes(`"id":${ids.ander},`),
    'not even their number');
}

test('the AVG document holds all of this inwoner\'s data and accesses, nothing of anyone else', async () => {
  const voor = await maxAuditId();
  const res = await req(`/inzage/inwoners/${ids.inwoner}/avg-export`, {
    method: 'POST',
    headers: {
      cookie: beheerder.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ csrf_token: beheerder.csrf }).toString(),
  });
  const text = await res.text();
  assert.equal(res.status, 200, text.slice(0, 300));
  assert.equal(res.headers.get('content-type'), 'application/json');
  assert.match(res.headers.get('content-disposition'),
    new RegExp(`^attachment; filename="avg-inzage-inwoner-${ids.inwoner}-\\d{8}\\.json"$`));
  assert.equal(res.headers.get('cache-control'), 'no-store');
  const doc = JSON.parse(text);
  checkDocument(doc);
  const rows = await sql(`SELECT actie, inwoner_id, doel FROM audit WHERE id > ${voor}`);
  assert.deepEqual(rows, [['avg_export', String(ids.inwoner), 'avg-inzage']]);
  // Every access row of this inwoner is listed (this export's own included).
  const n = await one(`SELECT COUNT(*) FROM audit WHERE inwoner_id = ${ids.inwoner}`);
  assert.equal(doc.toegang.length, Number(n));
});

test('the AVG document through the API, and 404 for an unknown inwoner', async () => {
  const r = await asSession(beheerder, `/api/v1/inwoners/${ids.inwoner}/avg-export`, { method: 'POST' });
  assert.equal((await asSession(beheerder, `/api/v1/inwoners/${ids.inwoner}/avg-export`)).res.status, 405, 'not a GET');
  assert.equal(r.res.status, 200);
  assert.equal(r.res.headers.get('api-version'), '1.0.0');
  checkDocument(r.json);
  const nf = await asSession(beheerder, '/api/v1/inwoners/9007199254740991/avg-export', { method: 'POST' });
  assert.equal(nf.res.status, 404);
  assert.match(nf.res.headers.get('content-type'), /application\/problem\+json/);
  const page = await asSession(beheerder, '/inzage/inwoners/9007199254740991');
  assert.equal(page.res.status, 404);
});
