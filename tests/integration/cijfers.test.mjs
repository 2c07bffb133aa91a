// cijfers.test.mjs — the figures (issue 10) against the real stack, from
// registrations made through the API and counted by hand below.
//
// The test builds its own world, so that no demo data can reach its
// numbers: two wijkteamorganisaties A and B, three wijken, wijkteam T1
// (A, wijken W1 and W2) and wijkteam T2 (W3), run by A until 2025-03-31
// and by B from 2025-04-01 — a reorganisation in the middle of the
// half-year. Every inwoner, traject and event below is registered by
// A's (or B's) medewerker or by Werkom, as in real use; the expected
// values are written out per inwoner in the table of comments.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { useStackLock, login, asSession, sql, cliPath, ROOT, VAR, created, newUser } from './lib.mjs';

const execFileP = promisify(execFile);

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const P = '2025-H1';

let beheer;
const S = {};            // sessions
const W = {};            // wijk ids
const O = {};            // organisatie ids
const I = {};            // indicator ids by short name
const INW = {};          // inwoner ids by short name
let keten;               // PART
let thema;
let opdracht;
let soort;
let T1;              // wijkteam T1's id

const post = (s, p, json, headers = {}) => asSession(s, p, { method: 'POST', json, headers });
const put = (s, p, json, headers = {}) => asSession(s, p, { method: 'PUT', json, headers });

const maak = created;
const gebruiker = (naam, grant) => newUser(beheer, naam, grant);

async function inwoner(s, naam, wijk) {
  return (await maak(s, '/api/v1/inwoners', { naam: `${naam} Cijfer${RUN}`, geboortejaar: 1980, wijk_id: wijk })).id;
}

async function traject(s, inw, wijkteam, startdatum) {
  return (await maak(s, `/api/v1/inwoners/${inw}/trajecten`, {
    soort, thema_id: thema, opdracht_id: opdracht, wijkteam_id: wijkteam, startdatum,
  })).id;
}

async function ev(s, inw, trj, type, datum, gegevens = {}) {
  return (await maak(s, `/api/v1/inwoners/${inw}/gebeurtenissen`, { type, datum, traject_id: trj, gegevens })).id;
}

async function indicator(code, body) {
  const r = await maak(beheer, '/api/v1/indicatoren', {
    code: `${code}_${RUN}`, naam: code, definitie: `Test: ${code}.`, doel: 'Testen.', keten_id: keten, bron: 'berekend', ...body,
  });
  return r.id;
}

/** The figures as s sees them: items by wijk key ('W1', ..., 'totaal'). */
async function waarden(s, { org = O.A, ind, periode = P, status = 200 } = {}) {
  const r = await asSession(s, `/api/v1/waarden?periode=${periode}&organisatie_id=${org}&indicator_id=${ind}`);
  assert.equal(r.res.status, status, r.text);
  if (status !== 200) return r;
  const naam = Object.fromEntries(Object.entries(W).map(([k, v]) => [v, k]));
  return Object.fromEntries(r.json.items.map((it) => [it.wijk_id === null ? 'totaal' : naam[it.wijk_id] || `wijk${it.wijk_id}`, it]));
}

