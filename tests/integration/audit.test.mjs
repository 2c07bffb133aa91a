// audit.test.mjs — reading the audit log: GET /audit (page), GET /audit.csv
// (export) and GET /api/v1/audit, who may read it, and that the
// application's own database user can add to it but never change it.
//
// Rows to filter on are added as MariaDB root (lib.sql), each test batch
// under its own unique object_soort, so the tests do not depend on what
// other tests wrote. The log-in row is a real one, written by the app.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  useStackLock, login, asSession, sql, req, contentType, looksDutch,
  clearLoginThrottle, VAR,
} from './lib.mjs';

const execFileP = promisify(execFile);

useStackLock(before, after);
after(clearLoginThrottle);

const ITEM_KEYS = ['id', 'tijdstip', 'gebruiker_id', 'gebruikersnaam', 'namens_id', 'token_id',
  'actie', 'object_soort', 'object_id', 'route', 'resultaat', 'adres', 'toelichting'];
const CSV_HEADER = ITEM_KEYS.join(';');

const unique = (p) => `${p}_${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const q = (s) => (s === null ? 'NULL' : `'${String(s).replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`);

/** Inserts audit rows as root; rows: [{actie, object_id, tijdstip, gebruiker_id, resultaat, toelichting}]. */
async function insertRows(soort, rows) {
  const values = rows.map((r) => `(${q(r.tijdstip)}, ${r.gebruiker_id ?? 'NULL'}, ${q(r.actie)}, ` +
    `${q(soort)}, ${r.object_id ?? 'NULL'}, 'GET /test', ${q(r.resultaat || 'gelukt')}, ` +
    `'192.0.2.1', ${q(r.toelichting || '')})`);
  await sql('INSERT INTO audit (tijdstip, gebruiker_id, actie, object_soort, object_id, route, ' +
    `resultaat, adres, toelichting) VALUES ${values.join(', ')}`);
}

const auditCount = async () => Number((await sql('SELECT COUNT(*) FROM audit'))[0][0]);

/** RFC 4180 with ';': returns records as arrays of fields; throws on a malformed file. */
function parseCsv(text) {
  const records = [];
  let rec = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (text[i] === '"') {
      i++;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') { field += '"'; i += 2; continue; }
          i++;
          break;
        }
        field += text[i++];
      }
    } else {
      while (i < text.length && text[i] !== ';' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`quote inside an unquoted field at ${i}`);
        field += text[i++];
      }
    }
    rec.push(field);
    if (text[i] === ';') { i++; continue; }
    if (text.startsWith('\r\n', i)) {
      records.push(rec);
      rec = [];
      i += 2;
      if (i === text.length) return records;
      continue;
    }
    throw new Error(`expected ; or CRLF at ${i}, found ${JSON.stringify(text.slice(i, i + 10))}`);
  }
}

let beheer; let auditor; let medewerker; let beheerId;
let loginSince; // the largest audit id before the beheerder's log-in

before(async () => {
  await clearLoginThrottle();
  loginSince = Number((await sql('SELECT COALESCE(MAX(id), 0) FROM audit'))[0][0]);
  beheer = await login('beheerder');
  beheerId = beheer.me.id;
  auditor = await login('auditor');
  medewerker = await login('medewerker.dock');
});

