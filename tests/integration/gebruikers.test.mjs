// gebruikers.test.mjs — user accounts, grants, one-time password links and
// API tokens, against the real stack (nginx → wijkzicht-fcgi → MariaDB):
// the JSON API, the admin pages, the public page behind a link, and
// `wijkzicht create-beheerder`.
//
// Every test makes its own users with unique names; nothing here depends
// on another test's data. Every secret a test sees (links, tokens) is
// collected, and the last test proves none of them reached the audit
// table, the idempotency table, the application log or nginx's access log.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import {
  useStackLock, login, asSession, fetchText, sql, cli, clearLoginThrottle,
  logOffset, logSince, appLog, VAR, sleep,
} from './lib.mjs';

useStackLock(before, after);

const secrets = new Set();           // every link token and API token seen
const LINK_RE = /\/wachtwoord-instellen\/([A-Za-z0-9_-]{43})/;
const PASSWORD = 'Een lang en sterk wachtwoord 42';
const COMMON = '1qaz2wsx3edc';       // 12 characters, in the common list

let beheer;                          // a beheerder's session
let logStart;                        // app log size before these tests
let accessLogStart;
const accessLog = () => path.join(VAR, 'log', 'nginx-access.log');

let seq = 0;
const uniq = (p = 'gt') => `${p}.${Date.now().toString(36)}${(seq++).toString(36)}`;

before(async () => {
  await clearLoginThrottle();
  logStart = logOffset();
  accessLogStart = logOffset(accessLog());
  beheer = await login('beheerder');
});

/** Creates a user through the API; returns { id, naam, link, body }. */
async function createUser(s = beheer, naam = uniq()) {
  const r = await asSession(s, '/api/v1/gebruikers', {
    method: 'POST', json: { gebruikersnaam: naam, naam: `Test ${naam}` },
  });
  assert.equal(r.res.status, 201, r.text);
  const m = LINK_RE.exec(r.json.wachtwoord_link || '');
  assert.ok(m, `no link in ${r.text}`);
  secrets.add(m[1]);
  return { id: r.json.id, naam, link: r.json.wachtwoord_link, token: m[1], body: r.json, res: r.res };
}

/** Opens the link page and posts the form, as a browser without a session. */
async function setPassword(link, nieuw = PASSWORD, herhaling = nieuw) {
  const page = await fetchText(link);
  const post = await asSession(null, link, { method: 'POST', form: { nieuw, herhaling } });
  return { page, post };
}

async function grant(id, body, s = beheer) {
  return asSession(s, `/api/v1/gebruikers/${id}/toekenningen`, { method: 'POST', json: body });
}

/** A user with a password and (optionally) a grant; returns its session too. */
async function readyUser(grantBody) {
  const u = await createUser();
  const { post } = await setPassword(u.link);
  assert.equal(post.res.status, 303, post.text);
  if (grantBody) assert.equal((await grant(u.id, grantBody)).res.status, 201);
  const s = await login(u.naam, PASSWORD);
  return { ...u, s };
}

async function version(id) {
  const r = await asSession(beheer, `/api/v1/gebruikers/${id}`);
  assert.equal(r.res.status, 200, r.text);
  return r.json.versie;
}

async function issueToken(gebruikerId, naam = uniq('koppeling')) {
  const r = await asSession(beheer, '/api/v1/tokens', { method: 'POST', json: { naam, gebruiker_id: gebruikerId } });
  assert.equal(r.res.status, 201, r.text);
  assert.match(r.json.token, /^[A-Za-z0-9_-]{43}$/);
  secrets.add(r.json.token);
  return r.json;
}

const keten = async (code) => Number((await sql(`SELECT id FROM keten WHERE code = '${code}'`))[0][0]);
const organisatie = async (code) => Number((await sql(`SELECT id FROM organisatie WHERE code = '${code}'`))[0][0]);

// ------------------------------------------------------------ links

