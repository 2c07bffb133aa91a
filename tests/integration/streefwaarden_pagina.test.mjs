// streefwaarden_pagina.test.mjs — the targets as pages (issue 11): every
// role but a ketenpartner reads the list and each target with its
// richting, grenzen and tolerantie in Dutch and its history; the regisseur
// of the keten (or a beheerder) sets and changes targets through forms
// that work without JavaScript, keep what was typed after an error or a
// change in between, and write nothing half. Every page is valid HTML
// (HTML Tidy, as the browser tests check it).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { useStackLock, login, asSession, sql, clearLoginThrottle } from './lib.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const S = {};
let indicator;        // the fte indicator of the participatie keten
let periode;          // a year no target of it uses yet
let id;               // the target made here

/** HTML Tidy's messages on html (none: valid), as tidyProblems in
 * tests/browser/lib.mjs: aria-current and inputmode are valid HTML that
 * Debian 12's tidy does not know. */
function tidy(html) {
  const t = spawnSync('tidy', ['-q', '-e', '--show-warnings', 'yes'], { input: html, encoding: 'utf8' });
  assert.equal(t.error, undefined, 'tidy must be installed (Debian package tidy)');
  return t.stderr.split('\n').filter((l) => l.trim() !== '' &&
    !/proprietary attribute "(aria-current|inputmode)"/.test(l));
}

/** The page p as s, checked status and tidy. */
async function pagina(s, p, status = 200) {
  const r = await asSession(s, p);
  assert.equal(r.res.status, status, `${p}: ${r.text.slice(0, 300)}`);
  if (status === 200) assert.deepEqual(tidy(r.text), [], p);
  return r;
}

const aantal = async (where) => Number((await sql(`SELECT COUNT(*) FROM streefwaarde WHERE ${where}`))[0][0]);

before(async () => {
  for (const u of ['beheerder', 'regisseur.participatie', 'regisseur.wmo', 'medewerker.dock',
    'contractmanager', 'auditor', 'ketenpartner.werkom']) S[u] = await login(u);
  indicator = String((await sql("SELECT id FROM indicator WHERE code = 'inzet_participatie_fte' AND actief"))[0][0]);
  const bezet = new Set((await sql(`SELECT periode FROM streefwaarde WHERE indicator_id = ${indicator}`)).map((r) => r[0]));
  for (let j = 2030 + Math.floor(Math.random() * 60); ; j++) {
    if (!bezet.has(String(j))) { periode = String(j); break; }
  }
});
after(clearLoginThrottle);

const nieuw = (over = {}) => ({
  csrf_token: S['regisseur.participatie'].csrf, indicator_id: indicator, periode,
  organisatie_id: '', wijk_id: '', richting: 'bandbreedte', waarde: '', ondergrens: '4',
  bovengrens: '6,5', tolerantie: '0,5', tolerantie_soort: 'absoluut',
  reden: `Afspraak in het contractgesprek ${RUN}.`, ...over,
});

test('every role but a ketenpartner reads the list, with the menu item', async () => {
  for (const u of ['beheerder', 'regisseur.wmo', 'medewerker.dock', 'contractmanager', 'auditor']) {
    const r = await pagina(S[u], '/streefwaarden');
    assert.match(r.text, /<h1[^>]*>Streefwaarden<\/h1>/, u);
    assert.match(r.text, /href="\/streefwaarden"[^>]*>Streefwaarden<\/a>/, `${u}: menu item`);
    assert.match(r.text, /Hoger is beter: op koers bij \d+ of meer/, u);
  }
  assert.equal((await asSession(S['ketenpartner.werkom'], '/streefwaarden')).res.status, 403);
  const home = await pagina(S['ketenpartner.werkom'], '/');
  assert.doesNotMatch(home.text, /href="\/streefwaarden"/, 'no menu item for a ketenpartner');
  assert.equal((await asSession(null, '/streefwaarden')).res.status, 303);
});

