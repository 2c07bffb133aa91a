// demo.test.mjs — the demo inwoners of `wijkzicht seed-demo` (issue 4,
// src/store/demo.c): spread over all 11 wijkteams and 2023–2025, the
// situations the registration pages list (wachtlijst, refused uitkering,
// open overdrachten, returns without a handover) present, the ketenstatus
// projection there for everyone with events, and a second seed-demo
// changing nothing. The demo indicator catalogue (issue 10,
// sql/demo/050_indicatoren.sql): the participatie rapportage of the audit
// letter, every rule accepted by the reader, and figures for DOCK.
//
// Runs against a stack started with --seed-demo (scripts/test does).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { useStackLock, sql, cli, login, asSession, ROOT } from './lib.mjs';

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
    (SELECT COUNT(*) FROM audit WHERE route = 'cli seed-demo') AS audit,
    (SELECT COUNT(*) FROM indicator) AS indicatoren,
    (SELECT COUNT(*) FROM indicator_eis) AS indicator_eisen,
    (SELECT COUNT(*) FROM eis) AS eisen,
    (SELECT COUNT(*) FROM opdracht) AS opdrachten,
    (SELECT COUNT(*) FROM formatversie_item) AS format_items,
    (SELECT COUNT(*) FROM formatversie_reactie) AS reacties,
    (SELECT COUNT(*) FROM streefwaarde_historie) AS streefwaarde_historie,
    (SELECT COUNT(*) FROM rapportage) AS rapportages,
    (SELECT COUNT(*) FROM rapportage_historie) AS rapportage_historie,
    (SELECT COUNT(*) FROM rapportage_revisie) AS rapportage_revisies,
    (SELECT COUNT(*) FROM rapportage_vraag) AS rapportage_vragen`);
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

// The audit letter (Bijlage 2): the startgesprek, plan van aanpak and
// overdracht of new bijstand recipients belong to the brede opdracht; the
// aanvullende opdracht participatie is the long-term contact with people
// on an uitkering, which has no startgesprek and is where the profielen are.
test('demo trajecten are on the opdracht the audit letter gives them', async () => {
  const r = await one(`SELECT
      SUM(o.code = 'BREED' AND o.keten_id IS NULL) AS breed,
      SUM(o.code = 'AANV-PART') AS aanvullend,
      SUM(o.code = 'AANV-PART' AND t.soort <> 'participatie') AS aanvullend_anders,
      SUM(o.code <> 'BREED' AND EXISTS (SELECT 1 FROM gebeurtenis g
        WHERE g.traject_id = t.id AND g.type = 'startgesprek')) AS startgesprek_elders,
      SUM(o.code <> 'AANV-PART' AND EXISTS (SELECT 1 FROM gebeurtenis g
        WHERE g.traject_id = t.id AND g.type = 'profiel_toegekend')) AS profiel_elders,
      SUM(o.code = 'AANV-PART' AND EXISTS (SELECT 1 FROM gebeurtenis g
        WHERE g.traject_id = t.id AND g.type = 'profiel_toegekend')) AS profielen
    FROM traject t JOIN inwoner i ON i.id = t.inwoner_id JOIN opdracht o ON o.id = t.opdracht_id
   WHERE ${DEMO}`);
  assert.ok(Number(r.breed) >= 100, `brede opdracht: ${r.breed}`);
  assert.ok(Number(r.aanvullend) >= 10, `aanvullende opdracht participatie: ${r.aanvullend}`);
  assert.equal(Number(r.aanvullend_anders), 0);
  assert.equal(Number(r.startgesprek_elders), 0, 'every startgesprek on the brede opdracht');
  assert.equal(Number(r.profiel_elders), 0, 'profielen only in the aanvullende opdracht');
  assert.ok(Number(r.profielen) >= 5, `profielen: ${r.profielen}`);
});

// ------------------------------------------------------------ catalogue

// The indicators of the demo file and their keten, read from the file
// itself: other tests add indicators to the same ketens, so the demo's
// are told apart by code.
function demoCatalogus() {
  const tekst = fs.readFileSync(path.join(ROOT, 'sql', 'demo', '050_indicatoren.sql'), 'utf8');
  return tekst.split('INSERT IGNORE INTO indicator (').slice(1).map((st) => ({
    code: /SELECT '([a-z0-9_]+)',/.exec(st)[1],
    keten: /WHERE k\.code = '([A-Z]+)';/.exec(st)[1],
  }));
}

/** Every actief indicator of keten (an id) through the API, all pages. */
async function indicatorenVan(s, keten) {
  const items = [];
  let cursor = '';
  for (let guard = 0; guard < 20; guard++) {
    const r = await asSession(s, `/api/v1/indicatoren?keten_id=${keten}&actief=true&limit=100${cursor}`);
    assert.equal(r.res.status, 200, r.text);
    items.push(...r.json.items);
    if (r.json.volgende === null) return items;
    cursor = `&cursor=${encodeURIComponent(r.json.volgende)}`;
  }
  throw new Error('more pages than expected');
}

const RULE_EENHEID = { telling: 'aantal', stand: 'aantal', duur: 'dagen' };

test('the demo catalogue: 15–18 participatie indicators, with the three of the audit letter', async () => {
  const s = await login('regisseur.participatie');
  const [[part]] = await sql("SELECT id FROM keten WHERE code = 'PART'");
  const [[wmo]] = await sql("SELECT id FROM keten WHERE code = 'WMO'");
  const demo = demoCatalogus();
  const codes = new Set(demo.map((d) => d.code));
  assert.equal(codes.size, demo.length, 'every code once in the file');

  const alle = [...await indicatorenVan(s, part), ...await indicatorenVan(s, wmo)];
  const mijn = new Map(alle.filter((i) => codes.has(i.code)).map((i) => [i.code, i]));
  for (const d of demo) {
    const i = mijn.get(d.code);
    assert.ok(i, `${d.code} is in the catalogue, actief`);
    assert.equal(i.keten_id, Number(d.keten === 'PART' ? part : wmo), `${d.code}: keten ${d.keten}`);
  }
  const ind = [...mijn.values()];
  const partInd = ind.filter((i) => i.keten_id === Number(part));
  assert.ok(partInd.length >= 15 && partInd.length <= 18, `15 to 18 for the participatie rapportage, got ${partInd.length}`);

  // Footnote ww of the letter.
  const ww = {
    startgesprekken_gevoerd: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst', 'ketenstatus'] },
    inwoners_op_wachtlijst: { soort: 'stand', toestand: 'op_wachtlijst' },
    terug_van_werkom: { soort: 'telling', tel: 'inwoners', type: 'terug_van_werkom', uitsplitsing: ['warme_overdracht'] },
  };
  for (const [code, regel] of Object.entries(ww)) {
    assert.ok(mijn.has(code), code);
    assert.deepEqual(mijn.get(code).regel, regel, code);
  }

  for (const i of ind) {
    assert.match(i.code, /^[a-z][a-z0-9_]*$/, i.code);
    assert.ok(i.definitie.length > 40 && i.doel.length > 20, `${i.code}: a definitie and a doel`);
    // The 2024 participatie format changed one indicator (060_formats.sql).
    assert.equal(i.nummer, i.code === 'overdracht_dagen_tot_acceptatie' ? 2 : 1, i.code);
    if (i.bron === 'berekend') {
      assert.ok(i.regel && typeof i.regel === 'object', `${i.code}: berekend has a regel`);
      const verwacht = i.regel.soort === 'verhouding' ? (i.regel.procent ? 'percentage' : 'aantal')
        : RULE_EENHEID[i.regel.soort];
      assert.equal(i.eenheid, verwacht, `${i.code}: eenheid of a ${i.regel.soort}`);
      assert.equal(i.aanleverende_partij, null);
    } else {
      assert.equal(i.regel, null, `${i.code}: only a berekende indicator has a regel`);
      assert.equal(i.aanleverende_partij === null, i.bron === 'handmatig', `${i.code}: partij iff ketenpartner`);
    }
  }
  const van = (bron) => partInd.filter((i) => i.bron === bron);
  assert.ok(van('handmatig').length >= 2, 'handmatig indicators');
  assert.ok(van('handmatig').some((i) => i.eenheid === 'fte'), 'an fte inzet');
  assert.ok(van('handmatig').some((i) => i.eenheid === 'tekst'), 'a text answer');
  assert.deepEqual([...new Set(van('ketenpartner').map((i) => i.aanleverende_partij))].sort(),
    ['naleving', 'uitkeringen', 'werkom']);
  const soorten = new Set(partInd.filter((i) => i.regel).map((i) => i.regel.soort));
  assert.deepEqual([...soorten].sort(), ['duur', 'stand', 'telling', 'verhouding']);

  // The audit's missing Wmo figure: the IB the teams give, next to the
  // indicaties they issue.
  const ib = ind.filter((i) => i.keten_id === Number(wmo) && i.regel);
  const tel = (type) => ib.find((i) => i.regel.soort === 'telling' && i.regel.type === type);
  assert.ok(tel('ib_eigen_gestart') && tel('ib_indicatie_afgegeven'));
  assert.ok(ib.some((i) => i.regel.soort === 'verhouding' && i.regel.teller === tel('ib_eigen_gestart').code
    && i.regel.noemer === tel('ib_indicatie_afgegeven').code));

  // Eisen where they fit: the startgesprek (P-1), the wachtlijst (P-2),
  // the overdracht (P-3).
  const eis = async (code) => Number((await sql(`SELECT id FROM eis WHERE code = '${code}'`))[0][0]);
  assert.ok(mijn.get('startgesprekken_gevoerd').eis_ids.includes(await eis('P-1')));
  assert.ok(mijn.get('inwoners_op_wachtlijst').eis_ids.includes(await eis('P-2')));
  assert.ok(mijn.get('terug_van_werkom').eis_ids.includes(await eis('P-3')));
});

// The write path reads every rule with indicator_regel_lees() and checks
// eenheid, bron, partij, keten, thema, eisen and the parts of a
// verhouding before it looks at the version (ops/indicator.c): an
// unchanged PUT with a stale If-Match therefore answers 412 for a rule
// that passes all of it and 422 for one that does not, and writes
// nothing either way. The broken rule proves that order.
test('every demo rule passes the reader and the checks of the write path', async () => {
  const s = await login('beheerder');
  const codes = new Set(demoCatalogus().map((d) => d.code));
  const ketens = (await sql("SELECT id FROM keten WHERE code IN ('PART', 'WMO')")).map(([k]) => k);
  const ind = [];
  for (const k of ketens) ind.push(...(await indicatorenVan(s, k)).filter((i) => codes.has(i.code)));
  assert.equal(ind.length, codes.size);
  const body = (i, regel = i.regel) => ({
    code: i.code, naam: i.naam, definitie: i.definitie, doel: i.doel, eenheid: i.eenheid,
    keten_id: i.keten_id, thema_id: i.thema_id, bron: i.bron, aanleverende_partij: i.aanleverende_partij,
    drempel_vorige_periode: i.drempel_vorige_periode, eis_ids: i.eis_ids, regel,
  });
  const put = (i, json) => asSession(s, `/api/v1/indicatoren/${i.id}`, {
    method: 'PUT', headers: { 'if-match': `"${i.versie + 1000}"` }, json,
  });

  const inList = [...codes].map((c) => `'${c}'`).join(', ');
  const stand = `SELECT id, versie, nummer FROM indicator WHERE code IN (${inList}) ORDER BY id`;
  const voor = await sql(stand);

  const kapot = ind.find((i) => i.regel && i.regel.soort === 'telling');
  const r0 = await put(kapot, body(kapot, { ...kapot.regel, uitsplitsing: ['reden'] }));
  assert.equal(r0.res.status, 422, `a broken rule is judged before the version: ${r0.text}`);
  assert.ok(r0.json.errors.some((e) => e.veld.startsWith('regel')), r0.text);

  for (const i of ind) {
    const r = await put(i, body(i));
    assert.equal(r.res.status, 412, `${i.code}: ${r.text}`);
  }
  assert.deepEqual(await sql(stand), voor, 'nothing was written');
});

test('a DOCK teamleider sees the participatie figures of 2025-H1, small counts included', async () => {
  const s = await login('teamleider.dock');
  const [[part]] = await sql("SELECT id FROM keten WHERE code = 'PART'");
  const [[dock]] = await sql("SELECT id FROM organisatie WHERE code = 'DOCK'");
  const r = await asSession(s, `/api/v1/waarden?periode=2025-H1&organisatie_id=${dock}&keten_id=${part}`);
  assert.equal(r.res.status, 200, r.text);
  assert.ok(r.json.items.length > 0, 'items');
  const codes = new Set(demoCatalogus().map((d) => d.code));
  const demo = r.json.items.filter((it) => codes.has(it.indicator_code));
  const berekend = (await sql(`SELECT code FROM indicator WHERE actief = 1 AND bron = 'berekend'
      AND keten_id = ${part}`)).map(([c]) => c).filter((c) => codes.has(c));
  for (const c of berekend) {
    assert.ok(demo.some((it) => it.indicator_code === c && it.wijk_id === null), `${c}: a total`);
  }
  // the organisatie itself sees exact figures, nothing withheld
  for (const it of demo) assert.deepEqual(it.onderdrukt, [], `${it.indicator_code} ${it.wijk_id}`);
  const [[totaal]] = await sql(`SELECT COUNT(DISTINCT f.inwoner_id) FROM cijfer_feit f
      WHERE f.organisatie_id = ${dock} AND f.type = 'startgesprek' AND f.datum BETWEEN '2025-01-01' AND '2025-06-30'`);
  const sg = demo.find((it) => it.indicator_code === 'startgesprekken_gevoerd' && it.wijk_id === null);
  assert.equal(sg.waarde, Number(totaal), 'startgesprekken: the distinct inwoners of the projection');
  // the issue: at least one wijk cell between 1 and 4 (what others see as "< 5")
  const aantallen = new Set((await sql(`SELECT code FROM indicator WHERE eenheid = 'aantal'`)).map(([c]) => c));
  assert.ok(demo.some((it) => it.wijk_id !== null && aantallen.has(it.indicator_code)
    && it.waarde >= 1 && it.waarde <= 4), 'a wijk cell with a count of 1 to 4');
});

// Issue 11: the participatie format in two published versions, the
// second consulted and published mid-period with its reason and lineage;
// fifteen eisen in each; targets for some indicators and none for others.
test('the demo formats: participatie 2023 and 2024 with lineage and consultation, a Wmo format', async () => {
  const versies = await rowsOf(`SELECT f.code AS fmt, v.nummer AS nummer, v.status AS status,
      v.eerste_periode AS periode, v.midden_in_periode AS midden, v.publicatie_reden AS reden,
      v.consultatie_van AS cons, k.code AS keten,
      (SELECT COUNT(*) FROM formatversie_item i WHERE i.formatversie_id = v.id AND i.soort = 'indicator') AS ind,
      (SELECT COUNT(*) FROM formatversie_item i WHERE i.formatversie_id = v.id AND i.soort = 'eis') AS eisen,
      (SELECT COUNT(*) FROM formatversie_item i JOIN indicator x ON x.id = i.indicator_id
        WHERE i.formatversie_id = v.id AND x.keten_id <> f.keten_id) AS vreemd,
      (SELECT COUNT(*) FROM formatversie_reactie r WHERE r.formatversie_id = v.id) AS reacties,
      (SELECT COUNT(DISTINCT r.organisatie_id) FROM formatversie_reactie r WHERE r.formatversie_id = v.id) AS orgs
    FROM format f JOIN formatversie v ON v.format_id = f.id JOIN keten k ON k.id = f.keten_id
   WHERE f.code IN ('participatie', 'wmo_ib') ORDER BY f.code, v.nummer`);
  const kort = versies.map((v) => [v.fmt, Number(v.nummer), v.status, v.periode, v.keten]);
  assert.deepEqual(kort, [
    ['participatie', 1, 'gepubliceerd', '2023-H1', 'PART'],
    ['participatie', 2, 'gepubliceerd', '2024-H1', 'PART'],
    ['wmo_ib', 1, 'gepubliceerd', '2024-H1', 'WMO']]);
  const [p1, p2, w1] = versies;
  for (const v of versies) assert.equal(Number(v.vreemd), 0, `${v.fmt} ${v.nummer}: only its keten's indicators`);
  assert.ok(Number(p1.ind) >= 14 && Number(p2.ind) >= 15 && Number(p2.ind) <= 18, 'the letter: 15 to 18 indicators');
  assert.equal(Number(p1.eisen), 15, 'fifteen eisen in 2023');
  assert.equal(Number(p2.eisen), 15, 'fifteen eisen in 2024');
  assert.equal(Number(p1.midden), 0);
  assert.equal(Number(p2.midden), 1, 'the 2024 version was published after 2024-H1 began');
  assert.ok(p2.reden && p2.reden.length > 40, 'with its reason');
  assert.ok(p2.cons !== 'NULL' && p2.cons, 'consulted');
  assert.ok(Number(p2.reacties) >= 3 && Number(p2.orgs) >= 2, 'comments of two organisaties');
  assert.equal(Number(w1.eisen), 0);

  // Lineage: every indicator of version 2 says it; vergelijkbaar points
  // to an indicator that is an item of version 1; the changed one breaks.
  const lijn = await rowsOf(`SELECT x.code AS code, x.nummer AS nummer, i.lijn AS lijn,
      (SELECT COUNT(*) FROM formatversie_item o JOIN formatversie v1 ON v1.id = o.formatversie_id
        WHERE v1.format_id = v.format_id AND v1.nummer = 1 AND o.indicator_id = i.vorige_indicator_id) AS in_vorige
    FROM formatversie_item i JOIN formatversie v ON v.id = i.formatversie_id
    JOIN format f ON f.id = v.format_id JOIN indicator x ON x.id = i.indicator_id
   WHERE f.code = 'participatie' AND v.nummer = 2 AND i.soort = 'indicator'`);
  for (const r of lijn) {
    assert.ok(r.lijn === 'vergelijkbaar' || r.lijn === 'niet_vergelijkbaar', `${r.code}: lineage said`);
    if (r.lijn === 'vergelijkbaar') assert.equal(Number(r.in_vorige), 1, `${r.code}: continues an item of version 1`);
  }
  const changed = lijn.find((r) => r.code === 'overdracht_dagen_tot_acceptatie');
  assert.deepEqual([Number(changed.nummer), changed.lijn], [2, 'niet_vergelijkbaar']);
  assert.ok(lijn.filter((r) => r.lijn === 'vergelijkbaar').length >= 10);

  // Targets for some, and deliberately none for others (and none for IB).
  const sw = await rowsOf(`SELECT x.code AS code, x.keten_id AS keten, s.versie AS versie,
      (SELECT COUNT(*) FROM streefwaarde_historie h WHERE h.streefwaarde_id = s.id) AS hist
    FROM streefwaarde s JOIN indicator x ON x.id = s.indicator_id
   WHERE s.periode LIKE '2024%' AND x.id <= (SELECT MAX(id) FROM indicator WHERE code = 'overdracht_dagen_tot_acceptatie')`);
  const met = new Set(sw.map((r) => r.code));
  assert.ok(met.size >= 4, 'several indicators have a target');
  assert.ok(met.size < Number(p2.ind), 'and some have none');
  assert.ok(!met.has('ib_eigen_gestart') && !met.has('ib_indicaties_afgegeven'), 'none for IB');
  for (const r of sw) assert.equal(Number(r.hist), Number(r.versie), `${r.code}: every state in the history`);
  assert.ok(sw.some((r) => Number(r.versie) === 2), 'one target changed once');
});