test('a user made through the API sets a password with the link and can then log in', async () => {
  const u = await createUser();
  assert.equal(u.body.actief, true);
  assert.equal(u.body.wachtwoord_ingesteld, false);
  assert.deepEqual(u.body.toekenningen, []);
  assert.match(u.res.headers.get('location'), new RegExp(`^/api/v1/gebruikers/${u.id}$`));
  assert.equal(u.res.headers.get('cache-control'), 'no-store');
  assert.ok(Date.parse(u.body.wachtwoord_link_verloopt_op) - Date.now() > 6.9 * 86400e3);
  // No password yet: logging in fails.
  assert.equal((await login(u.naam, PASSWORD, { expect: false })).res.status, 401);

  const { page, post } = await setPassword(u.link);
  assert.equal(page.res.status, 200);
  assert.match(page.text, /<form method="post" action="\/wachtwoord-instellen\//);
  assert.ok(page.text.includes(u.naam), 'the page names the account');
  assert.equal(page.res.headers.get('cache-control'), 'no-store');
  assert.equal(post.res.status, 303, post.text);
  assert.equal(post.res.headers.get('location'), '/inloggen?wachtwoord=ingesteld');

  const s = await login(u.naam, PASSWORD);
  assert.equal(s.me.gebruikersnaam, u.naam);
  const me = await asSession(s, '/api/v1/mij');
  assert.equal(me.res.status, 200);
  assert.equal(me.json.id, u.id);
  const rows = await sql(`SELECT resultaat FROM audit WHERE actie = 'wachtwoord_instellen' AND object_id = ${u.id}`);
  assert.deepEqual(rows, [['gelukt']]);
});

test('a link works once: a second GET or POST is refused and changes nothing', async () => {
  const u = await createUser();
  assert.equal((await setPassword(u.link)).post.res.status, 303);
  const hash = (await sql(`SELECT wachtwoord_hash FROM gebruiker WHERE id = ${u.id}`))[0][0];
  const again = await setPassword(u.link, 'Een ander sterk wachtwoord 43');
  assert.equal(again.page.res.status, 404);
  assert.equal(again.post.res.status, 404);
  assert.match(again.post.text, /Deze link werkt niet/);
  assert.equal((await sql(`SELECT wachtwoord_hash FROM gebruiker WHERE id = ${u.id}`))[0][0], hash);
  assert.equal((await login(u.naam, 'Een ander sterk wachtwoord 43', { expect: false })).res.status, 401);
  await clearLoginThrottle();
});

test('an unknown or malformed link gets the same Dutch page as a used one', async () => {
  const unknown = await fetchText(`/wachtwoord-instellen/${'A'.repeat(43)}`);
  assert.equal(unknown.res.status, 404);
  assert.match(unknown.text, /Deze link werkt niet/);
  assert.match(unknown.text, /Vraag de beheerder/);
  const short = await fetchText(`/wachtwoord-instellen/${'A'.repeat(42)}`);
  assert.equal(short.res.status, 404);
  const post = await asSession(null, `/wachtwoord-instellen/${'B'.repeat(43)}`, { method: 'POST', form: { nieuw: PASSWORD, herhaling: PASSWORD } });
  assert.equal(post.res.status, 404);
});

test('a too short, common, own-name or mismatched password is refused with 422 and nothing is set', async () => {
  const u = await createUser(beheer, uniq('langegebruikersnaam'));
  assert.ok(u.naam.length >= 12);
  for (const [nieuw, herhaling, veld] of [
    ['kort', 'kort', 'nieuw'],
    [COMMON, COMMON, 'nieuw'],
    [u.naam, u.naam, 'nieuw'],
    [PASSWORD, `${PASSWORD}x`, 'herhaling'],
  ]) {
    const { post } = await setPassword(u.link, nieuw, herhaling);
    assert.equal(post.res.status, 422, `${nieuw}: ${post.res.status}`);
    assert.match(post.text, new RegExp(`href="#${veld}"`), 'the error links to its field');
    assert.match(post.text, /aria-invalid="true"/);
    assert.doesNotMatch(post.text, /name="(nieuw|herhaling)"[^>]*value=/, 'a password is never echoed');
  }
  const rows = await sql(`SELECT wachtwoord_hash IS NULL, (SELECT COUNT(*) FROM wachtwoord_link WHERE gebruiker_id = ${u.id} AND gebruikt_op IS NULL) FROM gebruiker WHERE id = ${u.id}`);
  assert.deepEqual(rows, [['1', '1']], 'no password set, the link still unused');
  assert.equal((await setPassword(u.link)).post.res.status, 303, 'the link still works');
});

test('a new link makes older unused links stop working', async () => {
  const u = await createUser();
  const r = await asSession(beheer, `/api/v1/gebruikers/${u.id}/wachtwoordlink`, { method: 'POST' });
  assert.equal(r.res.status, 201, r.text);
  const m = LINK_RE.exec(r.json.wachtwoord_link);
  secrets.add(m[1]);
  assert.notEqual(m[1], u.token);
  assert.equal((await fetchText(u.link)).res.status, 404, 'the old link is void');
  assert.equal((await fetchText(r.json.wachtwoord_link)).res.status, 200);
  const audit = await sql(`SELECT COUNT(*) FROM audit WHERE actie = 'wachtwoordlink_uitgeven' AND object_id = ${u.id}`);
  assert.equal(audit[0][0], '2');
});

test('setting a password with a link ends the sessions the user had', async () => {
  const u = await readyUser();
  const r = await asSession(beheer, `/api/v1/gebruikers/${u.id}/wachtwoordlink`, { method: 'POST' });
  secrets.add(LINK_RE.exec(r.json.wachtwoord_link)[1]);
  assert.equal((await asSession(u.s, '/api/v1/mij')).res.status, 200);
  assert.equal((await setPassword(r.json.wachtwoord_link, 'Nog een heel ander wachtwoord')).post.res.status, 303);
  assert.equal((await asSession(u.s, '/api/v1/mij')).res.status, 401);
});

// ------------------------------------------------------------ API

test('the user list pages with limit and cursor', async () => {
  await createUser();
  await createUser();
  const a = await asSession(beheer, '/api/v1/gebruikers?limit=1');
  assert.equal(a.res.status, 200);
  assert.equal(a.json.items.length, 1);
  assert.equal(typeof a.json.volgende, 'string');
  const b = await asSession(beheer, `/api/v1/gebruikers?limit=1&cursor=${encodeURIComponent(a.json.volgende)}`);
  assert.equal(b.res.status, 200);
  assert.ok(b.json.items[0].id > a.json.items[0].id);
  for (const k of ['id', 'versie', 'gebruikersnaam', 'naam', 'actief', 'rollen']) assert.ok(k in a.json.items[0], k);
  assert.ok(!('wachtwoord_hash' in a.json.items[0]));
  const all = await asSession(beheer, '/api/v1/gebruikers?limit=500');
  assert.ok(!all.text.includes('$argon2'), 'no hash ever leaves the server');
  for (const bad of ['limit=0', 'limit=501', 'limit=x', 'cursor=abc', 'cursor=-1']) {
    assert.equal((await asSession(beheer, `/api/v1/gebruikers?${bad}`)).res.status, 400, bad);
  }
});

test('creating a user refuses bad or taken names with 422', async () => {
  const u = await createUser();
  for (const body of [
    { gebruikersnaam: 'ab', naam: 'Kort' },
    { gebruikersnaam: 'Hoofdletter', naam: 'X' },
    { gebruikersnaam: 'met spatie', naam: 'X' },
    { gebruikersnaam: 'x'.repeat(65), naam: 'X' },
    { gebruikersnaam: uniq(), naam: '   ' },
    { gebruikersnaam: uniq(), naam: 'a\nb' },
    { gebruikersnaam: uniq(), naam: 'x'.repeat(201) },
    { gebruikersnaam: 5, naam: 'X' },
    { gebruikersnaam: u.naam, naam: 'Dubbel' },
  ]) {
    const r = await asSession(beheer, '/api/v1/gebruikers', { method: 'POST', json: body });
    assert.equal(r.res.status, 422, JSON.stringify(body));
    assert.match(r.res.headers.get('content-type'), /problem\+json/);
    assert.ok(r.json.errors.length > 0);
  }
  const n = await sql(`SELECT COUNT(*) FROM gebruiker WHERE gebruikersnaam = '${u.naam}'`);
  assert.equal(n[0][0], '1');
  assert.equal((await asSession(beheer, '/api/v1/gebruikers', { method: 'POST', json: [1] })).res.status, 400);
});

test('a retried create with the same Idempotency-Key creates nothing twice and repeats no secret', async () => {
  const naam = uniq();
  const key = `k-${naam}`;
  const send = () => asSession(beheer, '/api/v1/gebruikers', {
    method: 'POST', json: { gebruikersnaam: naam, naam: 'Idem' }, headers: { 'idempotency-key': key },
  });
  const a = await send();
  assert.equal(a.res.status, 201);
  secrets.add(LINK_RE.exec(a.json.wachtwoord_link)[1]);
  const b = await send();
  assert.equal(b.res.status, 201);
  assert.equal(b.res.headers.get('idempotent-replayed'), 'true');
  assert.equal(b.json.id, a.json.id);
  assert.equal(b.json.wachtwoord_link, null);
  assert.equal((await sql(`SELECT COUNT(*) FROM gebruiker WHERE gebruikersnaam = '${naam}'`))[0][0], '1');
});

test('PUT needs If-Match: 428 without, 412 when stale, 200 with the current version', async () => {
  const u = await createUser();
  const p = `/api/v1/gebruikers/${u.id}`;
  const body = { naam: 'Nieuwe naam', actief: true };
  assert.equal((await asSession(beheer, p, { method: 'PUT', json: body })).res.status, 428);
  assert.equal((await asSession(beheer, p, { method: 'PUT', json: body, headers: { 'if-match': '"99"' } })).res.status, 412);
  const ok = await asSession(beheer, p, { method: 'PUT', json: body, headers: { 'if-match': `"${u.body.versie}"` } });
  assert.equal(ok.res.status, 200, ok.text);
  assert.equal(ok.json.naam, 'Nieuwe naam');
  assert.equal(ok.json.versie, u.body.versie + 1);
  assert.equal(ok.res.headers.get('etag'), `"${u.body.versie + 1}"`);
  // The old version is now stale: no lost update.
  const stale = await asSession(beheer, p, { method: 'PUT', json: { naam: 'Weer anders', actief: true }, headers: { 'if-match': `"${u.body.versie}"` } });
  assert.equal(stale.res.status, 412);
  assert.equal((await asSession(beheer, p)).json.naam, 'Nieuwe naam');
  const bad = await asSession(beheer, p, { method: 'PUT', json: { naam: 'x' }, headers: { 'if-match': `"${ok.json.versie}"` } });
  assert.equal(bad.res.status, 422);
  assert.equal((await asSession(beheer, '/api/v1/gebruikers/999999999', { method: 'PUT', json: body, headers: { 'if-match': '"1"' } })).res.status, 404);
  assert.equal((await asSession(beheer, '/api/v1/gebruikers/999999999')).res.status, 404);
});

test('adding and removing a grant changes what /api/v1/mij shows', async () => {
  const u = await readyUser();
  assert.deepEqual((await asSession(u.s, '/api/v1/mij')).json.toekenningen, []);
  const k = await keten('PART');
  const g = await grant(u.id, { rol: 'regisseur', scope_soort: 'keten', scope_id: k });
  assert.equal(g.res.status, 201, g.text);
  assert.equal(g.json.rol, 'regisseur');
  assert.equal(g.json.scope_id, k);
  const mij = await asSession(u.s, '/api/v1/mij');
  assert.deepEqual(mij.json.rollen, ['regisseur']);
  assert.deepEqual(mij.json.toekenningen.map((t) => [t.rol, t.scope_soort, t.scope_id]), [['regisseur', 'keten', k]]);
  const detail = await asSession(beheer, `/api/v1/gebruikers/${u.id}`);
  assert.equal(detail.json.toekenningen.length, 1);
  assert.equal(detail.json.toekenningen[0].id, g.json.id);
  // The same grant twice is refused.
  assert.equal((await grant(u.id, { rol: 'regisseur', scope_soort: 'keten', scope_id: k })).res.status, 422);

  const del = await asSession(beheer, `/api/v1/gebruikers/${u.id}/toekenningen/${g.json.id}`, { method: 'DELETE' });
  assert.equal(del.res.status, 204);
  assert.deepEqual((await asSession(u.s, '/api/v1/mij')).json.toekenningen, []);
  assert.equal((await asSession(beheer, `/api/v1/gebruikers/${u.id}/toekenningen/${g.json.id}`, { method: 'DELETE' })).res.status, 404);
  const acts = await sql(`SELECT actie FROM audit WHERE object_soort = 'gebruiker' AND object_id = ${u.id} AND actie LIKE 'toekenning%' ORDER BY id`);
  assert.deepEqual(acts.flat(), ['toekenning_toevoegen', 'toekenning_verwijderen']);
});

test('a scope that does not fit the role, or does not exist, is refused with 422', async () => {
  const u = await createUser();
  const org = await organisatie('DOCK');
  for (const body of [
    { rol: 'beheerder', scope_soort: 'organisatie', scope_id: org },
    { rol: 'regisseur', scope_soort: 'gemeente' },
    { rol: 'regisseur', scope_soort: 'organisatie', scope_id: org },
    { rol: 'ketenpartner', scope_soort: 'wijkteam', scope_id: 1 },
    { rol: 'medewerker', scope_soort: 'organisatie', scope_id: 999999999 },
    { rol: 'medewerker', scope_soort: 'organisatie' },
    { rol: 'auditor', scope_soort: 'gemeente', scope_id: 5 },
    { rol: 'koning', scope_soort: 'gemeente' },
    { rol: 'medewerker', scope_soort: 'land', scope_id: 1 },
    { rol: 'medewerker', scope_soort: 'organisatie', scope_id: 'een' },
  ]) {
    const r = await grant(u.id, body);
    assert.equal(r.res.status, 422, `${JSON.stringify(body)}: ${r.text}`);
    assert.ok(r.json.errors.length > 0);
  }
  assert.equal((await sql(`SELECT COUNT(*) FROM toekenning WHERE gebruiker_id = ${u.id}`))[0][0], '0');
  // And ones that fit are accepted.
  assert.equal((await grant(u.id, { rol: 'auditor', scope_soort: 'gemeente' })).res.status, 201);
  assert.equal((await grant(u.id, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: org })).res.status, 201);
  assert.equal((await grant(999999999, { rol: 'auditor', scope_soort: 'gemeente' })).res.status, 404);
});

