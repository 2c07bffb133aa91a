// demo.test.mjs — the demo inwoners of `wijkzicht seed-demo` (issue 4,
// src/store/demo.c): spread over all 11 wijkteams and 2023–2025, the
// situations the registration pages list (wachtlijst, refused uitkering,
// open overdrachten, returns without a handover) present, the ketenstatus
// projection there for everyone with events, and a second seed-demo
// changing nothing.
//
// Runs against a stack started with --seed-demo (scripts/test does).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, sql, cli, login, asSession } from './lib.mjs';

useStackLock(before, after);

const DEMO = "i.extern_kenmerk LIKE 'DEMO-%'";

// sql() gives rows as arrays of strings; rowsOf names the columns after the
// "AS name" aliases of the query, in order (the queries here use AS for
// the select list only, never for tables).
function names(query) {
  return [...query.matchAll(/\bAS\s+([a-z_]+)/gi)].map((m) => m[1]);
}

async function rowsOf(query) {
  const cols = names(query);
  return (await sql(query)).map((r) => Object.fromEntries(r.map((v, i) => [cols[i] ?? i, v])));
}

async function one(query) {
  const rows = await rowsOf(query);
  assert.equal(rows.length, 1, query);
  return rows[0];
}

// Everything seed-demo writes about demo inwoners, counted.
async function counts() {
  return one(`SELECT
    (SELECT COUNT(*) FROM inwoner i WHERE ${DEMO}) AS inwoners,
    (SELECT COUNT(*) FROM traject t JOIN inwoner i ON i.id = t.inwoner_id WHERE ${DEMO}) AS trajecten,
    (SELECT COUNT(*) FROM gebeurtenis g JOIN inwoner i ON i.id = g.inwoner_id WHERE ${DEMO}) AS gebeurtenissen,
    (SELECT COUNT(*) FROM ketenstatus k JOIN inwoner i ON i.id = k.inwoner_id WHERE ${DEMO}) AS ketenstatus,
    (SELECT COUNT(*) FROM inwoner_toegang a JOIN inwoner i ON i.id = a.inwoner_id WHERE ${DEMO}) AS toegang,
    (SELECT COUNT(*) FROM audit WHERE route = 'cli seed-demo') AS audit`);
}

// The 11 wijkteams of sql/demo/010_zaanstad_structuur.sql (other tests
// add wijkteams of their own to the same database).
const DEMO_WIJKTEAMS = ['WT-ASD', 'WT-KRM', 'WT-WRV', 'WT-ZDK', 'WT-KAZ', 'WT-ZDN',
  'WT-ZDO', 'WT-PLB', 'WT-ZDW', 'WT-ZDZ', 'WT-ZDC'];

test('demo inwoners exist in every one of the 11 wijkteams', async () => {
  const rows = await rowsOf(`SELECT wt.code AS code, COUNT(DISTINCT t.inwoner_id) AS n
      FROM wijkteam wt
      LEFT JOIN traject t ON t.wijkteam_id = wt.id
       AND t.inwoner_id IN (SELECT i.id FROM inwoner i WHERE ${DEMO})
     WHERE wt.code IN (${DEMO_WIJKTEAMS.map((c) => `'${c}'`).join(', ')})
     GROUP BY wt.code ORDER BY wt.code`);
  assert.equal(rows.length, 11, 'the 11 demo wijkteams');
  for (const r of rows) assert.ok(Number(r.n) > 0, `${r.code} has demo inwoners`);
  const c = await counts();
  assert.ok(Number(c.inwoners) >= 200, `a few hundred demo inwoners, got ${c.inwoners}`);
  assert.ok(Number(c.gebeurtenissen) >= 3 * Number(c.inwoners), 'several events each');
});

test('events cover 2023, 2024 and 2025 and nothing outside', async () => {
  const rows = await rowsOf(`SELECT YEAR(g.datum) AS jaar, COUNT(*) AS n FROM gebeurtenis g
      JOIN inwoner i ON i.id = g.inwoner_id WHERE ${DEMO} GROUP BY 1 ORDER BY 1`);
  assert.deepEqual(rows.map((r) => Number(r.jaar)), [2023, 2024, 2025]);
  for (const r of rows) assert.ok(Number(r.n) >= 50, `year ${r.jaar}: ${r.n} events`);
});

test('each demo inwoner lives in a wijk of the wijkteam of their trajecten', async () => {
  const r = await one(`SELECT COUNT(*) AS n FROM traject t JOIN inwoner i ON i.id = t.inwoner_id
      WHERE ${DEMO} AND NOT EXISTS (SELECT 1 FROM wijkteam_wijk ww
        WHERE ww.wijkteam_id = t.wijkteam_id AND ww.wijk_id = i.wijk_id)`);
  assert.equal(Number(r.n), 0);
});

