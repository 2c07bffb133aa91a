// matrix.test.mjs — the authorization matrix: every route of the route
// table × every demo role and anonymous, against the expected outcome.
//
// EXPECT below is the one table: route → who may call it. A route that is
// missing from it fails the test, so a new route cannot go unreviewed.
// "Allowed" means the front gate let the request through to the handler:
// anything but 401, 403 and a redirect to the log-in page (the handler may
// still answer 400/404/412/415/422/428 for the dummy request sent here).

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, cli, clearLoginThrottle, sql } from './lib.mjs';

useStackLock(before, after);

const USERS = [
  'beheerder', 'contractmanager', 'auditor', 'regisseur.participatie', 'regisseur.wmo',
  'medewerker.dock', 'medewerker.incluzio', 'medewerker.smd', 'teamleider.dock',
  'teamleider.incluzio', 'teamleider.smd', 'ketenpartner.werkom',
  'ketenpartner.uitkeringen', 'ketenpartner.naleving',
];

// Who may call a route, by the demo user's name.
const ALL = () => true;
const SIGNED_IN = (u) => u !== null;
const BEHEERDER = (u) => u === 'beheerder';
const AUDIT = (u) => u === 'beheerder' || u === 'auditor';
// Registration (issue 4), the access rules of src/domain/policy.h.
const role = (u, ...prefixes) => u !== null && prefixes.some((p) => u.startsWith(`${p}.`));
const KETEN = (u) => role(u, 'medewerker', 'teamleider', 'ketenpartner');
const REGISTRATIE = (u) => role(u, 'medewerker', 'teamleider');
const TEAMLEIDER = (u) => role(u, 'teamleider');
const AFSTEMMING = (u) => role(u, 'teamleider', 'ketenpartner');
// The indicator catalogue (issue 10): a regisseur or the beheerder.
const CATALOGUS = (u) => u === 'beheerder' || role(u, 'regisseur');
// Streefwaarden (issue 11): every role reads but a ketenpartner.
const GEEN_KETENPARTNER = (u) => u !== null && !role(u, 'ketenpartner');
// Ketenpartner values (issue 12): read by the delivering parties and the
// gemeente's roles (not the wijkteams: they read them in their
// rapportage); written only by a ketenpartner (which cells: the operation).
const KETENWAARDEN = (u) => u === 'beheerder' || u === 'contractmanager' || u === 'auditor' ||
  role(u, 'regisseur', 'ketenpartner');
const KETENPARTNER = (u) => role(u, 'ketenpartner');
// Completeness of rapportages (issue 12).
const COMPLEETHEID = (u) => u === 'contractmanager' || u === 'auditor' || role(u, 'regisseur', 'teamleider');