test('disabling a user ends their session at once and their token stops working', async () => {
  const u = await readyUser({ rol: 'auditor', scope_soort: 'gemeente' });
  const t = await issueToken(u.id);
  const bearer = { token: t.token };
  assert.equal((await asSession(u.s, '/api/v1/mij')).res.status, 200);
  assert.equal((await asSession(bearer, '/api/v1/mij')).res.status, 200);
  const v = await version(u.id);
  const off = await asSession(beheer, `/api/v1/gebruikers/${u.id}`, { method: 'PUT', json: { naam: 'Uit', actief: false }, headers: { 'if-match': `"${v}"` } });
  assert.equal(off.res.status, 200, off.text);
  assert.equal(off.json.actief, false);
  assert.equal((await asSession(u.s, '/api/v1/mij')).res.status, 401);
  assert.equal((await asSession(bearer, '/api/v1/mij')).res.status, 401);
  assert.equal((await sql(`SELECT COUNT(*) FROM sessie WHERE gebruiker_id = ${u.id}`))[0][0], '0');
  assert.equal((await login(u.naam, PASSWORD, { expect: false })).res.status, 401);
  // Enabled again, the token works again (it was never revoked); the
  // ended session stays ended.
  const on = await asSession(beheer, `/api/v1/gebruikers/${u.id}`, { method: 'PUT', json: { naam: 'Aan', actief: true }, headers: { 'if-match': `"${off.json.versie}"` } });
  assert.equal(on.res.status, 200);
  assert.equal((await asSession(bearer, '/api/v1/mij')).res.status, 200);
  assert.equal((await asSession(u.s, '/api/v1/mij')).res.status, 401);
  await clearLoginThrottle();
});