before(async () => {
  beheer = await login('beheerder');
  keten = Number((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  thema = Number((await sql(`SELECT MIN(id) FROM thema WHERE keten_id = ${keten}`))[0][0]);
  opdracht = Number((await sql("SELECT id FROM opdracht WHERE code = 'AANV-PART'"))[0][0]);
  soort = 'participatie';

  for (const k of ['A', 'B']) {
    O[k] = (await maak(beheer, '/api/v1/organisaties', {
      code: `CT${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Cijfertest ${k} ${RUN}`,
      soort: 'wijkteamorganisatie', geldig_van: '2020-01-01',
    })).id;
  }
  for (const k of ['W1', 'W2', 'W3']) {
    W[k] = (await maak(beheer, '/api/v1/wijken', {
      code: `C${k}-${RUN}`.toUpperCase().slice(0, 32), naam: `Cijferwijk ${k}`, geldig_van: '2020-01-01',
    })).id;
  }
  const t1 = await maak(beheer, '/api/v1/wijkteams', {
    code: `CT1-${RUN}`.toUpperCase().slice(0, 32), naam: 'Cijferteam een', geldig_van: '2020-01-01',
    organisatie_id: O.A, wijk_ids: [W.W1, W.W2],
  });
  T1 = t1.id;
  const t2 = await maak(beheer, '/api/v1/wijkteams', {
    code: `CT2-${RUN}`.toUpperCase().slice(0, 32), naam: 'Cijferteam twee', geldig_van: '2020-01-01',
    organisatie_id: O.A, wijk_ids: [W.W3],
  });
  // T2 goes to B on 2025-04-01: trajecten started before stay A's.
  const mv = await put(beheer, `/api/v1/wijkteams/${t2.id}`, {
    code: t2.code, naam: t2.naam, geldig_van: '2020-01-01', organisatie_id: O.B,
    wijk_ids: [W.W3], wijziging_per: '2025-04-01',
  }, { 'if-match': String(t2.versie) });
  assert.equal(mv.res.status, 200, mv.text);

  S.mwA = await gebruiker(`cijfer.mwa.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: O.A });
  S.tlA = await gebruiker(`cijfer.tla.${RUN}`, { rol: 'teamleider', scope_soort: 'organisatie', scope_id: O.A });
  S.mwB = await gebruiker(`cijfer.mwb.${RUN}`, { rol: 'medewerker', scope_soort: 'organisatie', scope_id: O.B });
  S.tlT1 = await gebruiker(`cijfer.tlt1.${RUN}`, { rol: 'teamleider', scope_soort: 'wijkteam', scope_id: t1.id });
  S.regisseur = await login('regisseur.participatie');
  S.regisseurWmo = await login('regisseur.wmo');
  S.contract = await login('contractmanager');
  S.werkom = await login('ketenpartner.werkom');

  // ------------------------------------------------------------------
  // The registrations, and what each one means for A in 2025-H1.
  // i1 W1: startgesprek 2025-01-01 (first day) overbrugbaar, met
  //    inkomensconsulent; overdracht 02-01 warm; Werkom accepts 02-10 and
  //    sends back 05-01 without a warme overdracht (registered by Werkom,
  //    counts for A: the traject is A's). At 06-30: wijkteam.
  // i2 W1: startgesprek 2024-12-31 (outside: 2024-H2) and 2025-06-30
  //    (last day) onoverbrugbaar, not with the consulent; wachtlijst
  //    03-01 .. 03-11 (10 days). At 06-30: wijkteam.
  // i3 W2: startgesprekken 03-15 overbrugbaar and 04-15 onoverbrugbaar
  //    (one inwoner in both categories, once in the total); on the
  //    wachtlijst from 04-01, still on 06-30.
  // i4 W2 (moves to W1 today, after the period): startgesprek 02-01
  //    overbrugbaar; overdracht 03-01, accepted 03-05: Werkom on 06-30.
  // i5 W1: startgesprek 05-01, voided by a correctie: counts nowhere.
  // i6 W3 on T2 (A's until 03-31, traject from 02-01): startgesprek 02-15
  //    onoverbrugbaar; aanmelding Meedoen Werkt 04-01: Naleving on 06-30.
  // i7 W3 on T2, traject from 05-01: B's; startgesprek 05-10 counts for B.
  // i8 W1: startgesprek 2025-07-01 (the day after): not in 2025-H1.
  // x1..x6 W1: startgesprek 2025-03-01 overbrugbaar each.
  // ------------------------------------------------------------------
  const mw = S.mwA;
  INW.i1 = await inwoner(mw, 'Een', W.W1);
  let t = await traject(mw, INW.i1, t1.id, '2024-12-01');
  await ev(mw, INW.i1, t, 'startgesprek', '2025-01-01', { uitkomst: 'overbrugbaar', met_inkomensconsulent: true });
  await ev(mw, INW.i1, t, 'overdracht_werkom', '2025-02-01', { warm: true });
  await ev(S.werkom, INW.i1, t, 'overdracht_geaccepteerd', '2025-02-10');
  await ev(S.werkom, INW.i1, t, 'terug_van_werkom', '2025-05-01', { warme_overdracht: false });

  INW.i2 = await inwoner(mw, 'Twee', W.W1);
  t = await traject(mw, INW.i2, t1.id, '2024-12-01');
  await ev(mw, INW.i2, t, 'startgesprek', '2024-12-31', { uitkomst: 'onoverbrugbaar' });
  await ev(mw, INW.i2, t, 'wachtlijst_in', '2025-03-01');
  await ev(mw, INW.i2, t, 'wachtlijst_uit', '2025-03-11');
  await ev(mw, INW.i2, t, 'startgesprek', '2025-06-30', { uitkomst: 'onoverbrugbaar', met_inkomensconsulent: false });

  INW.i3 = await inwoner(mw, 'Drie', W.W2);
  t = await traject(mw, INW.i3, t1.id, '2024-12-01');
  await ev(mw, INW.i3, t, 'startgesprek', '2025-03-15', { uitkomst: 'overbrugbaar' });
  await ev(mw, INW.i3, t, 'wachtlijst_in', '2025-04-01');
  await ev(mw, INW.i3, t, 'startgesprek', '2025-04-15', { uitkomst: 'onoverbrugbaar' });

  INW.i4 = await inwoner(mw, 'Vier', W.W2);
  t = await traject(mw, INW.i4, t1.id, '2024-12-01');
  await ev(mw, INW.i4, t, 'startgesprek', '2025-02-01', { uitkomst: 'overbrugbaar' });
  await ev(mw, INW.i4, t, 'overdracht_werkom', '2025-03-01', { warm: true });
  await ev(S.werkom, INW.i4, t, 'overdracht_geaccepteerd', '2025-03-05');

  INW.i5 = await inwoner(mw, 'Vijf', W.W1);
  t = await traject(mw, INW.i5, t1.id, '2024-12-01');
  const fout = await ev(mw, INW.i5, t, 'startgesprek', '2025-05-01', { uitkomst: 'overbrugbaar' });
  await ev(mw, INW.i5, t, 'correctie', '2025-05-02', { vervalt_id: fout, reden: 'Verkeerde inwoner' });

  INW.i6 = await inwoner(mw, 'Zes', W.W3);
  t = await traject(mw, INW.i6, t2.id, '2025-02-01');
  await ev(mw, INW.i6, t, 'startgesprek', '2025-02-15', { uitkomst: 'onoverbrugbaar' });
  await ev(mw, INW.i6, t, 'aanmelding_meedoen_werkt', '2025-04-01');

  INW.i7 = await inwoner(S.mwB, 'Zeven', W.W3);
  t = await traject(S.mwB, INW.i7, t2.id, '2025-05-01');
  await ev(S.mwB, INW.i7, t, 'startgesprek', '2025-05-10', { uitkomst: 'overbrugbaar' });

  INW.i8 = await inwoner(mw, 'Acht', W.W1);
  t = await traject(mw, INW.i8, t1.id, '2024-12-01');
  await ev(mw, INW.i8, t, 'startgesprek', '2025-07-01', { uitkomst: 'overbrugbaar' });

  for (let k = 1; k <= 6; k++) {
    const x = await inwoner(mw, `Extra${k}`, W.W1);
    const tx = await traject(mw, x, t1.id, '2024-12-01');
    await ev(mw, x, tx, 'startgesprek', '2025-03-01', { uitkomst: 'overbrugbaar' });
  }

  // i4 moves to W1 today: the move is dated today, so 2025 stays W2's.
  const cur = await asSession(mw, `/api/v1/inwoners/${INW.i4}`);
  const m = await put(mw, `/api/v1/inwoners/${INW.i4}`, { naam: cur.json.naam, geboortejaar: 1980, wijk_id: W.W1 },
    { 'if-match': String(cur.json.versie) });
  assert.equal(m.res.status, 200, m.text);

  I.gesprekken = await indicator('gesprekken', {
    eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst', 'ketenstatus'] },
  });
  I.metConsulent = await indicator('met_consulent', {
    eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', filters: { met_inkomensconsulent: true } },
  });
  I.aandeel = await indicator('aandeel_consulent', {
    eenheid: 'percentage', regel: { soort: 'verhouding', teller: `met_consulent_${RUN}`, noemer: `gesprekken_${RUN}`, procent: true },
  });
  I.gesprekkenAantal = await indicator('gesprekken_aantal', {
    eenheid: 'aantal', regel: { soort: 'telling', tel: 'gebeurtenissen', type: 'startgesprek' },
  });
  I.wachtlijst = await indicator('wachtlijst', { eenheid: 'aantal', regel: { soort: 'stand', toestand: 'op_wachtlijst' } });
  I.bijWerkom = await indicator('bij_werkom', { eenheid: 'aantal', regel: { soort: 'stand', toestand: 'bij_werkom' } });
  I.wachttijd = await indicator('wachttijd', {
    eenheid: 'dagen', regel: { soort: 'duur', van: 'wachtlijst_in', tot: 'wachtlijst_uit', statistiek: 'mediaan' },
  });
  I.overdrachtsduur = await indicator('overdrachtsduur', {
    eenheid: 'dagen', regel: { soort: 'duur', van: 'overdracht_werkom', tot: 'overdracht_geaccepteerd', statistiek: 'gemiddelde' },
  });
  I.terug = await indicator('terug', {
    eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'terug_van_werkom', uitsplitsing: ['warme_overdracht'] },
  });
});

describe('exact figures for the organisatie itself', () => {
  test('startgesprekken per wijk, split by uitkomst and by ketenstatus on the last day', async () => {
    const f = await waarden(S.tlA, { ind: I.gesprekken });
    // W1: i1, i2, x1..x6 = 8 (i5 voided, i8 after the period); W2: i3, i4;
    // W3: i6 (T2 was A's when the traject started). Total 11 inwoners.
    assert.equal(f.W1.waarde, 8);
    assert.deepEqual(f.W1.uitsplitsing, { overbrugbaar: 7, onoverbrugbaar: 1, geen: 0, wijkteam: 8, werkom: 0, naleving: 0, uwv: 0 });
    assert.equal(f.W2.waarde, 2);
    assert.deepEqual(f.W2.uitsplitsing, { overbrugbaar: 2, onoverbrugbaar: 1, geen: 0, wijkteam: 1, werkom: 1, naleving: 0, uwv: 0 });
    assert.equal(f.W3.waarde, 1);
    assert.deepEqual(f.W3.uitsplitsing, { overbrugbaar: 0, onoverbrugbaar: 1, geen: 0, wijkteam: 0, werkom: 0, naleving: 1, uwv: 0 });
    assert.equal(f.totaal.waarde, 11);
    assert.deepEqual(f.totaal.uitsplitsing, { overbrugbaar: 9, onoverbrugbaar: 3, geen: 0, wijkteam: 9, werkom: 1, naleving: 1, uwv: 0 });
    for (const it of Object.values(f)) assert.deepEqual(it.onderdrukt, []);
    // The previous half-year: i2's startgesprek of 2024-12-31.
    assert.equal(f.W1.vorige_periode, 1);
    assert.equal(f.W2.vorige_periode, 0);
    assert.equal(f.totaal.vorige_periode, 1);
  });

  test('B counts the traject that started after the wijkteam moved, A does not', async () => {
    const b = await waarden(S.mwB, { org: O.B, ind: I.gesprekken });
    assert.equal(b.W3.waarde, 1);
    assert.equal(b.totaal.waarde, 1);
  });

  test('events, not inwoners: tel gebeurtenissen counts both of i3', async () => {
    const f = await waarden(S.tlA, { ind: I.gesprekkenAantal });
    assert.equal(f.W2.waarde, 3);   // i3 twice, i4 once
    assert.equal(f.totaal.waarde, 12);
  });

  test('stand, duur and verhouding', async () => {
    const wl = await waarden(S.tlA, { ind: I.wachtlijst });
    assert.deepEqual([wl.W1.waarde, wl.W2.waarde, wl.W3.waarde, wl.totaal.waarde], [0, 1, 0, 1]);
    const bw = await waarden(S.tlA, { ind: I.bijWerkom });
    assert.deepEqual([bw.W1.waarde, bw.W2.waarde, bw.totaal.waarde], [0, 1, 1]);
    const wt = await waarden(S.tlA, { ind: I.wachttijd });
    assert.equal(wt.W1.waarde, 10);     // i2: 03-01 .. 03-11
    assert.equal(wt.W2.waarde, null);   // i3 still waits: no pair yet
    assert.equal(wt.totaal.waarde, 10);
    const od = await waarden(S.tlA, { ind: I.overdrachtsduur });
    assert.equal(od.W1.waarde, 9);      // i1: 02-01 .. 02-10
    assert.equal(od.W2.waarde, 4);      // i4: 03-01 .. 03-05
    assert.equal(od.totaal.waarde, 6.5);
    const pct = await waarden(S.tlA, { ind: I.aandeel });
    assert.equal(pct.W1.waarde, 12.5);  // 1 of 8
    assert.equal(pct.W2.waarde, 0);
    assert.equal(pct.totaal.waarde, 9.1); // 1 of 11 = 9.09
    const terug = await waarden(S.tlA, { ind: I.terug });
    assert.equal(terug.W1.waarde, 1);
    assert.deepEqual(terug.W1.uitsplitsing, { ja: 0, nee: 1 });
  });

  test('a user of one wijkteam sees its wijken and no total', async () => {
    const f = await waarden(S.tlT1, { ind: I.gesprekken });
    assert.deepEqual(Object.keys(f).sort(), ['W1', 'W2']);
    assert.equal(f.W1.waarde, 8);
  });

  test('a new event is in the figures at once', async () => {
    const x = await inwoner(S.mwA, 'Later', W.W2);
    const tx = await traject(S.mwA, x, T1, '2024-12-01');
    const before = Date.now();
    await ev(S.mwA, x, tx, 'startgesprek', '2025-06-01', { uitkomst: 'overbrugbaar' });
    const f = await waarden(S.tlA, { ind: I.gesprekkenAantal });
    assert.ok(Date.now() - before < 1000, 'within a second');
    assert.equal(f.W2.waarde, 4);
    // and back: void it again so the other tests' numbers hold
    const g = await asSession(S.mwA, `/api/v1/inwoners/${x}/gebeurtenissen`);
    await ev(S.mwA, x, tx, 'correctie', '2025-06-02', { vervalt_id: g.json.items[0].id, reden: 'Test' });
    assert.equal((await waarden(S.tlA, { ind: I.gesprekkenAantal })).W2.waarde, 3);
  });
});

/** Withheld cells, and an attacker that solves every relation that has
 *  exactly one unknown, again and again (peeling). */
function aanval(f, cats) {
  const w = Object.keys(f).filter((k) => k !== 'totaal');
  const val = {};
  for (const k of Object.keys(f)) {
    val[`${k}`] = f[k].waarde;
    for (const c of Object.keys(f[k].uitsplitsing)) val[`${k}.${c}`] = f[k].uitsplitsing[c];
  }
  const rel = [];
  for (const cut of cats) {
    for (const k of Object.keys(f)) rel.push([k, cut.map((c) => `${k}.${c}`)]);
    for (const c of cut) rel.push([`totaal.${c}`, w.map((k) => `${k}.${c}`)]);
  }
  rel.push(['totaal', w]);
  let changed = true;
  const known = { ...val };
  while (changed) {
    changed = false;
    for (const [tot, parts] of rel) {
      const cells = [tot, ...parts];
      const unknown = cells.filter((c) => known[c] === null);
      if (unknown.length !== 1) continue;
      const u = unknown[0];
      const sum = parts.reduce((s, p) => s + (p === u ? 0 : known[p]), 0);
      known[u] = u === tot ? sum : known[tot] - sum;
      changed = true;
    }
  }
  return Object.keys(val).filter((k) => val[k] === null && known[k] !== null);
}

describe('small numbers are withheld from everyone outside the organisatie', () => {
  test('the regisseur sees aggregates: 1..4 withheld, with secondary suppression', async () => {
    const f = await waarden(S.regisseur, { ind: I.gesprekken });
    const exact = await waarden(S.tlA, { ind: I.gesprekken });
    const cuts = [['overbrugbaar', 'onoverbrugbaar'], ['geen', 'wijkteam', 'werkom', 'naleving', 'uwv']];
    let secundair = 0;
    for (const k of Object.keys(exact)) {
      const cells = [['waarde', exact[k].waarde, f[k].waarde],
        ...Object.keys(exact[k].uitsplitsing).map((c) => [`uitsplitsing.${c}`, exact[k].uitsplitsing[c], f[k].uitsplitsing[c]])];
      for (const [naam, echt, getoond] of cells) {
        if (echt >= 1 && echt <= 4) {
          // Every small count is withheld and named in onderdrukt.
          assert.equal(getoond, null, `${k} ${naam}`);
          assert.ok(f[k].onderdrukt.includes(naam), `${k} onderdrukt ${naam}`);
        } else if (getoond === null) {
          secundair++;
          assert.ok(f[k].onderdrukt.includes(naam), `${k} onderdrukt ${naam}`);
        } else {
          // What is shown is the exact number: protection never alters.
          assert.equal(getoond, echt, `${k} ${naam}`);
        }
        // Zero names nobody: always shown.
        if (echt === 0) assert.equal(getoond, 0, `${k} ${naam} zero`);
      }
    }
    // W1 shows 8 with onoverbrugbaar 1: at least one more cell had to go.
    assert.ok(secundair > 0, 'secondary suppression');
    // Nothing withheld can be recomputed from what is shown.
    assert.deepEqual(aanval(f, cuts), []);
    // The previous period is protected as it would be shown itself.
    assert.equal(f.W1.vorige_periode, null);
    assert.ok(f.W1.onderdrukt.includes('vorige_periode'));
  });

  test('one wijk alone shows the same pattern as all wijken (no differencing)', async () => {
    const all = await waarden(S.contract, { ind: I.gesprekken });
    const r = await asSession(S.contract, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.gesprekken}&wijk_id=${W.W1}`);
    assert.equal(r.res.status, 200);
    assert.equal(r.json.items.length, 1);
    assert.deepEqual(r.json.items[0], all.W1);
  });

  test('a percentage or duur over a withheld count is withheld', async () => {
    const wt = await waarden(S.regisseur, { ind: I.wachttijd });
    assert.equal(wt.W1.waarde, null);           // a median over 1 inwoner
    const pct = await waarden(S.regisseur, { ind: I.aandeel });
    assert.equal(pct.W1.waarde, null);          // teller 1 is withheld
  });

  test('another keten\'s regisseur and another organisatie see nothing', async () => {
    const r = await asSession(S.regisseurWmo, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.gesprekken}`);
    assert.equal(r.res.status, 200);
    assert.deepEqual(r.json.items, []);
    const b = await asSession(S.mwB, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.gesprekken}`);
    assert.deepEqual(b.json.items, []);
  });
});