// The demo rapportages (issue 12, src/ops/demo_rapportages.c), made
// through the rapportage operations: the participatie format of DOCK,
// Incluzio and SMD vastgesteld for 2023-H2, 2024-H1 and 2024-H2 (DOCK's
// 2024-H1 heropend, one value revised, vastgesteld again); Incluzio's
// 2025-H1 ingediend with an open vraag, SMD's teruggestuurd; DOCK's
// 2025-H1 not created, so a new one can be started.
test('the demo rapportages: vastgesteld, one revised, one with an open vraag, one teruggestuurd', async () => {
  const DEMO_ORGS = "('DOCK', 'INCLUZIO', 'SMD')";
  const raps = await rowsOf(`SELECT o.code AS org, r.periode AS periode, r.status AS status, r.ronde AS ronde,
      v.nummer AS versie, r.id AS id,
      (SELECT COUNT(*) FROM rapportage_revisie x WHERE x.rapportage_id = r.id) AS revisies,
      (SELECT COUNT(*) FROM rapportage_vraag q WHERE q.rapportage_id = r.id AND q.antwoord IS NULL) AS open_vragen,
      (SELECT GROUP_CONCAT(h.actie ORDER BY h.id) FROM rapportage_historie h WHERE h.rapportage_id = r.id) AS historie,
      (SELECT COUNT(*) FROM rapportage_waarde w WHERE w.rapportage_id = r.id AND w.momentopname IS NULL) AS zonder_opname,
      r.terugkoppeling IS NOT NULL AS terugkoppeling
    FROM rapportage r JOIN organisatie o ON o.id = r.organisatie_id JOIN format f ON f.id = r.format_id
      JOIN formatversie v ON v.id = r.formatversie_id
   WHERE f.code = 'participatie' AND o.code IN ${DEMO_ORGS} AND r.periode IN ('2023-H2', '2024-H1', '2024-H2', '2025-H1')`);
  const key = (r) => `${r.org} ${r.periode}`;
  const by = Object.fromEntries(raps.map((r) => [key(r), r]));
  // DOCK 2025-H1 is left for the demo (and other tests) to start.
  const perStatus = {};
  for (const r of raps) if (key(r) !== 'DOCK 2025-H1') perStatus[r.status] = (perStatus[r.status] || 0) + 1;
  assert.deepEqual(perStatus, { vastgesteld: 9, ingediend: 1, concept: 1 }, JSON.stringify(raps.map(key)));
  for (const org of ['DOCK', 'INCLUZIO', 'SMD']) {
    for (const p of ['2023-H2', '2024-H1', '2024-H2']) {
      const r = by[`${org} ${p}`];
      assert.ok(r, `${org} ${p} is there`);
      assert.equal(r.status, 'vastgesteld', `${org} ${p}`);
      assert.equal(r.terugkoppeling, '1', `${org} ${p}: with a terugkoppeling`);
      assert.equal(Number(r.zonder_opname), 0, `${org} ${p}: every value frozen`);
      // The formatversie that applies: version 1 until 2023, 2 from 2024-H1.
      assert.equal(Number(r.versie), p === '2023-H2' ? 1 : 2, `${org} ${p}: version`);
    }
  }
  const herzien = by['DOCK 2024-H1'];
  assert.equal(herzien.historie, 'aangemaakt,indienen,vaststellen,heropenen,indienen,vaststellen');
  assert.equal(Number(herzien.ronde), 2);
  assert.equal(Number(herzien.revisies), 1, 'the revised value has its marker');
  const rev = await rowsOf(`SELECT x.ronde AS ronde, x.oud AS oud, x.nieuw AS nieuw, x.reden AS reden, i.bron AS bron
    FROM rapportage_revisie x JOIN rapportage_waarde w ON w.id = x.waarde_id JOIN indicator i ON i.id = w.indicator_id
   WHERE x.rapportage_id = ${herzien.id}`);
  assert.equal(rev.length, 1);
  assert.equal(Number(rev[0].ronde), 2);
  assert.equal(rev[0].bron, 'handmatig');
  assert.equal(Number(rev[0].nieuw) - Number(rev[0].oud), 2);
  assert.match(rev[0].reden, /casuïstiekbesprekingen/);
  for (const [k, r] of Object.entries(by)) if (k !== 'DOCK 2024-H1') assert.equal(Number(r.revisies), 0, k);

  const vraag = by['INCLUZIO 2025-H1'];
  assert.equal(vraag.status, 'ingediend');
  assert.equal(Number(vraag.open_vragen), 1);
  const terug = by['SMD 2025-H1'];
  assert.equal(terug.status, 'concept');
  assert.equal(terug.historie, 'aangemaakt,indienen,terugsturen');
  const dock = by['DOCK 2025-H1'];
  if (dock) {
    const doorDemo = await sql(`SELECT COUNT(*) FROM audit WHERE route = 'cli seed-demo' AND object_soort = 'rapportage' AND object_id = ${dock.id}`);
    assert.equal(Number(doorDemo[0][0]), 0, 'DOCK 2025-H1 is not made by seed-demo');
  }

  // The API agrees: the teamleider of DOCK sees their three, vastgesteld.
  const tl = await login('teamleider.dock');
  const l = await asSession(tl, '/api/v1/rapportages?status=vastgesteld');
  assert.equal(l.res.status, 200, l.text);
  assert.ok(l.json.items.filter((r) => ['2023-H2', '2024-H1', '2024-H2'].includes(r.periode)).length >= 3);
});

test('running seed-demo again changes nothing', async () => {
  const before1 = await counts();
  const out = await cli('seed-demo');
  assert.match(out, /demo inwoners: 0 created/);
  assert.match(out, /demo rapportages: 0 created, 11 already there/);
  const after1 = await counts();
  assert.deepEqual(after1, before1);
});