test('a beheerder cannot disable themselves or drop their own beheerder grant', async () => {
  const b = await readyUser({ rol: 'beheerder', scope_soort: 'gemeente' });
  const v = await version(b.id);
  const r = await asSession(b.s, `/api/v1/gebruikers/${b.id}`, { method: 'PUT', json: { naam: 'Ik', actief: false }, headers: { 'if-match': `"${v}"` } });
  assert.equal(r.res.status, 422);
  const tid = (await asSession(b.s, `/api/v1/gebruikers/${b.id}`)).json.toekenningen[0].id;
  assert.equal((await asSession(b.s, `/api/v1/gebruikers/${b.id}/toekenningen/${tid}`, { method: 'DELETE' })).res.status, 422);
  // Another beheerder may.
  assert.equal((await asSession(beheer, `/api/v1/gebruikers/${b.id}/toekenningen/${tid}`, { method: 'DELETE' })).res.status, 204);
});

test('a token authenticates with Authorization: Bearer until it is revoked', async () => {
  const u = await readyUser({ rol: 'contractmanager', scope_soort: 'gemeente' });
  const t = await issueToken(u.id, 'Koppeling dashboard');
  assert.equal(t.gebruiker_id, u.id);
  assert.equal(t.ingetrokken, false);
  const bearer = { token: t.token };
  const me = await asSession(bearer, '/api/v1/mij');
  assert.equal(me.res.status, 200);
  assert.equal(me.json.gebruikersnaam, u.naam);
  assert.deepEqual(me.json.rollen, ['contractmanager']);

  const list = await asSession(beheer, '/api/v1/tokens?limit=500');
  assert.equal(list.res.status, 200);
  const row = list.json.items.find((x) => x.id === t.id);
  assert.ok(row, 'the token is listed');
  assert.ok(!list.text.includes(t.token), 'a list never shows a token');
  const one = await asSession(beheer, `/api/v1/tokens/${t.id}`);
  assert.equal(one.res.status, 200);
  assert.equal(one.json.token, undefined);

  const del = await asSession(beheer, `/api/v1/tokens/${t.id}`, { method: 'DELETE' });
  assert.equal(del.res.status, 204);
  assert.equal((await asSession(bearer, '/api/v1/mij')).res.status, 401);
  const after = await asSession(beheer, `/api/v1/tokens/${t.id}`);
  assert.equal(after.json.ingetrokken, true);
  assert.match(after.json.ingetrokken_op, /^\d{4}-\d\d-\d\dT/);
  assert.equal((await asSession(beheer, `/api/v1/tokens/${t.id}`, { method: 'DELETE' })).res.status, 204, 'revoking twice is fine');
  assert.equal((await asSession(beheer, '/api/v1/tokens/999999999', { method: 'DELETE' })).res.status, 404);
  const acts = await sql(`SELECT actie FROM audit WHERE object_soort = 'api_token' AND object_id = ${t.id} ORDER BY id`);
  assert.deepEqual(acts.flat(), ['token_uitgeven', 'token_intrekken']);
});