test('only a regisseur or beheerder is offered and may open the new form', async () => {
  assert.match((await pagina(S['regisseur.participatie'], '/streefwaarden')).text, /href="\/streefwaarden\/nieuw"/);
  assert.doesNotMatch((await pagina(S['medewerker.dock'], '/streefwaarden')).text, /\/streefwaarden\/nieuw/);
  assert.equal((await asSession(S['medewerker.dock'], '/streefwaarden/nieuw')).res.status, 403);
  assert.equal((await asSession(S.contractmanager, '/streefwaarden/nieuw')).res.status, 403);
  const f = await pagina(S['regisseur.participatie'], `/streefwaarden/nieuw?indicator_id=${indicator}`);
  assert.match(f.text, new RegExp(`<option value="${indicator}" selected>`), 'the indicator of the link is chosen');
  assert.match(f.text, /name="csrf_token" value="[^"]+"/);
  // Needed or not by the richting: no "(niet verplicht)" after these labels.
  assert.match(f.text, /<label class="utrecht-form-label" for="waarde">Streefwaarde<\/label>/);
  assert.match(f.text, /<label class="utrecht-form-label" for="wijk_id">Wijk \(niet verplicht\)<\/label>/);
  // A regisseur is offered the indicators of their own ketens only.
  const wmo = await pagina(S['regisseur.wmo'], '/streefwaarden/nieuw');
  assert.doesNotMatch(wmo.text, /Inzet voor participatie/);
  assert.match(wmo.text, /Individuele begeleiding door het team zelf/);
});

test('a form with errors comes back 422 with what was typed and a summary linking to the fields', async () => {
  const r = await asSession(S['regisseur.participatie'], '/streefwaarden/nieuw', {
    method: 'POST', form: nieuw({ reden: '', bovengrens: 'veel', ondergrens: `3,25` }),
  });
  assert.equal(r.res.status, 422, r.text);
  assert.deepEqual(tidy(r.text), []);
  assert.match(r.text, /Controleer het formulier/);
  assert.match(r.text, /<a class="utrecht-link" href="#reden">/);
  assert.match(r.text, /<a class="utrecht-link" href="#bovengrens">Geef een getal/);
  assert.match(r.text, /id="bovengrens" name="bovengrens" type="text" value="veel"/);
  assert.match(r.text, /id="ondergrens" name="ondergrens" type="text" value="3,25"/);
  assert.match(r.text, /id="periode" name="periode" type="text" value="\d{4}"/);
  assert.match(r.text, /id="richting-bandbreedte" name="richting" value="bandbreedte" checked/);
  assert.match(r.text, new RegExp(`<option value="${indicator}" selected>`));
  assert.equal(await aantal(`indicator_id = ${indicator} AND periode = '${periode}'`), 0);
});

test('a form without its CSRF token changes nothing', async () => {
  const form = nieuw();
  delete form.csrf_token;
  // asSession sends the session's token as a header too: send a wrong one.
  const r = await asSession(S['regisseur.participatie'], '/streefwaarden/nieuw', {
    method: 'POST', form, headers: { 'x-csrf-token': 'ongeldig' },
  });
  assert.equal(r.res.status, 403, r.text);
  assert.equal(await aantal(`indicator_id = ${indicator} AND periode = '${periode}'`), 0);
});

test('the regisseur of another keten is refused, also when posting', async () => {
  const r = await asSession(S['regisseur.wmo'], '/streefwaarden/nieuw', {
    method: 'POST', form: nieuw({ csrf_token: S['regisseur.wmo'].csrf }),
  });
  assert.equal(r.res.status, 403, r.text);
  assert.equal(await aantal(`indicator_id = ${indicator} AND periode = '${periode}'`), 0);
});