test('the situations of the registration lists are present', async () => {
  const r = await one(`SELECT
      SUM(k.wachtlijst_wijkteam_id IS NOT NULL) AS wachtlijst,
      SUM(k.afgewezen_op IS NOT NULL) AS afgewezen,
      SUM(k.overdracht_sinds <= '2025-12-31' - INTERVAL 14 DAY) AS overdracht_open,
      SUM(k.terug_zonder_overdracht IS NOT NULL) AS terug_zonder,
      SUM(k.partij = 'werkom') AS werkom,
      SUM(k.partij = 'naleving') AS naleving
    FROM ketenstatus k JOIN inwoner i ON i.id = k.inwoner_id WHERE ${DEMO}`);
  assert.ok(Number(r.wachtlijst) >= 10, `on a wachtlijst: ${r.wachtlijst}`);
  assert.ok(Number(r.afgewezen) >= 3, `uitkering refused while waiting: ${r.afgewezen}`);
  assert.ok(Number(r.overdracht_open) >= 3, `overdrachten open > 14 days: ${r.overdracht_open}`);
  assert.ok(Number(r.terug_zonder) >= 1, `returns without a handover: ${r.terug_zonder}`);
  assert.ok(Number(r.werkom) >= 5 && Number(r.naleving) >= 1, 'held by Werkom and Naleving');
  // Every afgewezen on the list is really on a wachtlijst (the projection).
  const bad = await one(`SELECT COUNT(*) AS n FROM ketenstatus k JOIN inwoner i ON i.id = k.inwoner_id
      WHERE ${DEMO} AND k.afgewezen_op IS NOT NULL AND k.wachtlijst_wijkteam_id IS NULL`);
  assert.equal(Number(bad.n), 0);
});

test('events are registered by the right parties and the projection is complete', async () => {
  const rows = await rowsOf(`SELECT g.type AS type, g.partij AS partij, MIN(gb.gebruikersnaam) AS wie, COUNT(*) AS n
      FROM gebeurtenis g JOIN inwoner i ON i.id = g.inwoner_id
      JOIN gebruiker gb ON gb.id = g.gebruiker_id
     WHERE ${DEMO} GROUP BY g.type, g.partij`);
  const by = Object.fromEntries(rows.map((r) => [`${r.type}/${r.partij}`, r]));
  assert.ok(by['uitkeringsbesluit/uitkeringen'], 'uitkeringsbesluit by Uitkeringen');
  assert.equal(by['uitkeringsbesluit/uitkeringen'].wie, 'ketenpartner.uitkeringen');
  assert.ok(by['overdracht_geaccepteerd/werkom'], 'acceptance by Werkom');
  assert.ok(by['startgesprek/wijkteam'].wie.startsWith('medewerker.'));
  assert.ok(by['correctie/wijkteam'], 'at least one correctie');
  for (const r of rows) {
    if (r.type === 'correctie') continue;
    assert.ok(!r.type.includes('uitkeringsbesluit') || r.partij === 'uitkeringen', r.type);
  }
  const voids = await one(`SELECT COUNT(*) AS n FROM gebeurtenis g JOIN inwoner i ON i.id = g.inwoner_id
      WHERE ${DEMO} AND g.type = 'correctie' AND (g.vervalt_id IS NULL
        OR JSON_VALUE(g.gegevens, '$.vervalt_id') <> g.vervalt_id)`);
  assert.equal(Number(voids.n), 0, 'every correctie names the event it voids');
  const missing = await one(`SELECT COUNT(*) AS n FROM inwoner i
      WHERE ${DEMO} AND EXISTS (SELECT 1 FROM gebeurtenis g WHERE g.inwoner_id = i.id)
        AND NOT EXISTS (SELECT 1 FROM ketenstatus k WHERE k.inwoner_id = i.id)`);
  assert.equal(Number(missing.n), 0, 'a ketenstatus row for every inwoner with events');
});

test('BSNs: only some demo inwoners have one, sealed, all distinct', async () => {
  const r = await one(`SELECT COUNT(*) AS n, COUNT(bsn_hash) AS met, COUNT(DISTINCT bsn_hash) AS verschillend,
      SUM(bsn_versleuteld REGEXP '^[0-9]{9}$') AS leesbaar FROM inwoner i WHERE ${DEMO}`);
  assert.ok(Number(r.met) > 0 && Number(r.met) < Number(r.n), `some, not all: ${r.met} of ${r.n}`);
  assert.equal(Number(r.verschillend), Number(r.met));
  assert.equal(Number(r.leesbaar), 0, 'never stored in clear');
});

test('a medewerker finds demo inwoners of their own organisatie only', async () => {
  const row = await one(`SELECT i.naam AS naam, i.organisatie_id AS organisatie_id FROM inwoner i JOIN organisatie o ON o.id = i.organisatie_id
      WHERE ${DEMO} AND o.code = 'DOCK' ORDER BY i.extern_kenmerk LIMIT 1`);
  const s = await login('medewerker.dock');
  const achternaam = row.naam.split(' ').pop();
  const r = await asSession(s, '/api/v1/inwoners/zoeken', { method: 'POST', json: { naam: achternaam } });
  if (r.res.status === 404) return; // the route is not there yet in this build
  assert.equal(r.res.status, 200, r.text);
  assert.ok(r.json.items.some((x) => x.naam === row.naam), `${row.naam} found`);
  const ids = r.json.items.map((x) => Number(x.id));
  const orgs = await sql(`SELECT DISTINCT organisatie_id FROM inwoner WHERE id IN (${ids.join(',') || 0})`);
  for (const [o] of orgs) assert.equal(Number(o), Number(row.organisatie_id));
});

test('running seed-demo again changes nothing', async () => {
  const before1 = await counts();
  const out = await cli('seed-demo');
  assert.match(out, /demo inwoners: 0 created/);
  const after1 = await counts();
  assert.deepEqual(after1, before1);
});
