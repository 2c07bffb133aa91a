// export.test.mjs — a teamleider exports their organisation's registrations
// for a period (POST /registratie/export, src/handlers/export.c): a valid
// XLSX with two sheets, CSV with only their own organisation's rows, an
// audit row for every inwoner exported, nothing for others.
//
// Test data is inserted with SQL in a period no demo data uses (2012), with
// names unique to this run; earlier runs leave rows in the same period, so
// the assertions are about this run's rows and about organisations, never
// about totals.
//
// WZ_EXPORT_GROOT=1 also runs the large export (100,000 trajecten and
// 100,000 gebeurtenissen, generated once in 2001) and checks the worker's
// peak memory; it adds 50,000 inwoners to the stack, so it is off by default.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import {
  useStackLock, login, asSession, sql, req, ORIGIN, workerPids,
} from './lib.mjs';

useStackLock(before, after);

const U = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
const NAAM_DOCK = `Exporttest Dock ${U}`;
const NAAM_OUD = `Exporttest Oud ${U}`;
const NAAM_INCLUZIO = `Exporttest Incluzio ${U}`;
const VAN = '2012-01-01';
const TOT = '2012-12-31';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

let tl;            // teamleider.dock
let ids = {};      // org, inwoner and traject ids of this run
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-export-test-'));

async function one(q) {
  const rows = await sql(q);
  return rows.length ? rows[rows.length - 1][0] : null;
}