test('a token is refused for an unknown or disabled user, and for a bad name', async () => {
  const u = await createUser();
  const v = u.body.versie;
  await asSession(beheer, `/api/v1/gebruikers/${u.id}`, { method: 'PUT', json: { naam: 'Uit', actief: false }, headers: { 'if-match': `"${v}"` } });
  for (const body of [
    { naam: 'x', gebruiker_id: u.id },
    { naam: 'x', gebruiker_id: 999999999 },
    { naam: '', gebruiker_id: 1 },
    { naam: 'x' },
    { naam: 'x', gebruiker_id: 'een' },
  ]) {
    const r = await asSession(beheer, '/api/v1/tokens', { method: 'POST', json: body });
    assert.equal(r.res.status, 422, JSON.stringify(body));
  }
});

// ------------------------------------------------------------ pages

test('the admin pages: create a user, see the link once, edit, grant, and revoke', async () => {
  const naam = uniq('pagina');
  const made = await asSession(beheer, '/beheer/gebruikers/nieuw', { method: 'POST', form: { csrf_token: beheer.csrf, gebruikersnaam: naam, naam: 'Pagina Test' } });
  assert.equal(made.res.status, 200, made.text);
  assert.equal(made.res.headers.get('cache-control'), 'no-store');
  const m = LINK_RE.exec(made.text);
  assert.ok(m, 'the page shows the link');
  secrets.add(m[1]);
  const id = Number((await sql(`SELECT id FROM gebruiker WHERE gebruikersnaam = '${naam}'`))[0][0]);
  const page = await asSession(beheer, `/beheer/gebruikers/${id}`);
  assert.equal(page.res.status, 200);
  assert.ok(!page.text.includes(m[1]), 'the link is shown only once');
  assert.match(page.text, /name="versie" value="1"/);

  // A bad name re-renders with the typed values and a linked error.
  const bad = await asSession(beheer, '/beheer/gebruikers/nieuw', { method: 'POST', form: { csrf_token: beheer.csrf, gebruikersnaam: 'X!', naam: 'Typed <naam>' } });
  assert.equal(bad.res.status, 422);
  assert.match(bad.text, /href="#gebruikersnaam"/);
  assert.match(bad.text, /value="Typed &lt;naam&gt;"/);

  // Edit: saved with the current version, 409 with a stale one.
  const save = await asSession(beheer, `/beheer/gebruikers/${id}`, { method: 'POST', form: { csrf_token: beheer.csrf, versie: '1', naam: 'Pagina Nieuw', actief: '1' } });
  assert.equal(save.res.status, 303);
  assert.equal(save.res.headers.get('location'), `/beheer/gebruikers/${id}?melding=opgeslagen`);
  const stale = await asSession(beheer, `/beheer/gebruikers/${id}`, { method: 'POST', form: { csrf_token: beheer.csrf, versie: '1', naam: 'Verloren', actief: '1' } });
  assert.equal(stale.res.status, 409);
  assert.match(stale.text, /intussen gewijzigd/);
  assert.equal((await sql(`SELECT naam FROM gebruiker WHERE id = ${id}`))[0][0], 'Pagina Nieuw');

  // Grants: the form's scope select, an unfitting one re-renders with 422.
  const org = await organisatie('DOCK');
  assert.match(page.text, new RegExp(`<option value="organisatie:${org}">`));
  const wrong = await asSession(beheer, `/beheer/gebruikers/${id}/toekenningen`, { method: 'POST', form: { csrf_token: beheer.csrf, rol: 'beheerder', scope: `organisatie:${org}` } });
  assert.equal(wrong.res.status, 422);
  assert.match(wrong.text, /href="#scope"/);
  assert.match(wrong.text, new RegExp(`<option value="organisatie:${org}" selected>`));
  const ok = await asSession(beheer, `/beheer/gebruikers/${id}/toekenningen`, { method: 'POST', form: { csrf_token: beheer.csrf, rol: 'teamleider', scope: `organisatie:${org}` } });
  assert.equal(ok.res.status, 303);
  const tid = Number((await sql(`SELECT id FROM toekenning WHERE gebruiker_id = ${id}`))[0][0]);
  const shown = await asSession(beheer, `/beheer/gebruikers/${id}?melding=toegevoegd`);
  assert.match(shown.text, /Teamleider wijkteamorganisatie/);
  assert.match(shown.text, new RegExp(`/beheer/gebruikers/${id}/toekenningen/${tid}/verwijderen`));
  const first = await asSession(beheer, '/beheer/gebruikers');
  assert.equal(first.res.status, 200);
  assert.match(first.text, /<caption/);
  // The list pages by id (?na=<last id of the previous page>).
  const list = await asSession(beheer, `/beheer/gebruikers?na=${id - 1}`);
  assert.equal(list.res.status, 200);
  assert.ok(list.text.includes(`href="/beheer/gebruikers/${id}">${naam}</a>`));
  assert.match(list.text, /Teamleider wijkteamorganisatie \(DOCK[^)]*\)/);
  const rm = await asSession(beheer, `/beheer/gebruikers/${id}/toekenningen/${tid}/verwijderen`, { method: 'POST', form: { csrf_token: beheer.csrf } });
  assert.equal(rm.res.status, 303);
  assert.equal((await sql(`SELECT COUNT(*) FROM toekenning WHERE gebruiker_id = ${id}`))[0][0], '0');

  // A new link from the page, shown once, and the old one is void.
  const link = await asSession(beheer, `/beheer/gebruikers/${id}/link`, { method: 'POST', form: { csrf_token: beheer.csrf } });
  assert.equal(link.res.status, 200);
  const m2 = LINK_RE.exec(link.text);
  secrets.add(m2[1]);
  assert.equal((await fetchText(`/wachtwoord-instellen/${m[1]}`)).res.status, 404);
  assert.equal((await fetchText(`/wachtwoord-instellen/${m2[1]}`)).res.status, 200);

  // A form without the CSRF token writes nothing.
  const nocsrf = await asSession({ cookie: beheer.cookie }, `/beheer/gebruikers/${id}`, { method: 'POST', form: { versie: '2', naam: 'Zonder token', actief: '1' } });
  assert.equal(nocsrf.res.status, 403);
  assert.equal((await sql(`SELECT naam FROM gebruiker WHERE id = ${id}`))[0][0], 'Pagina Nieuw');
});