// The table. Keys are "METHOD pattern" exactly as `wijkzicht routes` prints.
const EXPECT = {
  'GET /': ALL,
  'GET /healthz': ALL,
  'GET /api/v1/ping': ALL,
  'POST /api/v1/ping': ALL,
  'GET /api/v1/openapi.json': ALL,
  'GET /inloggen': ALL,
  'POST /inloggen': ALL,
  'POST /uitloggen': SIGNED_IN,
  'GET /account': SIGNED_IN,
  'GET /account/wachtwoord': SIGNED_IN,
  'POST /account/wachtwoord': SIGNED_IN,
  'POST /api/v1/sessies': ALL,
  'DELETE /api/v1/sessies/huidig': SIGNED_IN,
  'GET /api/v1/mij': SIGNED_IN,
  ...Object.fromEntries(['organisaties', 'wijken', 'wijkteams', 'ketens', 'themas', 'opdrachten', 'eisen']
    .flatMap((r) => [
      [`GET /api/v1/${r}`, SIGNED_IN], [`POST /api/v1/${r}`, BEHEERDER],
      [`GET /api/v1/${r}/{id:int}`, SIGNED_IN], [`PUT /api/v1/${r}/{id:int}`, BEHEERDER],
      [`GET /beheer/${r}`, BEHEERDER], [`GET /beheer/${r}/nieuw`, BEHEERDER],
      [`POST /beheer/${r}/nieuw`, BEHEERDER], [`GET /beheer/${r}/{id:int}`, BEHEERDER],
      [`POST /beheer/${r}/{id:int}`, BEHEERDER]])),
  'GET /api/v1/opdrachten/{id:int}/budgetten': SIGNED_IN,
  'PUT /api/v1/opdrachten/{id:int}/budgetten': BEHEERDER,
  'POST /beheer/opdrachten/{id:int}/budgetten': BEHEERDER,
  'GET /beheer': BEHEERDER,
  'GET /beheer/gebruikers': BEHEERDER,
  'GET /beheer/gebruikers/nieuw': BEHEERDER,
  'POST /beheer/gebruikers/nieuw': BEHEERDER,
  'GET /beheer/gebruikers/{id:int}': BEHEERDER,
  'POST /beheer/gebruikers/{id:int}': BEHEERDER,
  'POST /beheer/gebruikers/{id:int}/toekenningen': BEHEERDER,
  'POST /beheer/gebruikers/{id:int}/toekenningen/{tid:int}/verwijderen': BEHEERDER,
  'POST /beheer/gebruikers/{id:int}/link': BEHEERDER,
  'GET /beheer/tokens': BEHEERDER,
  'POST /beheer/tokens': BEHEERDER,
  'POST /beheer/tokens/{id:int}/intrekken': BEHEERDER,
  'GET /wachtwoord-instellen/{token:token}': ALL,
  'POST /wachtwoord-instellen/{token:token}': ALL,
  'GET /api/v1/gebruikers': BEHEERDER,
  'POST /api/v1/gebruikers': BEHEERDER,
  'GET /api/v1/gebruikers/{id:int}': BEHEERDER,
  'PUT /api/v1/gebruikers/{id:int}': BEHEERDER,
  'POST /api/v1/gebruikers/{id:int}/wachtwoordlink': BEHEERDER,
  'POST /api/v1/gebruikers/{id:int}/toekenningen': BEHEERDER,
  'DELETE /api/v1/gebruikers/{id:int}/toekenningen/{tid:int}': BEHEERDER,
  'GET /api/v1/tokens': BEHEERDER,
  'POST /api/v1/tokens': BEHEERDER,
  'GET /api/v1/tokens/{id:int}': BEHEERDER,
  'DELETE /api/v1/tokens/{id:int}': BEHEERDER,
  'GET /audit': AUDIT,
  'GET /audit.csv': AUDIT,
  'GET /api/v1/audit': AUDIT,
  // registration: inwoners.c (routes_inwoners)
  'GET /api/v1/gebeurtenistypes': SIGNED_IN,
  'GET /api/v1/inwoners': KETEN,
  'POST /api/v1/inwoners': REGISTRATIE,
  'POST /api/v1/inwoners/zoeken': KETEN,
  'GET /api/v1/inwoners/{id:int}': KETEN,
  'PUT /api/v1/inwoners/{id:int}': REGISTRATIE,
  'GET /api/v1/inwoners/{id:int}/trajecten': REGISTRATIE,
  'POST /api/v1/inwoners/{id:int}/trajecten': REGISTRATIE,
  'PUT /api/v1/inwoners/{id:int}/trajecten/{traject_id:int}': REGISTRATIE,
  'GET /api/v1/inwoners/{id:int}/gebeurtenissen': KETEN,
  'POST /api/v1/inwoners/{id:int}/gebeurtenissen': KETEN,
  'GET /api/v1/inwoners/{id:int}/ketenstatus': KETEN,
  // registratie_pagina.c (routes_registratie_pagina)
  'GET /registratie/inwoners': KETEN,
  'POST /registratie/inwoners/zoeken': KETEN,
  'GET /registratie/inwoners/nieuw': REGISTRATIE,
  'POST /registratie/inwoners/nieuw': REGISTRATIE,
  'GET /registratie/inwoners/{id:int}': KETEN,
  'GET /registratie/inwoners/{id:int}/bewerken': REGISTRATIE,
  'POST /registratie/inwoners/{id:int}/bewerken': REGISTRATIE,
  'GET /registratie/inwoners/{id:int}/trajecten/nieuw': REGISTRATIE,
  'POST /registratie/inwoners/{id:int}/trajecten/nieuw': REGISTRATIE,
  'GET /registratie/inwoners/{id:int}/gebeurtenissen/nieuw': KETEN,
  'POST /registratie/inwoners/{id:int}/gebeurtenissen/nieuw': KETEN,
  // afstemming.c (routes_afstemming)
  'GET /registratie/wachtlijst': TEAMLEIDER,
  'GET /api/v1/wachtlijst': TEAMLEIDER,
  'GET /registratie/overdrachten': AFSTEMMING,
  'GET /api/v1/overdrachten': AFSTEMMING,
  // import.c (routes_import)
  'GET /api/v1/imports': TEAMLEIDER,
  'POST /api/v1/imports': TEAMLEIDER,
  'GET /api/v1/imports/{id:int}': TEAMLEIDER,
  'POST /api/v1/imports/{id:int}/proefimport': TEAMLEIDER,
  'POST /api/v1/imports/{id:int}/uitvoeren': TEAMLEIDER,
  'GET /api/v1/import-mapping': TEAMLEIDER,
  'PUT /api/v1/import-mapping': TEAMLEIDER,
  'GET /registratie/import': TEAMLEIDER,
  'POST /registratie/import': TEAMLEIDER,
  'GET /registratie/import/{id:int}': TEAMLEIDER,
  'POST /registratie/import/{id:int}/proefimport': TEAMLEIDER,
  'POST /registratie/import/{id:int}/uitvoeren': TEAMLEIDER,
  // export.c (routes_export)
  'GET /registratie/export': TEAMLEIDER,
  'POST /registratie/export': TEAMLEIDER,
  // inzage.c (routes_inzage)
  'GET /inzage': AUDIT,
  'POST /inzage': AUDIT,
  'GET /inzage/inwoners/{id:int}': AUDIT,
  'POST /inzage/inwoners/{id:int}/avg-export': BEHEERDER,
  'GET /api/v1/inwoners/{id:int}/toegangshistorie': AUDIT,
  'POST /api/v1/inwoners/{id:int}/avg-export': BEHEERDER,
  // indicatoren.c, indicatoren_pagina.c, cijfers.c (issue 10): the
  // catalogue is open to everyone signed in, changes to CATALOGUS; figures
  // to everyone signed in (the figure service decides what each sees), the
  // records behind them to the wijkteam side only.
  'GET /api/v1/indicatoren': SIGNED_IN,
  'POST /api/v1/indicatoren': CATALOGUS,
  'GET /api/v1/indicatoren/{id:int}': SIGNED_IN,
  'PUT /api/v1/indicatoren/{id:int}': CATALOGUS,
  'GET /api/v1/indicatoren/{id:int}/versies': SIGNED_IN,
  'GET /api/v1/periodes/{code:periode}': SIGNED_IN,
  'GET /api/v1/waarden': SIGNED_IN,
  'GET /api/v1/waarden/herkomst': REGISTRATIE,
  // streefwaarden.c (issue 11).
  'GET /api/v1/streefwaarden': GEEN_KETENPARTNER,
  'POST /api/v1/streefwaarden': CATALOGUS,
  'GET /api/v1/streefwaarden/{id:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/streefwaarden/{id:int}': CATALOGUS,
  // formats.c (issue 11): formats, versions, consultation; the writes are
  // the regisseur's and the beheerder's, a comment a teamleider's.
  'GET /api/v1/formats': GEEN_KETENPARTNER,
  'POST /api/v1/formats': CATALOGUS,
  'GET /api/v1/formats/{id:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/formats/{id:int}': CATALOGUS,
  'GET /api/v1/formats/{id:int}/versies': GEEN_KETENPARTNER,
  'POST /api/v1/formats/{id:int}/versies': CATALOGUS,
  'GET /api/v1/formats/{id:int}/versies/{nummer:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/formats/{id:int}/versies/{nummer:int}': CATALOGUS,
  'POST /api/v1/formats/{id:int}/versies/{nummer:int}/consulteren': CATALOGUS,
  'POST /api/v1/formats/{id:int}/versies/{nummer:int}/terugnemen': CATALOGUS,
  'POST /api/v1/formats/{id:int}/versies/{nummer:int}/publiceren': CATALOGUS,
  'GET /api/v1/formats/{id:int}/versies/{nummer:int}/reacties': GEEN_KETENPARTNER,
  'POST /api/v1/formats/{id:int}/versies/{nummer:int}/reacties': TEAMLEIDER,
  'GET /api/v1/formats/{id:int}/versies/{nummer:int}/reacties/{rid:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/formats/{id:int}/versies/{nummer:int}/reacties/{rid:int}': CATALOGUS,
  // format_analyse.c (issue 11): a version's diff and coverage, for every
  // role but a ketenpartner (which versions, the operation decides).
  'GET /api/v1/formats/{id:int}/versies/{nummer:int}/verschil': GEEN_KETENPARTNER,
  'GET /api/v1/formats/{id:int}/versies/{nummer:int}/dekking': GEEN_KETENPARTNER,
  'GET /indicatoren': SIGNED_IN,
  'GET /indicatoren/nieuw': CATALOGUS,
  'POST /indicatoren/nieuw': CATALOGUS,
  'GET /indicatoren/{id:int}': SIGNED_IN,
  'GET /indicatoren/{id:int}/wijzigen': CATALOGUS,
  'POST /indicatoren/{id:int}/wijzigen': CATALOGUS,
  // ketenpartnerwaarden.c and ketenpartnerwaarden_pagina.c (issue 12).
  'GET /api/v1/ketenpartnerwaarden': KETENWAARDEN,
  'PUT /api/v1/ketenpartnerwaarden': KETENPARTNER,
  'GET /ketenpartnerwaarden': KETENWAARDEN,
  'POST /ketenpartnerwaarden': KETENPARTNER,
  // compleetheid.c (issue 12): regisseur, contractmanager, auditor, and a
  // teamleider for their own row (ACCESS_COMPLEETHEID); which ketens is the
  // operation's.
  'GET /api/v1/compleetheid': COMPLEETHEID,
  'GET /compleetheid': COMPLEETHEID,
  // streefwaarden_pagina.c (issue 11): read as the API, forms for CATALOGUS.
  'GET /streefwaarden': GEEN_KETENPARTNER,
  'GET /streefwaarden/nieuw': CATALOGUS,
  'POST /streefwaarden/nieuw': CATALOGUS,
  'GET /streefwaarden/{id:int}': GEEN_KETENPARTNER,
  'GET /streefwaarden/{id:int}/wijzigen': CATALOGUS,
  'POST /streefwaarden/{id:int}/wijzigen': CATALOGUS,
  // formats_pagina.c (issue 11): read as the API, forms for CATALOGUS,
  // the comment for a teamleider (which versions, the operation decides).
  'GET /formats': GEEN_KETENPARTNER,
  'GET /formats/nieuw': CATALOGUS,
  'GET /formats/{id:int}/versies/nieuw': CATALOGUS,
  'POST /formats/{id:int}/versies/nieuw': CATALOGUS,
  'GET /formats/{id:int}/versies/{nummer:int}/wijzigen': CATALOGUS,
  'POST /formats/{id:int}/versies/{nummer:int}/wijzigen': CATALOGUS,
  'POST /formats/nieuw': CATALOGUS,
  'GET /formats/{id:int}': GEEN_KETENPARTNER,
  'GET /formats/{id:int}/versies/{nummer:int}': GEEN_KETENPARTNER,
  'POST /formats/{id:int}/versies/{nummer:int}/consulteren': CATALOGUS,
  'POST /formats/{id:int}/versies/{nummer:int}/terugnemen': CATALOGUS,
  'POST /formats/{id:int}/versies/{nummer:int}/publiceren': CATALOGUS,
  'POST /formats/{id:int}/versies/{nummer:int}/reacties': TEAMLEIDER,
  'POST /formats/{id:int}/versies/{nummer:int}/reacties/{rid:int}': CATALOGUS,
  'GET /formats/{id:int}/versies/{nummer:int}/verschil': GEEN_KETENPARTNER,
  'GET /formats/{id:int}/versies/{nummer:int}/dekking': GEEN_KETENPARTNER,
  // rapportages.c (issue 12): ACCESS_STURING, every role but a
  // ketenpartner; who may write what, the operation decides (403/404)
  'GET /api/v1/rapportages': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages': GEEN_KETENPARTNER,
  'GET /api/v1/rapportages/{id:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/rapportages/{id:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/rapportages/{id:int}/waarden/{waarde_id:int}': GEEN_KETENPARTNER,
  'PUT /api/v1/rapportages/{id:int}/eisen/{eis_id:int}': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/indienen': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/terugsturen': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/vaststellen': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/heropenen': GEEN_KETENPARTNER,
  'GET /api/v1/rapportages/{id:int}/vragen': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/vragen': GEEN_KETENPARTNER,
  'POST /api/v1/rapportages/{id:int}/vragen/{vraag_id:int}/antwoord': GEEN_KETENPARTNER,
  'GET /api/v1/rapportages/{id:int}/historie': GEEN_KETENPARTNER,
  // rapportages_pagina.c (issue 12): ACCESS_STURING, as the API; who may
  // draft, submit, ask or judge, the operations decide (ops/rapportage.h).
  ...Object.fromEntries([
    'GET /rapportages', 'GET /rapportages/nieuw', 'POST /rapportages/nieuw',
    'GET /rapportages/{id:int}', 'POST /rapportages/{id:int}/waarden/{waarde_id:int}',
    'POST /rapportages/{id:int}/eisen/{eis_id:int}', 'POST /rapportages/{id:int}/indienen',
    'POST /rapportages/{id:int}/terugsturen', 'POST /rapportages/{id:int}/vaststellen',
    'POST /rapportages/{id:int}/heropenen', 'POST /rapportages/{id:int}/vragen',
    'POST /rapportages/{id:int}/vragen/{vraag_id:int}/antwoord',
  ].map((r) => [r, GEEN_KETENPARTNER])),
  // cijfers_pagina.c (routes_cijfers_pagina): ACCESS_CIJFERS, every role
  // (each demo user holds one); what each sees, the figure service decides
  'GET /cijfers': SIGNED_IN,
  'GET /cijfers/herkomst': SIGNED_IN,
};