describe('herkomst: the records behind a number', () => {
  test('the teamleider sees who is counted, and each read is audited', async () => {
    const voor = Number((await sql("SELECT COALESCE(MAX(id), 0) FROM audit"))[0][0]);
    const r = await asSession(S.tlA, `/api/v1/waarden/herkomst?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.gesprekken}&wijk_id=${W.W1}`);
    assert.equal(r.res.status, 200, r.text);
    const ids = new Set(r.json.items.map((h) => h.inwoner_id));
    assert.equal(ids.size, 8);
    assert.ok(ids.has(INW.i1) && ids.has(INW.i2) && !ids.has(INW.i5) && !ids.has(INW.i8));
    for (const h of r.json.items) {
      assert.equal(h.type, 'startgesprek');
      assert.ok(h.datum >= '2025-01-01' && h.datum <= '2025-06-30');
      assert.match(h.naam, /Cijfer/);
    }
    const audit = await sql(`SELECT COUNT(DISTINCT inwoner_id) FROM audit WHERE id > ${voor} AND doel = 'verantwoording'`);
    assert.equal(Number(audit[0][0]), 8);
  });

  test('aggregate viewers get 403, other organisaties 404', async () => {
    const q = `/api/v1/waarden/herkomst?periode=${P}&organisatie_id=${O.A}&indicator_id=${I.gesprekken}`;
    assert.equal((await asSession(S.regisseur, q)).res.status, 403);
    assert.equal((await asSession(S.mwB, q)).res.status, 404);
  });
});