test('the tokens page issues a token once and revokes it', async () => {
  const u = await readyUser({ rol: 'auditor', scope_soort: 'gemeente' });
  const naam = uniq('paginatoken');
  const r = await asSession(beheer, '/beheer/tokens', { method: 'POST', form: { csrf_token: beheer.csrf, naam, gebruiker_id: String(u.id) } });
  assert.equal(r.res.status, 200, r.text);
  const m = /<code class="utrecht-code">([A-Za-z0-9_-]{43})<\/code>/.exec(r.text);
  assert.ok(m, 'the token is shown');
  secrets.add(m[1]);
  assert.equal((await asSession({ token: m[1] }, '/api/v1/mij')).json.gebruikersnaam, u.naam);
  const page = await asSession(beheer, '/beheer/tokens');
  assert.equal(page.res.status, 200);
  assert.ok(page.text.includes(naam));
  assert.ok(!page.text.includes(m[1]), 'shown only once');
  const id = Number((await sql(`SELECT id FROM api_token WHERE naam = '${naam}'`))[0][0]);
  const bad = await asSession(beheer, '/beheer/tokens', { method: 'POST', form: { csrf_token: beheer.csrf, naam: '', gebruiker_id: '' } });
  assert.equal(bad.res.status, 422);
  assert.match(bad.text, /href="#naam"/);
  const rv = await asSession(beheer, `/beheer/tokens/${id}/intrekken`, { method: 'POST', form: { csrf_token: beheer.csrf } });
  assert.equal(rv.res.status, 303);
  assert.equal((await asSession({ token: m[1] }, '/api/v1/mij')).res.status, 401);
});