describe('GET /api/v1/audit', () => {
  test('the beheerder\'s log-in is in the list, found by actie and gebruiker', async () => {
    const r = await asSession(beheer, `/api/v1/audit?actie=inloggen&gebruiker_id=${beheerId}&limit=10`);
    assert.equal(r.res.status, 200, r.text);
    assert.match(contentType(r.res), /^application\/json/);
    assert.equal(r.res.headers.get('api-version'), '1.0.0');
    assert.ok(Array.isArray(r.json.items) && r.json.items.length > 0);
    for (const it of r.json.items) {
      assert.deepEqual(Object.keys(it).sort(), [...ITEM_KEYS].sort());
      assert.equal(it.actie, 'inloggen');
      assert.equal(it.gebruiker_id, beheerId);
    }
    const mine = r.json.items.find((it) => it.id > loginSince);
    assert.ok(mine, 'the log-in of this test run is listed');
    assert.equal(mine.gebruikersnaam, 'beheerder');
    assert.equal(mine.resultaat, 'gelukt');
    assert.equal(mine.route, 'POST /api/v1/sessies');
    assert.equal(mine.object_soort, 'gebruiker');
    assert.equal(mine.object_id, beheerId);
    assert.equal(mine.namens_id, null);
    assert.equal(mine.token_id, null);
    assert.match(mine.tijdstip, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    assert.ok(Math.abs(Date.parse(mine.tijdstip) - Date.now()) < 10 * 60 * 1000, 'tijdstip is UTC, now');
  });

  describe('filters', () => {
    const soort = unique('test_filter');
    before(async () => {
      await insertRows(soort, [
        { actie: 'test_a', object_id: 101, tijdstip: '2020-01-15 10:00:00', gebruiker_id: beheerId },
        { actie: 'test_a', object_id: 102, tijdstip: '2020-01-31 23:59:59', resultaat: 'geweigerd' },
        { actie: 'test_b', object_id: 101, tijdstip: '2020-02-01 00:00:00', resultaat: 'mislukt' },
        { actie: 'test_b', object_id: 103, tijdstip: '2020-02-20 12:00:00' },
        { actie: 'test_b', tijdstip: '2020-03-01 08:00:00' },
        { actie: 'test_c', tijdstip: '2020-03-02 08:00:00' },
        { actie: 'test_c', tijdstip: '2020-03-03 08:00:00' },
      ]);
    });
    const list = async (qs) => {
      const r = await asSession(beheer, `/api/v1/audit?object_soort=${soort}&limit=500${qs}`);
      assert.equal(r.res.status, 200, r.text);
      return r.json.items;
    };

    test('object_soort alone finds the batch, newest first', async () => {
      const items = await list('');
      assert.equal(items.length, 7);
      const ids = items.map((it) => it.id);
      assert.deepEqual(ids, [...ids].sort((a, b) => b - a));
      assert.ok(items.every((it) => it.object_soort === soort));
    });

    test('actie, object_id and gebruiker_id narrow it', async () => {
      assert.equal((await list('&actie=test_b')).length, 3);
      const both = await list('&actie=test_b&object_id=101');
      assert.equal(both.length, 1);
      assert.equal(both[0].resultaat, 'mislukt');
      assert.equal((await list('&object_id=101')).length, 2);
      const byUser = await list(`&gebruiker_id=${beheerId}`);
      assert.equal(byUser.length, 1);
      assert.equal(byUser[0].gebruikersnaam, 'beheerder');
      assert.equal((await list('&actie=bestaat_niet')).length, 0);
    });

    test('van and tot are whole UTC days, both inclusive', async () => {
      const day = await list('&van=2020-01-31&tot=2020-02-01');
      assert.deepEqual(day.map((it) => it.tijdstip).sort(),
        ['2020-01-31T23:59:59Z', '2020-02-01T00:00:00Z']);
      assert.equal((await list('&van=2020-02-02')).length, 4);
      assert.equal((await list('&tot=2020-01-15')).length, 1);
      assert.equal((await list('&van=2020-03-03&tot=2020-03-03')).length, 1);
    });

    test('an empty parameter does not filter', async () => {
      assert.equal((await list('&actie=&object_id=&van=&tot=&gebruiker_id=')).length, 7);
    });

    test('the cursor pages through without overlap or gaps', async () => {
      const all = (await list('')).map((it) => it.id);
      const seen = [];
      let cursor = null;
      let pages = 0;
      do {
        const r = await asSession(beheer,
          `/api/v1/audit?object_soort=${soort}&limit=3${cursor ? `&cursor=${cursor}` : ''}`);
        assert.equal(r.res.status, 200, r.text);
        assert.ok(r.json.items.length <= 3);
        seen.push(...r.json.items.map((it) => it.id));
        cursor = r.json.volgende;
        if (cursor !== null) assert.equal(typeof cursor, 'string');
        pages++;
      } while (cursor !== null && pages < 10);
      assert.equal(pages, 3, 'pages of 3, 3 and 1');
      assert.deepEqual(seen, all, 'every row once, in order');
      assert.equal(new Set(seen).size, seen.length);
    });

    test('the last full page says there is no next one', async () => {
      const r = await asSession(beheer, `/api/v1/audit?object_soort=${soort}&limit=7`);
      assert.equal(r.json.items.length, 7);
      assert.equal(r.json.volgende, null);
      const r2 = await asSession(beheer, `/api/v1/audit?object_soort=${soort}`);
      assert.equal(r2.json.volgende, null, 'default limit 50 holds all 7');
    });
  });

  test('bad parameters get 400 problem+json with a Dutch message per field', async () => {
    const r = await asSession(beheer, '/api/v1/audit?van=2025-02-30&tot=morgen&object_id=abc' +
      '&gebruiker_id=0&limit=501&cursor=x&actie=' + 'a'.repeat(65));
    assert.equal(r.res.status, 400, r.text);
    assert.match(contentType(r.res), /^application\/problem\+json/);
    assert.equal(r.json.status, 400);
    assert.ok(looksDutch(r.json.detail), r.json.detail);
    const velden = r.json.errors.map((e) => e.veld).sort();
    assert.deepEqual(velden, ['actie', 'cursor', 'gebruiker_id', 'limit', 'object_id', 'tot', 'van']);
    for (const e of r.json.errors) assert.ok(looksDutch(e.melding), e.melding);
  });

  test('tot before van is refused at tot', async () => {
    const r = await asSession(beheer, '/api/v1/audit?van=2025-03-02&tot=2025-03-01');
    assert.equal(r.res.status, 400);
    assert.deepEqual(r.json.errors.map((e) => e.veld), ['tot']);
  });

  test('limit 0 and a leap day that does not exist are refused; 29 February 2024 is fine', async () => {
    assert.equal((await asSession(beheer, '/api/v1/audit?limit=0')).res.status, 400);
    assert.equal((await asSession(beheer, '/api/v1/audit?van=2023-02-29')).res.status, 400);
    assert.equal((await asSession(beheer, '/api/v1/audit?van=2024-02-29&limit=1')).res.status, 200);
    assert.equal((await asSession(beheer, '/api/v1/audit?limit=500')).res.status, 200);
  });

  test('reading the log writes no audit row', async () => {
    const before0 = await auditCount();
    await asSession(beheer, '/api/v1/audit?limit=5');
    await asSession(auditor, '/audit');
    assert.equal(await auditCount(), before0);
  });
});

describe('GET /audit', () => {
  const soort = unique('test_pagina');
  before(async () => {
    const rows = [];
    for (let i = 0; i < 55; i++) {
      rows.push({ actie: i % 2 ? 'test_oneven' : 'test_even', object_id: 1000 + i,
        tijdstip: `2021-05-${String(1 + (i % 28)).padStart(2, '0')} 12:00:00`,
        toelichting: `regel ${i} <b>niet vet</b>` });
    }
    await insertRows(soort, rows);
  });

  test('shows a filter form and a table of the newest 50 rows, with Volgende keeping the filters', async () => {
    const r = await asSession(auditor, `/audit?object_soort=${soort}`);
    assert.equal(r.res.status, 200);
    assert.match(contentType(r.res), /^text\/html/);
    assert.match(r.text, /<h1[^>]*>Auditlog<\/h1>/);
    assert.match(r.text, /<form method="get" action="\/audit"/);
    for (const veld of ['gebruiker_id', 'actie', 'object_soort', 'object_id', 'van', 'tot']) {
      assert.match(r.text, new RegExp(`<label class="utrecht-form-label" for="${veld}">`), veld);
      assert.match(r.text, new RegExp(`id="${veld}" name="${veld}"`), veld);
    }
    assert.match(r.text, /<option value="test_even">test_even<\/option>/, 'actions present are offered');
    assert.match(r.text, /<option value="\d+">beheerder \(/, 'users are offered');
    assert.match(r.text, /<caption[^>]*>[^<]*50 op deze pagina/);
    for (const kop of ['Tijdstip', 'Gebruiker', 'Actie', 'Object', 'Route', 'Resultaat', 'Adres', 'Toelichting']) {
      assert.match(r.text, new RegExp(`<th scope="col"[^>]*>${kop}`), kop);
    }
    assert.equal((r.text.match(/<tr class="utrecht-table__row">\n<td/g) || []).length, 50);
    assert.match(r.text, /regel 54 &lt;b&gt;niet vet&lt;\/b&gt;/, 'newest first, escaped');
    assert.doesNotMatch(r.text, /regel 4 &lt;/, 'the oldest rows are on the next page');
    assert.match(r.text, new RegExp(`href="/audit.csv\\?object_soort=${soort}"[^>]*>Exporteer als CSV`));
    const next = r.text.match(/href="([^"]+)" rel="next">Volgende</);
    assert.ok(next, 'a Volgende link');
    const href = next[1].replace(/&amp;/g, '&');
    assert.match(href, new RegExp(`^/audit\\?object_soort=${soort}&cursor=\\d+$`));

    const r2 = await asSession(auditor, href);
    assert.equal(r2.res.status, 200);
    assert.equal((r2.text.match(/<tr class="utrecht-table__row">\n<td/g) || []).length, 5);
    assert.match(r2.text, /regel 4 &lt;/);
    assert.doesNotMatch(r2.text, /regel 5 &lt;/, 'no overlap with the first page');
    assert.doesNotMatch(r2.text, /rel="next"/);
    assert.match(r2.text, new RegExp(`href="/audit\\?object_soort=${soort}">Naar de nieuwste regels`));
  });

  test('the form keeps the chosen filters', async () => {
    const r = await asSession(auditor, `/audit?object_soort=${soort}&actie=test_oneven&gebruiker_id=${beheerId}`);
    assert.equal(r.res.status, 200);
    assert.match(r.text, /<option value="test_oneven" selected>/);
    assert.match(r.text, new RegExp(`<option value="${beheerId}" selected>`));
    assert.match(r.text, new RegExp(`id="object_soort" name="object_soort"[^>]*value="${soort}"`));
    assert.match(r.text, /geen auditregels met deze filters/, 'nothing by the beheerder in this batch');
  });

  test('a date that is not a date gets 422 and a Dutch message at the field, and no table', async () => {
    const r = await asSession(auditor, `/audit?object_soort=${soort}&van=31-12-2025&object_id=twaalf`);
    assert.equal(r.res.status, 422);
    assert.match(contentType(r.res), /^text\/html/);
    const van = r.text.match(/<p class="utrecht-form-field-error-message" id="van-fout">([^<]+)<\/p>/);
    assert.ok(van, 'a message at van');
    assert.ok(looksDutch(van[1]), van[1]);
    assert.match(r.text, /id="van" name="van" type="date" value="31-12-2025" aria-invalid="true" aria-describedby="van-fout"/);
    assert.match(r.text, /id="object_id-fout"/);
    assert.match(r.text, /href="#van"/, 'the summary links to the field');
    assert.doesNotMatch(r.text, /<table/);
    assert.doesNotMatch(r.text, /Exporteer als CSV/);
  });
});

describe('GET /audit.csv', () => {
  const soort = unique('test_csv');
  const formula = '=HYPERLINK("http://evil.example";"klik")';
  const quoted = 'met ; puntkomma, komma en "aanhalingstekens"\nen een nieuwe regel';
  before(async () => {
    await insertRows(soort, [
      { actie: 'test_csv', object_id: 1, tijdstip: '2022-01-01 10:00:00', gebruiker_id: beheerId, toelichting: 'gewoon' },
      { actie: 'test_csv', object_id: 2, tijdstip: '2022-01-02 10:00:00', toelichting: quoted },
      { actie: 'test_csv', object_id: 3, tijdstip: '2022-01-03 10:00:00', toelichting: formula },
      { actie: 'test_csv', object_id: 4, tijdstip: '2022-01-04 10:00:00', toelichting: '@SUM(1+1)*cmd' },
      { actie: 'test_csv', object_id: 5, tijdstip: '2022-01-05 10:00:00', toelichting: '-2+3' },
      { actie: 'test_csv', object_id: 6, tijdstip: '2022-01-06 10:00:00', toelichting: '+31 6 1234' },
      { actie: 'test_csv', object_id: 7, tijdstip: '2022-01-07 10:00:00', toelichting: 'tab\tin het midden' },
    ]);
  });

  const fetchCsv = async (s, qs) => {
    const res = await req(`/audit.csv?${qs}`, { headers: { cookie: s.cookie } });
    const bytes = Buffer.from(await res.arrayBuffer());
    return { res, bytes, text: bytes.toString('utf8') };
  };

  test('exports every matching row with a header, ; separators, RFC 4180 quoting and CRLF', async () => {
    const { res, bytes, text } = await fetchCsv(beheer, `object_soort=${soort}`);
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    const today = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    assert.equal(res.headers.get('content-disposition'), `attachment; filename="audit-${today}.csv"`);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte-order mark for Excel');
    const body = text.slice(1);
    assert.ok(body.startsWith(`${CSV_HEADER}\r\n`), 'the header row');
    const recs = parseCsv(body);
    assert.equal(recs.length, 8, 'header + 7 rows');
    for (const rec of recs) assert.equal(rec.length, 13);
    const rows = recs.slice(1);
    assert.deepEqual(rows.map((r) => r[8]), ['7', '6', '5', '4', '3', '2', '1'], 'newest first');
    const byObj = Object.fromEntries(rows.map((r) => [r[8], r]));
    assert.equal(byObj[1][3], 'beheerder');
    assert.equal(byObj[1][1], '2022-01-01T10:00:00Z');
    assert.equal(byObj[2][3], '', 'no user: empty field');
    assert.equal(byObj[2][12], quoted, 'a field with ; , " and LF survives the round trip');
    assert.ok(body.includes('"met ; puntkomma, komma en ""aanhalingstekens""\nen een nieuwe regel"'),
      'quoted, quotes doubled');
    assert.ok(body.includes('"\'=HYPERLINK(""http://evil.example"";""klik"")"'), 'formula neutralised and quoted');
    assert.equal(byObj[3][12], `'${formula}`);
    assert.equal(byObj[4][12], "'@SUM(1+1)*cmd");
    assert.equal(byObj[5][12], "'-2+3");
    assert.equal(byObj[6][12], "'+31 6 1234");
    assert.equal(byObj[7][12], 'tab\tin het midden', 'a tab later in the field is left alone');
    for (const rec of recs) {
      for (const f of rec) assert.doesNotMatch(f, /^[=+\-@\t\r]/, `a live formula: ${JSON.stringify(f)}`);
    }
  });

  test('an export is itself audited as audit_export, with its filters', async () => {
    const since = Number((await sql('SELECT COALESCE(MAX(id), 0) FROM audit'))[0][0]);
    const { res } = await fetchCsv(auditor, `object_soort=${soort}&actie=test_csv&van=2022-01-03`);
    assert.equal(res.status, 200);
    const r = await asSession(beheer, `/api/v1/audit?actie=audit_export&gebruiker_id=${auditor.me.id}&limit=5`);
    const row = r.json.items.find((it) => it.id > since);
    assert.ok(row, 'an audit_export row');
    assert.equal(row.route, 'GET /audit.csv');
    assert.equal(row.resultaat, 'gelukt');
    assert.match(row.toelichting, /^5 rijen; filters: /);
    assert.match(row.toelichting, new RegExp(`object_soort=${soort}`));
    assert.match(row.toelichting, /van=2022-01-03/);
  });

  test('filters apply to the export as to the list', async () => {
    const { text } = await fetchCsv(beheer, `object_soort=${soort}&object_id=3`);
    const recs = parseCsv(text.slice(1));
    assert.equal(recs.length, 2);
    assert.equal(recs[1][8], '3');
  });

  test('an export with no matching rows is just the header', async () => {
    const { res, text } = await fetchCsv(beheer, `object_soort=${unique('leeg')}`);
    assert.equal(res.status, 200);
    assert.equal(text, `\ufeff${CSV_HEADER}\r\n`);
  });

  test('a bad filter gets the page with the message, 422, and no export row', async () => {
    const n = await auditCount();
    const { res, text } = await fetchCsv(beheer, `object_soort=${soort}&tot=2022-13-01`);
    assert.equal(res.status, 422);
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(text, /id="tot-fout"/);
    assert.equal(await auditCount(), n);
  });
});

describe('who may read the audit log', () => {
  for (const p of ['/audit', '/audit.csv', '/api/v1/audit']) {
    test(`${p}: auditor 200, medewerker.dock 403`, async () => {
      assert.equal((await asSession(auditor, p)).res.status, 200);
      const r = await asSession(medewerker, p);
      assert.equal(r.res.status, 403);
    });
  }

  test('anonymous: the API answers 401, the pages send the browser to log in', async () => {
    const api = await asSession(null, '/api/v1/audit');
    assert.equal(api.res.status, 401);
    assert.match(contentType(api.res), /^application\/problem\+json/);
    for (const p of ['/audit', '/audit.csv']) {
      const r = await asSession(null, p);
      assert.equal(r.res.status, 303, p);
      assert.equal(r.res.headers.get('location'), `/inloggen?terug=${p}`);
    }
  });
});

describe('the application\'s database user', () => {
  // Connects as the app does (db_user, db_password, db_socket from the
  // stack's wijkzicht.conf) through a private defaults file, so the
  // password never appears on a command line.
  let dir; let defaults; let rowId;

  before(async () => {
    const conf = Object.fromEntries(fs.readFileSync(path.join(VAR, 'wijkzicht.conf'), 'utf8')
      .split('\n').map((l) => l.match(/^\s*([a-z_]+)\s*=\s*(.*?)\s*$/)).filter(Boolean)
      .map((m) => [m[1], m[2]]));
    assert.ok(conf.db_user && conf.db_password && conf.db_socket, 'db_user, db_password, db_socket in wijkzicht.conf');
    const esc = (s) => s.replace(/\\/g, '\\\\').replace(/"/g, '\\"');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-audit-'));
    defaults = path.join(dir, 'app.cnf');
    fs.writeFileSync(defaults, `[client]\nuser="${esc(conf.db_user)}"\npassword="${esc(conf.db_password)}"\n` +
      `socket="${esc(conf.db_socket)}"\n`, { mode: 0o600 });
    rowId = Number((await sql('SELECT MAX(id) FROM audit'))[0][0]);
  });
  after(() => { if (dir) fs.rmSync(dir, { recursive: true, force: true }); });

  const asApp = async (query) => {
    try {
      const { stdout } = await execFileP('mariadb', [`--defaults-file=${defaults}`, '-N', '-B',
        'wijkzicht', '-e', query], { timeout: 30000 });
      return { ok: true, out: stdout };
    } catch (e) {
      return { ok: false, out: String(e.stderr || e.message) };
    }
  };

  test('may SELECT from audit', async () => {
    const r = await asApp(`SELECT COUNT(*) FROM audit WHERE id = ${rowId}`);
    assert.ok(r.ok, r.out);
    assert.equal(r.out.trim(), '1');
  });

  test('may not UPDATE audit rows', async () => {
    const before0 = await sql(`SELECT toelichting FROM audit WHERE id = ${rowId}`);
    const r = await asApp(`UPDATE audit SET toelichting = 'vervalst' WHERE id = ${rowId}`);
    assert.equal(r.ok, false, 'UPDATE must fail');
    assert.match(r.out, /UPDATE command denied/i);
    assert.deepEqual(await sql(`SELECT toelichting FROM audit WHERE id = ${rowId}`), before0);
  });

  test('may not DELETE audit rows', async () => {
    const r = await asApp(`DELETE FROM audit WHERE id = ${rowId}`);
    assert.equal(r.ok, false, 'DELETE must fail');
    assert.match(r.out, /DELETE command denied/i);
    assert.equal((await sql(`SELECT COUNT(*) FROM audit WHERE id = ${rowId}`))[0][0], '1');
  });
});