/** The command line tool's exit code and output. Not cli(): that throws
 *  on a non-zero exit, and its 30 s are too short for rebuilding every
 *  projection when a large import ran before this file (sanitizer build). */
async function cliCode(...args) {
  const conf = path.join(VAR, 'wijkzicht.conf');
  try {
    const { stdout } = await execFileP(cliPath(), ['-c', conf, ...args], {
      cwd: ROOT, env: { ...process.env, WIJKZICHT_VAR: VAR }, timeout: 300000,
    });
    return { code: 0, stdout };
  } catch (e) {
    return { code: e.code, stdout: String(e.stdout || ''), stderr: String(e.stderr || '') };
  }
}

describe('the projections agree with a recomputation', () => {
  test('cijfers-controle finds nothing, finds a damaged row, and cijfers-herstel repairs it', async () => {
    const ok = await cliCode('cijfers-controle');
    assert.equal(ok.code, 0, JSON.stringify(ok));
    await sql(`DELETE FROM cijfer_feit WHERE inwoner_id = ${INW.i3} LIMIT 1`);
    const bad = await cliCode('cijfers-controle');
    assert.equal(bad.code, 1, JSON.stringify(bad));
    assert.match(bad.stdout, new RegExp(`inwoner ${INW.i3}\\b`));
    const fix = await cliCode('cijfers-herstel');
    assert.equal(fix.code, 0, JSON.stringify(fix));
    assert.equal((await cliCode('cijfers-controle')).code, 0);
    assert.equal((await waarden(S.tlA, { ind: I.gesprekken })).W2.waarde, 2);
  });

  test('migrate builds the projections of a database that had events before them', async () => {
    // As a database upgraded past migration 009: events, no facts.
    await sql('DELETE FROM cijfer_feit');
    await sql('DELETE FROM ketenstatus_verloop');
    const m = await cliCode('migrate');
    assert.equal(m.code, 0, JSON.stringify(m));
    assert.match(m.stdout, /building the figure projections/);
    assert.equal((await cliCode('cijfers-controle')).code, 0);
    assert.equal((await waarden(S.tlA, { ind: I.gesprekken })).W1.waarde, 8);
    // Once built, migrate leaves them alone.
    assert.doesNotMatch((await cliCode('migrate')).stdout, /building/);
  });
});