// ------------------------------------------------------------ bootstrap

test('`wijkzicht create-beheerder` makes a beheerder with a working one-time link', async () => {
  const naam = uniq('eerste');
  const out = await cli('create-beheerder', naam);
  const m = LINK_RE.exec(out);
  assert.ok(m, out);
  secrets.add(m[1]);
  assert.equal((await setPassword(`/wachtwoord-instellen/${m[1]}`)).post.res.status, 303);
  const s = await login(naam, PASSWORD);
  assert.deepEqual(s.me.rollen, ['beheerder']);
  assert.equal((await asSession(s, '/api/v1/gebruikers?limit=1')).res.status, 200);
  // Run again: finds the user, grants nothing twice, issues a new link.
  const again = await cli('create-beheerder', naam);
  secrets.add(LINK_RE.exec(again)[1]);
  assert.match(again, /bestond al/);
  assert.equal((await sql(`SELECT COUNT(*) FROM toekenning t JOIN gebruiker g ON g.id = t.gebruiker_id WHERE g.gebruikersnaam = '${naam}'`))[0][0], '1');
});

// ------------------------------------------------------------ access

// Every route of gebruikers.c with sample parameters (the public link page
// is the only one without ACCESS_BEHEER).
function routes(id, tid, tokenId) {
  return [
    ['GET', '/beheer/gebruikers'], ['GET', '/beheer/gebruikers/nieuw'],
    ['POST', '/beheer/gebruikers/nieuw'], ['GET', `/beheer/gebruikers/${id}`],
    ['POST', `/beheer/gebruikers/${id}`], ['POST', `/beheer/gebruikers/${id}/toekenningen`],
    ['POST', `/beheer/gebruikers/${id}/toekenningen/${tid}/verwijderen`],
    ['POST', `/beheer/gebruikers/${id}/link`], ['GET', '/beheer/tokens'],
    ['POST', '/beheer/tokens'], ['POST', `/beheer/tokens/${tokenId}/intrekken`],
    ['GET', '/api/v1/gebruikers'], ['POST', '/api/v1/gebruikers'],
    ['GET', `/api/v1/gebruikers/${id}`], ['PUT', `/api/v1/gebruikers/${id}`],
    ['POST', `/api/v1/gebruikers/${id}/wachtwoordlink`],
    ['POST', `/api/v1/gebruikers/${id}/toekenningen`],
    ['DELETE', `/api/v1/gebruikers/${id}/toekenningen/${tid}`],
    ['GET', '/api/v1/tokens'], ['POST', '/api/v1/tokens'],
    ['GET', `/api/v1/tokens/${tokenId}`], ['DELETE', `/api/v1/tokens/${tokenId}`],
  ];
}

function call(s, method, p) {
  const api = p.startsWith('/api/');
  const opts = { method };
  if (['POST', 'PUT'].includes(method)) {
    if (api && !p.endsWith('/wachtwoordlink')) opts.json = { naam: 'x', gebruikersnaam: 'niet.toegestaan', actief: true, rol: 'auditor', scope_soort: 'gemeente', gebruiker_id: 1 };
    else if (!api) opts.form = { csrf_token: s?.csrf || '', naam: 'x', gebruikersnaam: 'niet.toegestaan', versie: '1', rol: 'auditor', scope: 'gemeente', gebruiker_id: '1' };
  }
  if (method === 'PUT') opts.headers = { 'if-match': '"1"' };
  return asSession(s, p, opts);
}

test('non-beheerders get 403 on every route, and nothing changes', async () => {
  const target = await readyUser({ rol: 'auditor', scope_soort: 'gemeente' });
  const tid = (await asSession(beheer, `/api/v1/gebruikers/${target.id}`)).json.toekenningen[0].id;
  const tok = await issueToken(target.id);
  const before = await sql('SELECT (SELECT COUNT(*) FROM gebruiker), (SELECT COUNT(*) FROM toekenning), (SELECT COUNT(*) FROM api_token), (SELECT COUNT(*) FROM wachtwoord_link)');
  for (const who of ['contractmanager', 'auditor', 'regisseur.wmo', 'medewerker.dock', 'teamleider.smd', 'ketenpartner.werkom']) {
    const s = await login(who);
    for (const [method, p] of routes(target.id, tid, tok.id)) {
      const r = await call(s, method, p);
      assert.equal(r.res.status, 403, `${who} ${method} ${p}: ${r.res.status}`);
    }
  }
  // A bearer token of a non-beheerder is no way in either.
  for (const [method, p] of routes(target.id, tid, tok.id)) {
    const r = await call({ token: tok.token }, method, p);
    assert.equal(r.res.status, 403, `token ${method} ${p}`);
  }
  const after2 = await sql('SELECT (SELECT COUNT(*) FROM gebruiker), (SELECT COUNT(*) FROM toekenning), (SELECT COUNT(*) FROM api_token), (SELECT COUNT(*) FROM wachtwoord_link)');
  assert.deepEqual(after2, before);
  assert.equal((await asSession({ token: tok.token }, '/api/v1/mij')).res.status, 200, 'the token still works');
});

