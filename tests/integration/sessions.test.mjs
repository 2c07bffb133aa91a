// sessions.test.mjs — log-in, sessions, CSRF and throttling over the real
// stack: what a browser and an API client see, and what ends up in the
// database.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useStackLock, login, asSession, sql, clearLoginThrottle, fetchText, req,
  ORIGIN, DEMO_PASSWORD, logOffset, logSince,
} from './lib.mjs';

useStackLock(before, after);
after(clearLoginThrottle);

const auditCount = async () => Number((await sql('SELECT COUNT(*) FROM audit'))[0][0]);

describe('log-in', () => {
  test('the API log-in sets an HttpOnly SameSite cookie and returns a CSRF token', async () => {
    const s = await login('medewerker.dock');
    const raw = s.res.headers.get('set-cookie');
    assert.match(raw, /^wz_sessie=[A-Za-z0-9_-]{43}; /);
    assert.match(raw, /; HttpOnly/);
    assert.match(raw, /; SameSite=Lax/);
    assert.match(raw, /; Path=\//);
    assert.match(s.csrf, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(s.me.gebruikersnaam, 'medewerker.dock');
    assert.deepEqual(s.me.rollen, ['medewerker']);
  });

  test('only a hash of the session token is stored', async () => {
    const s = await login('medewerker.smd');
    const token = s.cookie.split('=')[1];
    const rows = await sql(`SELECT COUNT(*) FROM sessie WHERE id = '${token}'`);
    assert.equal(rows[0][0], '0', 'the raw token is not a session id');
    const r = await asSession(s, '/api/v1/mij');
    assert.equal(r.res.status, 200);
  });

  test('a wrong password and an unknown account get the same answer', async () => {
    const a = await login('medewerker.dock', 'helemaal-verkeerd-123', { expect: false });
    const b = await login('bestaat.niet.xyz', 'helemaal-verkeerd-123', { expect: false });
    assert.equal(a.res.status, 401);
    assert.equal(b.res.status, 401);
    assert.equal(JSON.parse(a.text).detail, JSON.parse(b.text).detail);
    await clearLoginThrottle();
  });

  test('the log-in form signs in and returns to the page asked for', async () => {
    const res = await req('/inloggen', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
      body: new URLSearchParams({ gebruikersnaam: 'teamleider.dock', wachtwoord: DEMO_PASSWORD, terug: '/account' }).toString(),
    });
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/account');
    const cookie = res.headers.get('set-cookie').split(';')[0];
    const page = await fetchText('/account', { headers: { cookie } });
    assert.equal(page.res.status, 200);
    assert.match(page.text, /Tess Teamleider/);
    assert.match(page.text, /Teamleider wijkteamorganisatie \(DOCK Zaanstad\)/, 'roles read with the organisation\'s name');
  });

  test('the log-in form never sends the browser to another site', async () => {
    for (const terug of ['//evil.example/', 'https://evil.example/', '/\\evil']) {
      const res = await req('/inloggen', {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', origin: ORIGIN },
        body: new URLSearchParams({ gebruikersnaam: 'teamleider.dock', wachtwoord: DEMO_PASSWORD, terug }).toString(),
      });
      assert.equal(res.status, 303);
      assert.equal(res.headers.get('location'), '/');
    }
  });

  test('a page that needs a session redirects to the log-in page', async () => {
    const res = await req('/account');
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/inloggen?terug=/account');
  });

  test('log-in and failed log-in write audit rows', async () => {
    const before = await auditCount();
    await login('auditor');
    await login('auditor', 'fout-fout-fout-fout', { expect: false });
    const rows = await sql(`SELECT actie, resultaat FROM audit ORDER BY id DESC LIMIT 2`);
    assert.deepEqual(rows, [['inloggen', 'mislukt'], ['inloggen', 'gelukt']]);
    assert.equal(await auditCount(), before + 2);
    await clearLoginThrottle();
  });
});

describe('sessions end', () => {
  test('a token set before log-in is not adopted (no fixation)', async () => {
    const planted = 'wz_sessie=' + 'A'.repeat(43);
    const res = await req('/api/v1/sessies', {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN, cookie: planted },
      body: JSON.stringify({ gebruikersnaam: 'medewerker.incluzio', wachtwoord: DEMO_PASSWORD }),
    });
    assert.equal(res.status, 201);
    const fresh = res.headers.get('set-cookie').split(';')[0];
    assert.notEqual(fresh, planted);
    const r = await fetchText('/api/v1/mij', { headers: { cookie: planted } });
    assert.equal(r.res.status, 401);
  });

  test('log-out ends the session in the database', async () => {
    const s = await login('medewerker.incluzio');
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 200);
    const out = await asSession(s, '/api/v1/sessies/huidig', { method: 'DELETE' });
    assert.equal(out.res.status, 204);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 401);
  });

  test('a session idle for longer than 30 minutes has ended', async () => {
    const s = await login('regisseur.wmo');
    await sql(`UPDATE sessie s JOIN gebruiker g ON g.id = s.gebruiker_id
      SET s.laatst_gebruikt_op = NOW(6) - INTERVAL 31 MINUTE WHERE g.gebruikersnaam = 'regisseur.wmo'`);
    const r = await asSession(s, '/api/v1/mij');
    assert.equal(r.res.status, 401);
    assert.match(r.res.headers.get('set-cookie') || '', /Max-Age=0/, 'the stale cookie is cleared');
  });

  test('a session older than 12 hours has ended, however active', async () => {
    const s = await login('regisseur.participatie');
    await sql(`UPDATE sessie s JOIN gebruiker g ON g.id = s.gebruiker_id
      SET s.aangemaakt_op = NOW(6) - INTERVAL 12 HOUR - INTERVAL 1 MINUTE,
          s.laatst_gebruikt_op = NOW(6)
      WHERE g.gebruikersnaam = 'regisseur.participatie'`);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 401);
  });

  test('a disabled account is signed out at once', async () => {
    await sql(`INSERT IGNORE INTO gebruiker (gebruikersnaam, naam, wachtwoord_hash)
      SELECT 'test.uitschakelen', 'Test Uitschakelen', wachtwoord_hash FROM gebruiker WHERE gebruikersnaam = 'auditor'`);
    await sql(`UPDATE gebruiker SET actief = 1 WHERE gebruikersnaam = 'test.uitschakelen'`);
    const s = await login('test.uitschakelen');
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 200);
    await sql(`UPDATE gebruiker SET actief = 0 WHERE gebruikersnaam = 'test.uitschakelen'`);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 401);
  });
});