describe('the question must be well-formed', () => {
  test('a periode that does not exist, a missing organisatie, no keten or indicator', async () => {
    for (const [q, veld] of [
      [`periode=2024-H3&organisatie_id=${O.A}&keten_id=${keten}`, 'periode'],
      [`organisatie_id=${O.A}&keten_id=${keten}`, 'periode'],
      [`periode=${P}&keten_id=${keten}`, 'organisatie_id'],
      [`periode=${P}&organisatie_id=abc&keten_id=${keten}`, 'organisatie_id'],
      [`periode=${P}&organisatie_id=${O.A}`, 'keten_id'],
    ]) {
      const r = await asSession(S.tlA, `/api/v1/waarden?${q}`);
      assert.equal(r.res.status, 422, `${q}: ${r.text}`);
      assert.ok(r.json.errors.some((e) => e.veld === veld), `${q}: ${r.text}`);
    }
    assert.equal((await asSession(S.tlA, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&indicator_id=999999999`)).res.status, 404);
  });

  test('a whole keten at once: every berekende indicator of the keten', async () => {
    const r = await asSession(S.tlA, `/api/v1/waarden?periode=${P}&organisatie_id=${O.A}&keten_id=${keten}`);
    assert.equal(r.res.status, 200, r.text);
    const codes = new Set(r.json.items.map((it) => it.indicator_code));
    assert.ok(codes.has(`gesprekken_${RUN}`) && codes.has(`wachtlijst_${RUN}`));
  });
});

// The figures of a telling or duur are read from sums that the projection
// writer keeps in every event's transaction (sql/013, domain/cijfer_som.h).
// They must be exactly the figures computed from the facts: after every
// kind of change, for every period kind and for both kinds of viewer.
describe('the figures kept as sums', () => {
  const sommen = () => [I.gesprekken, I.metConsulent, I.gesprekkenAantal, I.wachttijd, I.overdrachtsduur,
    I.terug, I.themaGesprekken];
  async function beeld() {
    const out = {};
    for (const periode of ['2025-H1', '2025-Q1', '2025-Q2', '2025'])
      for (const [wie, s] of [['teamleider', S.tlA], ['regisseur', S.regisseur]])
        for (const ind of [...sommen(), I.aandeel]) {
          const r = await asSession(s, `/api/v1/waarden?periode=${periode}&organisatie_id=${O.A}&indicator_id=${ind}`);
          assert.equal(r.res.status, 200, r.text);
          out[`${periode} ${wie} ${ind}`] = r.json.items;
        }
    return out;
  }

  test('a new indicator is built from the stored facts; events, a correctie, a move and a traject edit keep its sums', async () => {
    const thema2 = Number((await sql(`SELECT MAX(id) FROM thema WHERE keten_id = ${keten}`))[0][0]);
    assert.notEqual(thema2, thema);
    I.themaGesprekken = await indicator('thema_gesprekken', {
      eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', traject: { thema_id: thema } },
    });
    const ids = sommen().join(',');
    // Idle workers build the sums in the background, step by step; the
    // figures come from the facts until they are complete.
    const compleet = async () => Number((await sql(
      `SELECT COUNT(*) FROM cijfer_som_indicator WHERE klaar = 1 AND indicator_id IN (${ids})`))[0][0]);
    for (let t = 0; t < 600 && await compleet() < sommen().length; t++)
      await new Promise((r) => setTimeout(r, 200));
    assert.equal(await compleet(), sommen().length);
    assert.ok(Number((await sql(`SELECT COUNT(*) FROM cijfer_som WHERE indicator_id = ${I.themaGesprekken}`))[0][0]) > 0);
    // Every test traject has thema `thema`: the same 11 inwoners as gesprekken.
    assert.equal((await waarden(S.tlA, { ind: I.themaGesprekken })).totaal.waarde, 11);

    // i9 W2: a startgesprek and a wait of 20 days, registered now.
    const mw = S.mwA;
    INW.i9 = await inwoner(mw, 'Negen', W.W2);
    const t9 = await traject(mw, INW.i9, T1, '2024-12-01');
    await ev(mw, INW.i9, t9, 'startgesprek', '2025-02-20', { uitkomst: 'overbrugbaar' });
    await ev(mw, INW.i9, t9, 'wachtlijst_in', '2025-01-10');
    await ev(mw, INW.i9, t9, 'wachtlijst_uit', '2025-01-30');
    let g = await waarden(S.tlA, { ind: I.gesprekken });
    assert.equal(g.W2.waarde, 3);        // i3, i4, i9
    assert.equal(g.totaal.waarde, 12);
    assert.equal((await waarden(S.tlA, { ind: I.wachttijd })).W2.waarde, 20);
    // A correctie of i9's startgesprek takes it out again.
    const sg = (await asSession(mw, `/api/v1/inwoners/${INW.i9}/gebeurtenissen`)).json.items
      .find((e) => e.type === 'startgesprek');
    await ev(mw, INW.i9, t9, 'correctie', '2025-02-21', { vervalt_id: sg.id, reden: 'Dubbel geregistreerd' });
    g = await waarden(S.tlA, { ind: I.gesprekken });
    assert.equal(g.W2.waarde, 2);
    assert.equal(g.totaal.waarde, 11);
    // i2 moves today: 2025 stays W1's.
    const cur = await asSession(mw, `/api/v1/inwoners/${INW.i2}`);
    const m = await put(mw, `/api/v1/inwoners/${INW.i2}`, { naam: cur.json.naam, geboortejaar: 1980, wijk_id: W.W3 },
      { 'if-match': String(cur.json.versie) });
    assert.equal(m.res.status, 200, m.text);
    assert.equal((await waarden(S.tlA, { ind: I.gesprekken })).W1.waarde, 8);
    // i1's traject moves to the other thema: the thema's count loses i1.
    const trj = (await asSession(mw, `/api/v1/inwoners/${INW.i1}/trajecten`)).json.items[0];
    const e = await put(mw, `/api/v1/inwoners/${INW.i1}/trajecten/${trj.id}`, {
      soort, thema_id: thema2, opdracht_id: opdracht, startdatum: trj.startdatum,
    }, { 'if-match': `"${trj.versie}"` });
    assert.equal(e.res.status, 200, e.text);
    const tg = await waarden(S.tlA, { ind: I.themaGesprekken });
    assert.equal(tg.W1.waarde, 7);
    assert.equal(tg.totaal.waarde, 10);
    assert.equal((await waarden(S.tlA, { ind: I.gesprekken })).totaal.waarde, 11);

    assert.equal((await cliCode('cijfers-controle')).code, 0);
    const uitSommen = await beeld();
    // Without sums the figure service computes from the facts.
    await sql(`DELETE FROM cijfer_som_indicator WHERE indicator_id IN (${ids})`);
    const uitFeiten = await beeld();
    assert.deepEqual(uitSommen, uitFeiten);
    // migrate builds what is missing, and the sums agree again.
    const mg = await cliCode('migrate');
    assert.equal(mg.code, 0, JSON.stringify(mg));
    assert.match(mg.stdout, /figure sums built for \d+ indicators/);
    assert.equal(await compleet(), sommen().length);
    assert.deepEqual(await beeld(), uitSommen);
    // A damaged sum is found and repaired.
    await sql(`UPDATE cijfer_som SET n = n + 1 WHERE indicator_id = ${I.gesprekken} AND wijk_id = 0 LIMIT 1`);
    const bad = await cliCode('cijfers-controle');
    assert.equal(bad.code, 1);
    assert.match(bad.stdout, new RegExp(`indicator ${I.gesprekken}\\b`));
    assert.equal((await cliCode('cijfers-herstel')).code, 0);
    assert.equal(await compleet(), sommen().length);
    assert.deepEqual(await beeld(), uitSommen);
    assert.equal((await cliCode('cijfers-controle')).code, 0);
  });

  test('events written while the sums of a new indicator are being built are counted once', async () => {
    // A build runs in steps (cijfer_som_stap inwoners each) between which
    // writers go on: a writer keeps the sums of the inwoners the build
    // has passed, the build adds the others as they are when it reaches
    // them. The idle workers are paused so that this test takes the
    // steps itself and writes between them.
    const mw = S.mwA;
    await sql('UPDATE cijfer_som_slot SET achtergrond = 0');
    try {
      I.tijdens = await indicator('tijdens', {
        eenheid: 'aantal', regel: { soort: 'telling', tel: 'inwoners', type: 'startgesprek', uitsplitsing: ['uitkomst'] },
      });
      const rij = async () => (await sql(
        `SELECT klaar, tot_inwoner FROM cijfer_som_indicator WHERE indicator_id = ${I.tijdens}`))[0].map(Number);
      assert.deepEqual(await rij(), [0, -1]);
      // Ten inwoners of this test in a row, each with a startgesprek in
      // H1: steps until the build has passed the first but not the last.
      const rij10 = [];
      for (let k = 0; k < 10; k++) {
        const y = await inwoner(mw, `Rij${k}`, W.W2);
        const ty = await traject(mw, y, T1, '2024-12-01');
        await ev(mw, y, ty, 'startgesprek', '2025-03-01', { uitkomst: 'overbrugbaar' });
        rij10.push([y, ty]);
      }
      let [klaar, tot] = await rij();
      while (tot < rij10[0][0]) {
        const st = await cliCode('sommen-bouwen', '1');
        assert.equal(st.code, 0, JSON.stringify(st));
        [klaar, tot] = await rij();
        assert.equal(klaar, 0, `the build passed the last already (tot ${tot}): make cijfer_som_stap smaller`);
      }
      assert.ok(tot < rij10[9][0], `tot ${tot}`);
      // Passed: the first (its sums are the writer's now). Not yet: the
      // last, and a new inwoner (the build adds them when it gets there).
      await ev(mw, rij10[0][0], rij10[0][1], 'startgesprek', '2025-08-12', { uitkomst: 'onoverbrugbaar' });
      await ev(mw, rij10[9][0], rij10[9][1], 'startgesprek', '2025-08-13', { uitkomst: 'onoverbrugbaar' });
      const x = await inwoner(mw, 'Tijdens', W.W2);
      await ev(mw, x, await traject(mw, x, T1, '2024-12-01'), 'startgesprek', '2025-08-14', { uitkomst: 'overbrugbaar' });
      const rest = await cliCode('sommen-bouwen');
      assert.equal(rest.code, 0, JSON.stringify(rest));
      assert.equal((await rij())[0], 1);
    } finally {
      await sql('UPDATE cijfer_som_slot SET achtergrond = 1');
    }
    const c = await cliCode('cijfers-controle');
    assert.equal(c.code, 0, JSON.stringify(c));
    // The same rule as gesprekken (whose sums were complete all along),
    // but for its uitsplitsing by ketenstatus; in 2025-H2 the first and
    // the last of the row, x, and i8 (its startgesprek of 1 July).
    for (const periode of ['2025-H2', '2025-Q3', '2025']) {
      const t = await waarden(S.tlA, { ind: I.tijdens, periode });
      const g = await waarden(S.tlA, { ind: I.gesprekken, periode });
      assert.equal(t.totaal.waarde, g.totaal.waarde, periode);
      const uitkomst = ['overbrugbaar', 'onoverbrugbaar'];
      assert.deepEqual(t.totaal.uitsplitsing, Object.fromEntries(Object.entries(g.totaal.uitsplitsing)
        .filter(([k]) => uitkomst.includes(k))), periode);
    }
    const h2 = await waarden(S.tlA, { ind: I.tijdens, periode: '2025-H2' });
    assert.equal(h2.totaal.waarde, 4, JSON.stringify(h2.totaal));
    assert.deepEqual(h2.totaal.uitsplitsing, { overbrugbaar: 2, onoverbrugbaar: 2 });
    // From the facts, the same.
    await sql(`DELETE FROM cijfer_som_indicator WHERE indicator_id = ${I.tijdens}`);
    assert.deepEqual(await waarden(S.tlA, { ind: I.tijdens, periode: '2025-H2' }), h2);
  });
});