test('anonymous callers get 401 from the API and are sent to /inloggen from pages', async () => {
  for (const [method, p] of routes(1, 1, 1)) {
    const r = await call(null, method, p);
    if (p.startsWith('/api/')) {
      assert.equal(r.res.status, 401, `${method} ${p}`);
      assert.match(r.res.headers.get('content-type'), /problem\+json/);
    } else if (method === 'GET') {
      assert.equal(r.res.status, 303, `${method} ${p}`);
      assert.equal(r.res.headers.get('location'), `/inloggen?terug=${p}`);
    } else {
      assert.equal(r.res.status, 401, `${method} ${p}`);
    }
  }
});

// ------------------------------------------------------------ fail closed

test('when the audit row cannot be written, nothing changes (fail closed)', async () => {
  const u = await createUser();
  const naam = uniq('failclosed');
  await sql('REVOKE INSERT ON wijkzicht.audit FROM wijkzicht_app_rol');
  let create, token, pw, put;
  try {
    create = await asSession(beheer, '/api/v1/gebruikers', { method: 'POST', json: { gebruikersnaam: naam, naam: 'FC' } });
    token = await asSession(beheer, '/api/v1/tokens', { method: 'POST', json: { naam, gebruiker_id: u.id } });
    pw = (await setPassword(u.link)).post;
    put = await asSession(beheer, `/api/v1/gebruikers/${u.id}`, { method: 'PUT', json: { naam: 'FC', actief: false }, headers: { 'if-match': `"${u.body.versie}"` } });
  } finally {
    await sql('GRANT INSERT ON wijkzicht.audit TO wijkzicht_app_rol');
  }
  for (const r of [create, token, pw, put]) {
    assert.equal(r.res.status, 500, r.text);
    assert.ok(!/INSERT|denied|audit/i.test(r.text), 'no database text reaches the client');
  }
  if (token.json?.token) secrets.add(token.json.token);
  const rows = await sql(`SELECT (SELECT COUNT(*) FROM gebruiker WHERE gebruikersnaam = '${naam}'),
    (SELECT COUNT(*) FROM api_token WHERE naam = '${naam}'),
    (SELECT wachtwoord_hash IS NULL FROM gebruiker WHERE id = ${u.id}),
    (SELECT actief FROM gebruiker WHERE id = ${u.id}),
    (SELECT COUNT(*) FROM wachtwoord_link WHERE gebruiker_id = ${u.id} AND gebruikt_op IS NULL)`);
  assert.deepEqual(rows, [['0', '0', '1', '1', '1']]);
  assert.equal((await setPassword(u.link)).post.res.status, 303, 'the link still works afterwards');
});

// ------------------------------------------------------------ secrets (last)

test('no link or token ever reaches the audit table, the idempotency table or a log', async () => {
  assert.ok(secrets.size >= 10, `only ${secrets.size} secrets were collected`);
  await sleep(1500);   // workers flush their batched log lines when idle
  const audit = (await sql('SELECT route, toelichting FROM audit')).flat().join('\n');
  const idem = (await sql('SELECT CONCAT(route, body) FROM idempotentie')).flat().join('\n');
  const app = logSince(logStart, appLog()).join('\n');
  const access = logSince(accessLogStart, accessLog()).join('\n');
  assert.ok(app.length > 0, 'the app log has lines for these tests');
  assert.match(app, /wachtwoord-instellen/, 'requests to the link page are in the app log');
  for (const s of secrets) {
    assert.ok(!audit.includes(s), 'a secret is in the audit table');
    assert.ok(!idem.includes(s), 'a secret is in the idempotency table');
    assert.ok(!app.includes(s), 'a secret is in the app log');
    assert.ok(!access.includes(s), "a secret is in nginx's access log");
  }
  // Hashes are stored, never the secrets themselves.
  const stored = (await sql('SELECT token_hash FROM wachtwoord_link UNION ALL SELECT token_hash FROM api_token')).flat().join('\n');
  for (const s of secrets) assert.ok(!stored.includes(s));
  const audited = (await sql("SELECT DISTINCT actie FROM audit WHERE actie IN ('aanmaken','wijzigen','toekenning_toevoegen','toekenning_verwijderen','wachtwoordlink_uitgeven','wachtwoord_instellen','token_uitgeven','token_intrekken') AND object_soort IN ('gebruiker','api_token') ORDER BY actie")).flat();
  assert.deepEqual(audited, ['aanmaken', 'toekenning_toevoegen', 'toekenning_verwijderen', 'token_intrekken', 'token_uitgeven', 'wachtwoord_instellen', 'wachtwoordlink_uitgeven', 'wijzigen']);
});