describe('CSRF', () => {
  test('an unsafe request with a session but without the token is refused and changes nothing', async () => {
    const s = await login('medewerker.smd');
    const before = await auditCount();
    const r = await asSession(s, '/api/v1/sessies/huidig', { method: 'DELETE', headers: { 'x-csrf-token': '' } });
    assert.equal(r.res.status, 403);
    assert.match(r.json.detail, /formulier/i);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 200, 'the session still works');
    assert.equal(await auditCount(), before, 'nothing was written');
  });

  test('a form post with a wrong token is refused', async () => {
    const s = await login('medewerker.smd');
    const r = await asSession({ cookie: s.cookie }, '/uitloggen', { method: 'POST', form: { csrf_token: 'x'.repeat(43) } });
    assert.equal(r.res.status, 403);
    assert.match(r.text, /<html lang="nl">/);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 200);
  });

  test('a form post from a foreign Origin is refused even with the right token', async () => {
    const s = await login('medewerker.smd');
    const r = await asSession({ cookie: s.cookie }, '/uitloggen', {
      method: 'POST', form: { csrf_token: s.csrf }, headers: { origin: 'https://evil.example' },
    });
    assert.equal(r.res.status, 403);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 200);
  });

  test('a log-in posted from a foreign Origin is refused (no log-in CSRF)', async () => {
    const res = await req('/inloggen', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: 'https://evil.example' },
      body: new URLSearchParams({ gebruikersnaam: 'auditor', wachtwoord: DEMO_PASSWORD }).toString(),
    });
    assert.equal(res.status, 403);
    assert.equal(res.headers.get('set-cookie'), null);
  });

  test('the form with the right token and Origin works', async () => {
    const s = await login('medewerker.smd');
    const r = await asSession({ cookie: s.cookie }, '/uitloggen', { method: 'POST', form: { csrf_token: s.csrf } });
    assert.equal(r.res.status, 303);
    assert.equal((await asSession(s, '/api/v1/mij')).res.status, 401);
  });
});

describe('throttling', () => {
  test('after 5 failures an account is refused with 429, across workers, even with the right password', async () => {
    await clearLoginThrottle();
    const off = logOffset();
    // Five at once: they are spread over the workers.
    const tries = await Promise.all(Array.from({ length: 5 }, () =>
      login('contractmanager', 'verkeerd-wachtwoord-1', { expect: false })));
    assert.deepEqual(tries.map((t) => t.res.status), [401, 401, 401, 401, 401]);
    const r = await login('contractmanager', DEMO_PASSWORD, { expect: false });
    assert.equal(r.res.status, 429);
    assert.match(r.res.headers.get('retry-after'), /^[1-9][0-9]*$/);
    assert.equal(JSON.parse(r.text).detail.includes('contractmanager'), false);
    const pids = new Set(logSince(off).filter((l) => l.includes('POST /api/v1/sessies'))
      .map((l) => /pid=(\d+)/.exec(l)?.[1]).filter(Boolean));
    assert.ok(pids.size >= 2, `the attempts were served by ${pids.size} worker(s); the count is shared`);
    await clearLoginThrottle();
    assert.equal((await login('contractmanager', DEMO_PASSWORD, { expect: false })).res.status, 201);
  });

  test('after 20 failures from one address every account is refused', async () => {
    await clearLoginThrottle();
    for (let i = 0; i < 20; i++) {
      const t = await login(`onbekend.${i}`, 'verkeerd-wachtwoord-1', { expect: false });
      assert.equal(t.res.status, 401);
    }
    const r = await login('beheerder', DEMO_PASSWORD, { expect: false });
    assert.equal(r.res.status, 429);
    await clearLoginThrottle();
  });
});