/** Posts the export form; returns { res, buf } with the body as bytes. */
async function exporteer(s, form, { timeout = 60000 } = {}) {
  const res = await req('/registratie/export', {
    method: 'POST',
    timeout,
    headers: {
      cookie: s.cookie, 'x-csrf-token': s.csrf, origin: ORIGIN,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams(form).toString(),
  });
  return { res, buf: Buffer.from(await res.arrayBuffer()) };
}

/** The data rows of a CSV export as arrays of fields (no quoted ';'). */
function csvRijen(buf) {
  const text = buf.toString('utf8');
  assert.ok(text.startsWith('\uFEFF'), 'the CSV starts with a UTF-8 BOM');
  const lines = text.slice(1).split('\r\n').filter((l) => l !== '');
  return { kop: lines[0].split(';'), rijen: lines.slice(1).map((l) => l.split(';')) };
}

async function maxAuditId() {
  return Number(await one('SELECT COALESCE(MAX(id), 0) FROM audit'));
}

before(async () => {
  tl = await login('teamleider.dock');
  const org = async (code) => Number(await one(`SELECT id FROM organisatie WHERE code = '${code}'`));
  ids.dock = await org('DOCK');
  ids.incluzio = await org('INCLUZIO');
  const wijk = await one('SELECT MIN(id) FROM wijk');
  const thema = await one('SELECT MIN(id) FROM thema');
  const opdracht = await one('SELECT MIN(id) FROM opdracht');
  const team = async (o) => one(`SELECT MIN(wijkteam_id) FROM wijkteam_organisatie WHERE organisatie_id = ${o}`);
  const wtDock = await team(ids.dock);
  const wtIncl = await team(ids.incluzio);
  const gebruiker = await one("SELECT id FROM gebruiker WHERE gebruikersnaam = 'medewerker.dock'");
  ids.teamleider = Number(await one("SELECT id FROM gebruiker WHERE gebruikersnaam = 'teamleider.dock'"));

  async function inwoner(naam, o) {
    const id = await one(`INSERT INTO inwoner (naam, geboortejaar, wijk_id, organisatie_id)
      VALUES ('${naam}', 1971, ${wijk}, ${o}); SELECT LAST_INSERT_ID();`);
    await sql(`INSERT INTO inwoner_toegang (organisatie_id, inwoner_id) VALUES (${o}, ${id})`);
    return Number(id);
  }
  async function traject(inw, o, wt, start, eind) {
    return Number(await one(`INSERT INTO traject (inwoner_id, soort, thema_id, opdracht_id,
      wijkteam_id, organisatie_id, startdatum, einddatum) VALUES (${inw}, 'participatie',
      ${thema}, ${opdracht}, ${wt}, ${o}, '${start}', ${eind ? `'${eind}'` : 'NULL'});
      SELECT LAST_INSERT_ID();`));
  }
  async function gebeurtenis(inw, trj, o, datum, gegevens) {
    await sql(`INSERT INTO gebeurtenis (inwoner_id, traject_id, type, datum, gegevens, partij,
      organisatie_id, gebruiker_id) VALUES (${inw}, ${trj}, 'startgesprek', '${datum}',
      '${JSON.stringify(gegevens)}', 'wijkteam', ${o}, ${gebruiker})`);
  }
  ids.inwDock = await inwoner(NAAM_DOCK, ids.dock);
  ids.inwOud = await inwoner(NAAM_OUD, ids.dock);
  ids.inwIncl = await inwoner(NAAM_INCLUZIO, ids.incluzio);
  ids.trjDock = await traject(ids.inwDock, ids.dock, wtDock, '2011-06-01', null);
  ids.trjOud = await traject(ids.inwOud, ids.dock, wtDock, '2010-01-01', '2011-05-01');
  ids.trjIncl = await traject(ids.inwIncl, ids.incluzio, wtIncl, '2012-03-01', null);
  await gebeurtenis(ids.inwDock, ids.trjDock, ids.dock, '2012-02-03',
    { uitkomst: 'overbrugbaar', met_inkomensconsulent: true });
  await gebeurtenis(ids.inwDock, ids.trjDock, ids.dock, '2011-07-01', { uitkomst: 'onoverbrugbaar' });
  await gebeurtenis(ids.inwIncl, ids.trjIncl, ids.incluzio, '2012-04-05', { uitkomst: 'overbrugbaar' });
});

after(() => { fs.rmSync(tmp, { recursive: true, force: true }); });

test('a medewerker and a ketenpartner get 403; without a session the page sends one to log in', async () => {
  for (const user of ['medewerker.dock', 'ketenpartner.werkom', 'beheerder']) {
    const s = await login(user);
    const page = await asSession(s, '/registratie/export');
    assert.equal(page.res.status, 403, `GET as ${user}`);
    const { res } = await exporteer(s, { van: VAN, tot: TOT, formaat: 'csv' });
    assert.equal(res.status, 403, `POST as ${user}`);
  }
  const anon = await asSession(null, '/registratie/export');
  assert.equal(anon.res.status, 303);
  assert.match(anon.res.headers.get('location'), /^\/inloggen/);
});

test('the form offers the period, the formats and states the limit', async () => {
  const r = await asSession(tl, '/registratie/export');
  assert.equal(r.res.status, 200);
  assert.match(r.text, /<form method="post" action="\/registratie\/export"/);
  assert.match(r.text, /name="csrf_token" value="[^"]+"/);
  for (const f of ['name="van"', 'name="tot"', 'value="xlsx"', 'value="csv"', 'value="gebeurtenissen"']) {
    assert.ok(r.text.includes(f), f);
  }
  assert.match(r.text, /ten hoogste 200\.000 regels/);
});

test('the xlsx export is a valid workbook with the own trajecten and their events only', async () => {
  const voor = await maxAuditId();
  const { res, buf } = await exporteer(tl, { van: VAN, tot: TOT, formaat: 'xlsx' });
  assert.equal(res.status, 200, buf.toString('utf8').slice(0, 300));
  assert.equal(res.headers.get('content-type'), XLSX);
  assert.match(res.headers.get('content-disposition'),
    /^attachment; filename="registratie-2012-01-01-2012-12-31\.xlsx"$/);
  assert.equal(res.headers.get('cache-control'), 'no-store');
  assert.equal(Number(res.headers.get('content-length')), buf.length);
  assert.equal(buf.subarray(0, 4).toString('latin1'), 'PK\x03\x04');

  const file = path.join(tmp, 'export.xlsx');
  fs.writeFileSync(file, buf);
  const lijst = execFileSync('unzip', ['-l', file], { encoding: 'utf8', maxBuffer: 16 << 20 });
  for (const part of ['[Content_Types].xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml',
    'xl/worksheets/sheet2.xml']) {
    assert.ok(lijst.includes(part), `the zip holds ${part}`);
  }
  execFileSync('unzip', ['-tq', file], { maxBuffer: 16 << 20 });   // every entry's CRC checks
  const wb = execFileSync('unzip', ['-p', file, 'xl/workbook.xml'], { encoding: 'utf8', maxBuffer: 16 << 20 });
  assert.match(wb, /name="Trajecten"/);
  assert.match(wb, /name="Gebeurtenissen"/);
  const blad = (n) => execFileSync('unzip', ['-p', file, `xl/worksheets/sheet${n}.xml`],
    { encoding: 'utf8', maxBuffer: 256 << 20 });
  const trajecten = blad(1);
  assert.ok(trajecten.includes(`>${NAAM_DOCK}<`), 'the own inwoner is in it');
  assert.ok(!trajecten.includes(NAAM_INCLUZIO), 'another organisation\'s inwoner is not');
  assert.ok(!trajecten.includes(NAAM_OUD), 'a traject that ended before the period is not');
  assert.ok(trajecten.includes('>Geboortejaar<') && !/BSN/i.test(trajecten), 'no BSN column');
  // Dates are real dates: 2011-06-01 is serial 40695.
  assert.ok(trajecten.includes('<v>40695</v>'), 'the start date as an Excel date');
  const gebeurtenissen = blad(2);
  assert.ok(gebeurtenissen.includes(
    '>Uitkomst: Overbrugbare afstand tot de arbeidsmarkt; Gevoerd met de inkomensconsulent: ja<'),
  'the payload as readable text');
  assert.ok(!gebeurtenissen.includes(NAAM_INCLUZIO));

  // The audit: a row per exported inwoner (set-based) and one for the export.
  const rows = await sql(`SELECT inwoner_id, object_soort, doel, gebruiker_id, route FROM audit
    WHERE id > ${voor} AND actie = 'exporteren'`);
  const perInwoner = rows.filter((r) => r[1] === 'inwoner');
  const inwoners = new Set(perInwoner.map((r) => Number(r[0])));
  assert.ok(inwoners.has(ids.inwDock), 'the exported inwoner has an audit row');
  assert.ok(!inwoners.has(ids.inwIncl), 'another organisation\'s inwoner has none');
  assert.ok(!inwoners.has(ids.inwOud), 'an inwoner outside the period has none');
  assert.equal(perInwoner.filter((r) => Number(r[0]) === ids.inwDock).length, 1, 'one row per inwoner');
  for (const r of rows) {
    assert.equal(r[2], 'export');
    assert.equal(Number(r[3]), ids.teamleider);
    assert.equal(r[4], 'POST /registratie/export');
  }
  const export_ = rows.filter((r) => r[1] === 'registratie');
  assert.equal(export_.length, 1, 'one row for the export itself');
  // Every inwoner of the file, and only those, was recorded.
  const inFile = await sql(`SELECT COUNT(DISTINCT inwoner_id) FROM traject WHERE organisatie_id = ${ids.dock}
    AND startdatum <= '${TOT}' AND (einddatum IS NULL OR einddatum >= '${VAN}')`);
  assert.equal(inwoners.size, Number(inFile[0][0]));
});

test('the xlsx gebeurtenissen sheet holds only events dated in the period', async () => {
  const { res, buf } = await exporteer(tl, { van: VAN, tot: TOT, formaat: 'xlsx' });
  assert.equal(res.status, 200);
  const file = path.join(tmp, 'periode.xlsx');
  fs.writeFileSync(file, buf);
  const xml = execFileSync('unzip', ['-p', file, 'xl/worksheets/sheet2.xml'],
    { encoding: 'utf8', maxBuffer: 256 << 20 });
  // Each <row> of this run's inwoner carries its date serial: 2012-02-03 is
  // 40942; 2011-07-01 (outside the period) would be 40725.
  const mine = xml.split('<row ').filter((r) => r.includes(`>${NAAM_DOCK}<`));
  assert.equal(mine.length, 1, 'one event of this inwoner in the period');
  assert.ok(mine[0].includes('<v>40942</v>'));
  assert.ok(!mine[0].includes('<v>40725</v>'));
});

test('the CSV of trajecten holds only the own organisation\'s rows', async () => {
  const { res, buf } = await exporteer(tl, { van: VAN, tot: TOT, formaat: 'csv', soort: 'trajecten' });
  assert.equal(res.status, 200);
  assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
  assert.match(res.headers.get('content-disposition'), /^attachment; filename="registratie-2012-01-01-2012-12-31\.csv"$/);
  const { kop, rijen } = csvRijen(buf);
  assert.deepEqual(kop.slice(0, 5), ['Trajectnummer', 'Inwonernummer', 'Naam', 'Geboortejaar', 'Wijk']);
  assert.ok(!kop.some((k) => /bsn/i.test(k)));
  assert.ok(rijen.length >= 1);
  const namen = rijen.map((r) => r[2]);
  assert.ok(namen.includes(NAAM_DOCK));
  assert.ok(!namen.includes(NAAM_INCLUZIO), 'an INCLUZIO inwoner is absent');
  assert.ok(!namen.includes(NAAM_OUD));
  const trajecten = rijen.map((r) => Number(r[0]));
  const orgs = new Set();
  for (let i = 0; i < trajecten.length; i += 1000) {
    const rows = await sql(`SELECT DISTINCT organisatie_id FROM traject
      WHERE id IN (${trajecten.slice(i, i + 1000).join(',')})`);
    rows.forEach((r) => orgs.add(Number(r[0])));
  }
  assert.deepEqual([...orgs], [ids.dock], 'every row is a DOCK traject');
  const mijn = rijen.find((r) => r[2] === NAAM_DOCK);
  assert.equal(mijn[0], String(ids.trjDock));
  assert.equal(mijn[3], '1971');
  assert.equal(mijn[5], 'Participatiebegeleiding');
  assert.equal(mijn[9], '2011-06-01');
  assert.equal(mijn[10], '');
});

test('the CSV of gebeurtenissen holds the events in the period, with readable payloads', async () => {
  const voor = await maxAuditId();
  const { res, buf } = await exporteer(tl, { van: VAN, tot: TOT, formaat: 'csv', soort: 'gebeurtenissen' });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-disposition'), /registratie-gebeurtenissen-2012-01-01-2012-12-31\.csv/);
  const text = buf.toString('utf8');
  const mine = text.split('\r\n').filter((l) => l.includes(NAAM_DOCK));
  assert.equal(mine.length, 1);
  assert.match(mine[0], /;Startgesprek;2012-02-03;"Uitkomst: Overbrugbare afstand tot de arbeidsmarkt; Gevoerd met de inkomensconsulent: ja";;Sociaal wijkteam;/);
  assert.ok(!text.includes(NAAM_INCLUZIO));
  const rows = await sql(`SELECT COUNT(*) FROM audit WHERE id > ${voor} AND actie = 'exporteren'
    AND inwoner_id = ${ids.inwDock} AND doel = 'export'`);
  assert.equal(Number(rows[0][0]), 1);
});

test('another organisation\'s teamleider gets their own rows, not DOCK\'s', async () => {
  const s = await login('teamleider.incluzio');
  const { res, buf } = await exporteer(s, { van: VAN, tot: TOT, formaat: 'csv' });
  assert.equal(res.status, 200);
  const { rijen } = csvRijen(buf);
  const namen = rijen.map((r) => r[2]);
  assert.ok(namen.includes(NAAM_INCLUZIO));
  assert.ok(!namen.includes(NAAM_DOCK));
});

test('a bad form is answered with the form and its errors, and exports nothing', async () => {
  const voor = await maxAuditId();
  const cases = [
    [{ van: '2012-12-31', tot: '2012-01-01', formaat: 'csv' }, 'tot', /ligt vóór de datum bij Vanaf/],
    [{ van: '2012-02-30', tot: TOT, formaat: 'csv' }, 'van', /bestaande datum/],
    [{ van: VAN, tot: TOT, formaat: 'pdf' }, 'formaat', /Excel \(xlsx\) of CSV/],
    [{ van: VAN, tot: TOT, formaat: 'csv', soort: 'alles' }, 'soort', /trajecten of gebeurtenissen/],
    [{ tot: TOT, formaat: 'xlsx' }, 'van', /bestaande datum/],
  ];
  for (const [form, veld, melding] of cases) {
    const { res, buf } = await exporteer(tl, form);
    const html = buf.toString('utf8');
    assert.equal(res.status, 422, JSON.stringify(form));
    assert.match(res.headers.get('content-type'), /^text\/html/);
    assert.match(html, melding);
    assert.ok(html.includes(`href="#${veld}"`), `the summary links to ${veld}`);
  }
  const rows = await sql(`SELECT COUNT(*) FROM audit WHERE id > ${voor} AND actie = 'exporteren'`);
  assert.equal(Number(rows[0][0]), 0, 'nothing was exported or recorded');
});

test('the form without a CSRF token is refused', async () => {
  const res = await req('/registratie/export', {
    method: 'POST',
    headers: { cookie: tl.cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ van: VAN, tot: TOT, formaat: 'csv' }).toString(),
  });
  assert.equal(res.status, 403);
});