// Routes whose success would change the session the matrix is using.
const ENDS_SESSION = new Set(['POST /uitloggen', 'DELETE /api/v1/sessies/huidig',
  'POST /account/wachtwoord']);

function concrete(pattern) {
  return pattern.replace(/\{[a-z_]+:int\}/g, '999999')
    .replace(/\{[a-z_]+:slug\}/g, 'bestaat-niet')
    .replace(/\{[a-z_]+:token\}/g, 'A'.repeat(43))
    .replace(/\{[a-z_]+:periode\}/g, '2024-H1');
}

function refused(route, r) {
  const { status } = r.res;
  if (status === 401 || status === 403) return true;
  const loc = r.res.headers.get('location') || '';
  return status === 303 && loc.startsWith('/inloggen') && route !== 'POST /inloggen' &&
    route !== 'GET /inloggen';
}

let routes = [];
const sessions = new Map();

before(async () => {
  routes = (await cli('routes')).split('\n').filter(Boolean);
  for (const u of USERS) sessions.set(u, await login(u));
});
after(clearLoginThrottle);

describe('authorization matrix', () => {
  test('every route has an entry in the table', () => {
    const missing = routes.filter((r) => !(r in EXPECT));
    assert.deepEqual(missing, [], 'routes without an expected outcome');
    const stale = Object.keys(EXPECT).filter((r) => !routes.includes(r));
    assert.deepEqual(stale, [], 'table entries for routes that do not exist');
  });

  test('every route × every role and anonymous gets the expected outcome', async () => {
    const wrong = [];
    for (const route of routes) {
      const [method, pattern] = route.split(' ');
      const path = concrete(pattern);
      for (const u of [null, ...USERS]) {
        let s = u === null ? null : sessions.get(u);
        // Routes that would end the session get a throw-away one.
        if (u !== null && ENDS_SESSION.has(route)) s = await login(u);
        const opts = { method };
        if (method !== 'GET' && method !== 'HEAD' && method !== 'DELETE') opts.json = {};
        const r = await asSession(s, path, opts);
        const allowed = !refused(route, r);
        const expected = EXPECT[route] ? EXPECT[route](u) : false;
        if (allowed !== expected) {
          wrong.push(`${route} as ${u ?? 'anonymous'}: ${r.res.status}, expected ${expected ? 'allowed' : 'refused'}`);
        }
      }
    }
    assert.deepEqual(wrong, []);
  });
});