describe('guessing', () => {
  // A fresh account with the demo password (copied hash), so that changing
  // its password touches no demo user.
  async function freshUser(name) {
    await sql(`INSERT IGNORE INTO gebruiker (gebruikersnaam, naam, wachtwoord_hash)
      SELECT '${name}', 'Test ${name}', wachtwoord_hash FROM gebruiker WHERE gebruikersnaam = 'auditor'`);
    await sql(`UPDATE gebruiker g JOIN gebruiker a ON a.gebruikersnaam = 'auditor'
      SET g.wachtwoord_hash = a.wachtwoord_hash, g.actief = 1 WHERE g.gebruikersnaam = '${name}'`);
  }

  test('guesses sent all at once get no more than 5 password checks', async () => {
    await clearLoginThrottle();
    const tries = await Promise.all(Array.from({ length: 16 }, () =>
      login('teamleider.smd', 'verkeerd-wachtwoord-2', { expect: false })));
    const statuses = tries.map((t) => t.res.status);
    assert.ok(statuses.filter((s) => s === 401).length <= 5, statuses.join(' '));
    assert.ok(statuses.filter((s) => s === 429).length >= 11, statuses.join(' '));
    await clearLoginThrottle();
  });

  test('a flood of refused attempts writes one audit row, not one per attempt', async () => {
    await clearLoginThrottle();
    for (let i = 0; i < 5; i++) await login('teamleider.incluzio', 'verkeerd-wachtwoord-3', { expect: false });
    const before = await auditCount();
    for (let i = 0; i < 6; i++) {
      assert.equal((await login('teamleider.incluzio', 'verkeerd-wachtwoord-3', { expect: false })).res.status, 429);
    }
    assert.equal(await auditCount(), before + 1);
    await clearLoginThrottle();
  });

  test('guesses at the current password on the change form are throttled', async () => {
    await clearLoginThrottle();
    await freshUser('test.raden');
    const s = await login('test.raden');
    const form = (huidig) => ({ csrf_token: s.csrf, huidig, nieuw: 'een-heel-nieuw-wachtwoord-42', herhaling: 'een-heel-nieuw-wachtwoord-42' });
    for (let i = 0; i < 5; i++) {
      const r = await asSession({ cookie: s.cookie }, '/account/wachtwoord', { method: 'POST', form: form(`fout-${i}-fout-fout`) });
      assert.equal(r.res.status, 422);
    }
    const r = await asSession({ cookie: s.cookie }, '/account/wachtwoord', { method: 'POST', form: form(DEMO_PASSWORD) });
    assert.equal(r.res.status, 429, 'even the right one is refused now');
    assert.match(r.res.headers.get('retry-after'), /^[1-9][0-9]*$/);
    const rows = await sql("SELECT COUNT(*) FROM audit WHERE actie = 'wachtwoord_wijzigen' AND resultaat = 'mislukt' AND object_id = (SELECT id FROM gebruiker WHERE gebruikersnaam = 'test.raden')");
    assert.ok(Number(rows[0][0]) >= 5, 'the wrong guesses are audited');
    await clearLoginThrottle();
  });

  test('changing the password voids an unused one-time link', async () => {
    await clearLoginThrottle();
    await freshUser('test.link');
    await sql(`INSERT INTO wachtwoord_link (token_hash, gebruiker_id, verloopt_op)
      SELECT SHA2(UUID(), 256), id, NOW(6) + INTERVAL 7 DAY FROM gebruiker WHERE gebruikersnaam = 'test.link'`);
    const s = await login('test.link');
    const r = await asSession({ cookie: s.cookie }, '/account/wachtwoord', {
      method: 'POST',
      form: { csrf_token: s.csrf, huidig: DEMO_PASSWORD, nieuw: 'een-heel-nieuw-wachtwoord-43', herhaling: 'een-heel-nieuw-wachtwoord-43' },
    });
    assert.equal(r.res.status, 303);
    const live = await sql(`SELECT COUNT(*) FROM wachtwoord_link l JOIN gebruiker g ON g.id = l.gebruiker_id
      WHERE g.gebruikersnaam = 'test.link' AND l.gebruikt_op IS NULL AND l.verloopt_op > NOW(6)`);
    assert.equal(live[0][0], '0');
  });

  test('a signed-in browser can submit the log-in form again', async () => {
    const s = await login('medewerker.dock');
    const page = await fetchText('/inloggen?terug=/account', { headers: { cookie: s.cookie } });
    assert.equal(page.res.status, 303, 'already signed in: sent on');
    const r = await asSession({ cookie: s.cookie }, '/inloggen', {
      method: 'POST', form: { csrf_token: s.csrf, gebruikersnaam: 'medewerker.dock', wachtwoord: DEMO_PASSWORD, terug: '/account' },
    });
    assert.equal(r.res.status, 303);
  });
});