function piekGeheugenKb(pids) {
  return Math.max(...pids.map((p) => {
    try {
      return Number(/VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, 'utf8'))[1]);
    } catch { return 0; }
  }));
}

test('a large export (100,000 trajecten, 100,000 gebeurtenissen) stays within the worker\'s memory',
  { skip: process.env.WZ_EXPORT_GROOT !== '1' && 'set WZ_EXPORT_GROOT=1' }, async () => {
    const n = Number(await one("SELECT COUNT(*) FROM inwoner WHERE extern_kenmerk LIKE 'grootexport-%'"));
    if (n === 0) {
      const wijk = await one('SELECT MIN(id) FROM wijk');
      const thema = await one('SELECT MIN(id) FROM thema');
      const opdracht = await one('SELECT MIN(id) FROM opdracht');
      const wt = await one(`SELECT MIN(wijkteam_id) FROM wijkteam_organisatie WHERE organisatie_id = ${ids.dock}`);
      await sql(`INSERT INTO inwoner (naam, geboortejaar, wijk_id, organisatie_id, extern_kenmerk)
        SELECT CONCAT('Groot Export ', seq), 1950 + seq % 50, ${wijk}, ${ids.dock}, CONCAT('grootexport-', seq)
        FROM seq_1_to_50000;
        INSERT INTO traject (inwoner_id, soort, thema_id, opdracht_id, wijkteam_id, organisatie_id, startdatum, einddatum)
        SELECT i.id, 'participatie', ${thema}, ${opdracht}, ${wt}, ${ids.dock}, '2001-01-01' + INTERVAL (i.id % 300) DAY,
        '2001-12-31' FROM inwoner i JOIN seq_1_to_2 WHERE i.extern_kenmerk LIKE 'grootexport-%';
        INSERT INTO gebeurtenis (inwoner_id, traject_id, type, datum, gegevens, partij, organisatie_id, gebruiker_id)
        SELECT t.inwoner_id, t.id, 'startgesprek', t.startdatum, '{"uitkomst":"overbrugbaar"}', 'wijkteam',
        ${ids.dock}, ${ids.teamleider} FROM traject t JOIN inwoner i ON i.id = t.inwoner_id
        WHERE i.extern_kenmerk LIKE 'grootexport-%';`);
    }
    const pids = workerPids();
    const voor = piekGeheugenKb(pids);
    const t0 = performance.now();
    const { res, buf } = await exporteer(tl, { van: '2001-01-01', tot: '2001-12-31', formaat: 'xlsx' },
      { timeout: 120000 });
    const ms = performance.now() - t0;
    assert.equal(res.status, 200);
    const file = path.join(tmp, 'groot.xlsx');
    fs.writeFileSync(file, buf);
    execFileSync('unzip', ['-tq', file], { maxBuffer: 16 << 20 });
    const na = piekGeheugenKb(pids);
    console.log(`# export of 200,000 rows: ${Math.round(ms)} ms, ${buf.length} bytes; worker peak RSS ${voor} kB -> ${na} kB`);
    assert.ok(na < 96 * 1024, `worker peak RSS ${na} kB`);
    assert.ok(na - voor < 48 * 1024, `grew by ${na - voor} kB`);
  });