test('the regisseur sets a target: 303 to it, shown in Dutch words with its history', async () => {
  const r = await asSession(S['regisseur.participatie'], '/streefwaarden/nieuw', { method: 'POST', form: nieuw() });
  assert.equal(r.res.status, 303, r.text);
  const loc = r.res.headers.get('location');
  assert.match(loc, /^\/streefwaarden\/\d+$/);
  id = Number(loc.split('/').pop());
  const d = await pagina(S['medewerker.dock'], loc);
  assert.match(d.text, /Binnen een bandbreedte: op koers van 4 tot en met 6,5; met een tolerantie van 0,5 nog op koers van 3,5 tot en met 7\./);
  assert.match(d.text, /<dt>Ondergrens<\/dt><dd>4<\/dd>/);
  assert.match(d.text, /<dt>Bovengrens<\/dt><dd>6,5<\/dd>/);
  assert.match(d.text, /<dt>Tolerantie<\/dt><dd>0,5 \(absoluut\)<\/dd>/);
  assert.match(d.text, /<dt>Voor<\/dt><dd>Hele gemeente<\/dd>/);
  assert.match(d.text, new RegExp(`Afspraak in het contractgesprek ${RUN}`));
  assert.match(d.text, /Versie 1<\/strong>, <time datetime="[^"]+">[^<]+<\/time> door Rik Regie/);
  assert.match(d.text, /vastgesteld als „Binnen een bandbreedte/);
  assert.doesNotMatch(d.text, /\/wijzigen"/, 'a medewerker gets no change link');
  assert.match((await pagina(S['regisseur.participatie'], loc)).text, new RegExp(`href="/streefwaarden/${id}/wijzigen"`));
  assert.equal((await asSession(S['ketenpartner.werkom'], loc)).res.status, 403);
});

test('the list filters on indicator and periode, and a filter that is no periode says so', async () => {
  const r = await pagina(S.auditor, `/streefwaarden?indicator_id=${indicator}&periode=${periode}`);
  assert.match(r.text, new RegExp(`href="/streefwaarden/${id}"`));
  assert.match(r.text, /1 streefwaarden/);
  const keten = (await sql("SELECT id FROM keten WHERE code = 'WMO'"))[0][0];
  assert.doesNotMatch((await pagina(S.auditor, `/streefwaarden?keten_id=${keten}`)).text, new RegExp(`href="/streefwaarden/${id}"`));
  const fout = await pagina(S.auditor, '/streefwaarden?periode=zomer');
  assert.match(fout.text, /Dit is geen periode/);
  assert.match(fout.text, /id="periode" name="periode" type="text" value="zomer"/);
  // The cursor is the last id shown: the next page starts after it.
  const na = await pagina(S.auditor, `/streefwaarden?indicator_id=${indicator}&cursor=${id - 1}`);
  assert.match(na.text, new RegExp(`href="/streefwaarden/${id}"`));
  assert.match(na.text, /\(vervolg\)/);
  assert.doesNotMatch((await pagina(S.auditor, `/streefwaarden?indicator_id=${indicator}&cursor=${id}`)).text,
    new RegExp(`href="/streefwaarden/${id}"`));
  assert.equal((await asSession(S.auditor, '/streefwaarden?cursor=abc')).res.status, 400);
});

test('the indicator page links to its targets, for whom may read them', async () => {
  const r = await pagina(S['medewerker.dock'], `/indicatoren/${indicator}`);
  assert.match(r.text, new RegExp(`href="/streefwaarden\\?indicator_id=${indicator}"`));
  assert.doesNotMatch(r.text, /geen streefwaarde:/, 'it has one');
  const k = await pagina(S['ketenpartner.werkom'], `/indicatoren/${indicator}`);
  assert.doesNotMatch(k.text, /\/streefwaarden/);
});

test('an indicator without a target says so; a tekst indicator offers none', async () => {
  const [zonder] = (await sql("SELECT id FROM indicator i WHERE actief AND eenheid <> 'tekst' AND NOT EXISTS (SELECT 1 FROM streefwaarde s WHERE s.indicator_id = i.id) LIMIT 1"))[0];
  const r = await pagina(S.contractmanager, `/indicatoren/${zonder}`);
  assert.match(r.text, /Deze indicator heeft \(nog\) geen streefwaarde/);
  const [tekst] = (await sql("SELECT id FROM indicator WHERE actief AND eenheid = 'tekst' LIMIT 1"))[0];
  const t = await pagina(S.contractmanager, `/indicatoren/${tekst}`);
  assert.doesNotMatch(t.text, /streefwaarden\?indicator_id|geen streefwaarde/);
});

test('a change needs a reason, refuses a stale version keeping what was typed, and shows up in the history', async () => {
  const p = `/streefwaarden/${id}/wijzigen`;
  assert.equal((await asSession(S['regisseur.wmo'], p)).res.status, 403);
  assert.equal((await asSession(S['medewerker.dock'], p)).res.status, 403);
  const f = await pagina(S['regisseur.participatie'], p);
  assert.match(f.text, /name="versie" value="1"/);
  assert.match(f.text, /id="ondergrens" name="ondergrens" type="text" value="4"/);
  assert.doesNotMatch(f.text, /name="indicator_id"/, 'indicator, periode and scope stay');
  const wijzig = (over) => ({
    csrf_token: S['regisseur.participatie'].csrf, versie: '1', richting: 'hoger_beter', waarde: '5',
    ondergrens: '', bovengrens: '', tolerantie: '', tolerantie_soort: 'absoluut', reden: '', ...over,
  });
  let r = await asSession(S['regisseur.participatie'], p, { method: 'POST', form: wijzig() });
  assert.equal(r.res.status, 422, r.text);
  assert.match(r.text, /href="#reden"/);
  assert.match(r.text, /id="waarde" name="waarde" type="text" value="5"/);

  // Someone changes it in between (through the API, as another client would).
  const api = await asSession(S.beheerder, `/api/v1/streefwaarden/${id}`, {
    method: 'PUT', headers: { 'if-match': '"1"' },
    json: { richting: 'bandbreedte', ondergrens: 4, bovengrens: 7, reden: 'Bijgesteld door de beheerder.' },
  });
  assert.equal(api.res.status, 200, api.text);
  r = await asSession(S['regisseur.participatie'], p, { method: 'POST', form: wijzig({ reden: `Meer inzet ${RUN}` }) });
  assert.equal(r.res.status, 409, r.text);
  assert.deepEqual(tidy(r.text), []);
  assert.match(r.text, /Gegevens intussen gewijzigd/);
  assert.match(r.text, /id="waarde" name="waarde" type="text" value="5"/);
  assert.match(r.text, new RegExp(`Meer inzet ${RUN}`));
  assert.match(r.text, /name="versie" value="2"/, 'the form now carries the current version');
  assert.match(r.text, /op koers van 4 tot en met 7/, 'the target as it is now');
  assert.equal((await sql(`SELECT versie FROM streefwaarde WHERE id = ${id}`))[0][0], '2');

  r = await asSession(S['regisseur.participatie'], p, { method: 'POST', form: wijzig({ versie: '2', reden: `Meer inzet ${RUN}` }) });
  assert.equal(r.res.status, 303, r.text);
  assert.equal(r.res.headers.get('location'), `/streefwaarden/${id}`);
  const d = await pagina(S.contractmanager, `/streefwaarden/${id}`);
  assert.match(d.text, /Hoger is beter: op koers bij 5 of meer, zonder tolerantie\./);
  assert.match(d.text, /Versie 3<\/strong>[^<]*<time[^>]*>[^<]+<\/time> door Rik Regie \(participatie\): gewijzigd van „Binnen een bandbreedte: op koers van 4 tot en met 7, zonder tolerantie\.” naar „Hoger is beter: op koers bij 5 of meer, zonder tolerantie\.”/);
  assert.match(d.text, new RegExp(`Reden: Meer inzet ${RUN}`));
  assert.match(d.text, /Versie 2<\/strong>.*door Bea Beheer.*Reden: Bijgesteld door de beheerder\./s);
  // Newest first.
  assert.ok(d.text.indexOf('Versie 3') < d.text.indexOf('Versie 2') && d.text.indexOf('Versie 2') < d.text.indexOf('Versie 1'));
});

test('an unknown target is 404, also its form', async () => {
  await pagina(S['medewerker.dock'], '/streefwaarden/999999999', 404);
  await pagina(S.beheerder, '/streefwaarden/999999999/wijzigen', 404);
  const r = await asSession(S.beheerder, '/streefwaarden/999999999/wijzigen', {
    method: 'POST', form: { csrf_token: S.beheerder.csrf, versie: '1', richting: 'hoger_beter', waarde: '1', reden: 'x' },
  });
  assert.equal(r.res.status, 404);
});