describe('cross-organisation', () => {
  const idOf = async (table, code) => (await sql(`SELECT id FROM ${table} WHERE code = '${code}'`))[0][0];

  test('a DOCK teamleider sees only DOCK budget lines; the contractmanager sees all', async () => {
    const breed = await idOf('opdracht', 'BREED');
    const dock = Number(await idOf('organisatie', 'DOCK'));
    const tl = await asSession(sessions.get('teamleider.dock'), `/api/v1/opdrachten/${breed}/budgetten`);
    assert.equal(tl.res.status, 200);
    const orgs = new Set(tl.json.items.map((b) => b.organisatie_id));
    assert.deepEqual([...orgs], [dock]);
    const cm = await asSession(sessions.get('contractmanager'), `/api/v1/opdrachten/${breed}/budgetten`);
    assert.ok(new Set(cm.json.items.map((b) => b.organisatie_id)).size >= 3);
  });

  test('a DOCK medewerker cannot change Incluzio, also when guessing its id', async () => {
    const incl = await idOf('organisatie', 'INCLUZIO');
    const before = await sql(`SELECT naam, versie FROM organisatie WHERE id = ${incl}`);
    for (const [method, p] of [['PUT', `/api/v1/organisaties/${incl}`], ['POST', `/beheer/organisaties/${incl}`]]) {
      const r = await asSession(sessions.get('medewerker.dock'), p, {
        method, json: { code: 'INCLUZIO', naam: 'Overgenomen', soort: 'wijkteamorganisatie', geldig_van: '2019-01-01' },
        headers: { 'if-match': '"1"' },
      });
      assert.equal(r.res.status, 403, `${method} ${p}`);
    }
    assert.deepEqual(await sql(`SELECT naam, versie FROM organisatie WHERE id = ${incl}`), before);
  });

  test('a DOCK medewerker cannot read the users or the audit log of anyone', async () => {
    const ina = (await sql("SELECT id FROM gebruiker WHERE gebruikersnaam = 'medewerker.incluzio'"))[0][0];
    for (const p of [`/api/v1/gebruikers/${ina}`, '/api/v1/gebruikers', `/api/v1/audit?gebruiker_id=${ina}`]) {
      const r = await asSession(sessions.get('medewerker.dock'), p);
      assert.equal(r.res.status, 403, p);
    }
  });
});
