// formats_pagina.test.mjs — the rapportage formats (issue 11) as pages:
// every role but a ketenpartner reads the formats per keten and a
// version's content, lineage and consultation; a concept is invisible
// (404) to teamleider and medewerker; the regisseur makes a format by
// form and takes a version through consultatie to publication by the
// buttons of the page (POST/redirect/GET, CSRF), a teamleider comments
// and the regisseur answers; a mid-period publication needs its reden
// (422 keeps what was typed) and shows it; the verschil and dekking
// pages. Test data through the JSON API, not SQL; pages checked by tidy.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { useStackLock, login, asSession, sql } from './lib.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const S = {};
let keten;
let ind;          // a PART indicator of the demo catalogue
let fid;          // this file's format (made by form)
let oud;          // a second format whose first periode has begun

const post = (s, p, json) => asSession(s, p, { method: 'POST', json });
const form = (s, p, velden = {}) => asSession(s, p, { method: 'POST', form: { csrf_token: s.csrf, ...velden } });

function tidy(html) {
  const t = spawnSync('tidy', ['-q', '-e', '--show-warnings', 'yes'], { input: html, encoding: 'utf8' });
  assert.equal(t.error, undefined, 'tidy must be installed');
  return t.stderr.split('\n').filter((l) => l.trim() !== '' && !/proprietary attribute "(aria-current|inputmode)"/.test(l));
}
async function pagina(s, p, status = 200) {
  const r = await asSession(s, p);
  assert.equal(r.res.status, status, `${p}: ${r.text.slice(0, 400)}`);
  if (status === 200 || status === 422) assert.deepEqual(tidy(r.text), [], `tidy ${p}`);
  return r;
}

const inhoud = (vraag) => [{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: ind }] },
  { titel: 'Vragen', items: [{ soort: 'vraag', vraag }] }];

before(async () => {
  for (const u of ['beheerder', 'regisseur.participatie', 'regisseur.wmo', 'teamleider.dock', 'medewerker.dock',
    'contractmanager', 'auditor', 'ketenpartner.werkom']) S[u] = await login(u);
  keten = String((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
  ind = Number((await sql(`SELECT id FROM indicator WHERE code = 'startgesprekken_gevoerd' AND actief = 1`))[0][0]);
});

test('a ketenpartner gets 403 and no menu item; everyone else reads the list with the demo formats', async () => {
  const kp = await asSession(S['ketenpartner.werkom'], '/formats');
  assert.equal(kp.res.status, 403);
  assert.doesNotMatch((await asSession(S['ketenpartner.werkom'], '/')).text, /href="\/formats"/);
  for (const u of ['beheerder', 'regisseur.wmo', 'teamleider.dock', 'medewerker.dock', 'contractmanager', 'auditor']) {
    const r = await pagina(S[u], '/formats');
    assert.match(r.text, /href="\/formats" aria-current="page"/, u);
    assert.match(r.text, /Rapportage participatie/, u);
    assert.match(r.text, /gepubliceerd midden in de periode/, u);
    assert.match(r.text, /gepubliceerd zonder consultatie/, u);
  }
  assert.doesNotMatch((await asSession(S['medewerker.dock'], '/formats')).text, /Nieuw format/);
});

test('the demo version page: content, lineage, the mid-period reden and the comments by role', async () => {
  const [[f]] = await sql("SELECT id FROM format WHERE code = 'participatie'");
  const r = await pagina(S['regisseur.participatie'], `/formats/${f}/versies/2`);
  assert.match(r.text, /id="midden-in-periode"[\s\S]*Reden: /);
  assert.match(r.text, /startgesprekken_gevoerd/);
  assert.match(r.text, /Berekend uit de registratie/);
  assert.match(r.text, /Vergelijkbaar: zet/);
  assert.match(r.text, /Niet vergelijkbaar: een nieuwe reeks/);
  assert.match(r.text, /Reacties uit de consultatie/);
  assert.match(r.text, /Vergelijken met versie 1/);
  assert.doesNotMatch(r.text, /\/publiceren"/, 'a published version has no steps');
  const v1 = await pagina(S['medewerker.dock'], `/formats/${f}/versies/1`);
  assert.match(v1.text, /gepubliceerd zonder consultatie/);
  assert.doesNotMatch(v1.text, /Reacties uit de consultatie/, 'a medewerker reads no comments');
  const tl = await pagina(S['teamleider.dock'], `/formats/${f}/versies/2`);
  const orgs = (await sql(`SELECT DISTINCT o.code FROM formatversie_reactie x JOIN organisatie o ON o.id = x.organisatie_id
    JOIN formatversie v ON v.id = x.formatversie_id WHERE v.format_id = ${f} AND v.nummer = 2`)).map((x) => x[0]);
  if (orgs.some((o) => o !== 'DOCK')) assert.doesNotMatch(tl.text, /— (Incluzio|SMD) Zaanstad, /, 'a teamleider sees only their organisatie\'s comments');
  const d = await pagina(S['medewerker.dock'], `/formats/${f}/versies/2/verschil?met=1`);
  assert.match(d.text, /wat veranderde van versie 1 naar versie 2/);
  assert.match(d.text, /Toegevoegd \(\d+\)/);
  const k = await pagina(S['auditor'], `/formats/${f}/versies/2/dekking`);
  assert.match(k.text, /Registratielast/);
  assert.match(k.text, /Eisen die niet gedekt zijn/);
  await pagina(S['medewerker.dock'], `/formats/${f}/versies/2/verschil?met=abc`, 400);
  await pagina(S['medewerker.dock'], `/formats/${f}/versies/99/dekking`, 404);
  await pagina(S['medewerker.dock'], '/formats/999999999/versies/1', 404);
  assert.equal((await asSession(S['ketenpartner.werkom'], `/formats/${f}/versies/2`)).res.status, 403);
});

test('the new-format form: 403 for a teamleider, 422 keeps the input, 303 to the format', async () => {
  assert.equal((await asSession(S['teamleider.dock'], '/formats/nieuw')).res.status, 403);
  await pagina(S['regisseur.participatie'], '/formats/nieuw');
  const velden = { code: `Fout Code ${RUN}`, naam: `Formatpagina ${RUN}`, omschrijving: 'Getypt en bewaard.', keten_id: keten };
  const bad = await form(S['regisseur.participatie'], '/formats/nieuw', velden);
  assert.equal(bad.res.status, 422, bad.text);
  assert.deepEqual(tidy(bad.text), []);
  assert.match(bad.text, /id="fouten"/);
  assert.match(bad.text, /value="Formatpagina /);
  assert.match(bad.text, /Getypt en bewaard\./);
  const wmo = await form(S['regisseur.wmo'], '/formats/nieuw', { ...velden, code: `fp_wmo_${RUN}` });
  assert.equal(wmo.res.status, 403, 'a regisseur of another keten');
  const noCsrf = await asSession(S['regisseur.participatie'], '/formats/nieuw', { method: 'POST', form: { ...velden, code: `fp_${RUN}` }, headers: { 'x-csrf-token': 'fout' } });
  assert.equal(noCsrf.res.status, 403, 'no CSRF token');
  const ok = await form(S['regisseur.participatie'], '/formats/nieuw', { ...velden, code: `fp_${RUN}` });
  assert.equal(ok.res.status, 303, ok.text);
  const loc = ok.res.headers.get('location');
  assert.match(loc, /^\/formats\/\d+$/);
  fid = Number(loc.split('/').pop());
  const p = await pagina(S['medewerker.dock'], loc);
  assert.match(p.text, new RegExp(`Formatpagina ${RUN}`));
});

test('a concept: invisible to teamleider and medewerker, read by contractmanager; the steps by form to publication', async () => {
  const reg = S['regisseur.participatie'];
  const v = await post(reg, `/api/v1/formats/${fid}/versies`, { eerste_periode: '2031-H1', indientermijn_dagen: 42, toelichting: 'Paginatest.', secties: inhoud(`Wat ging goed (${RUN})?`) });
  assert.equal(v.res.status, 201, v.text);
  const vp = `/formats/${fid}/versies/1`;
  for (const u of ['teamleider.dock', 'medewerker.dock']) {
    assert.equal((await asSession(S[u], vp)).res.status, 404, u);
    assert.doesNotMatch((await asSession(S[u], '/formats')).text, new RegExp(`href="${vp}"`), u);
    assert.equal((await asSession(S[u], `${vp}/dekking`)).res.status, 404, u);
  }
  const cm = await pagina(S.contractmanager, vp);
  assert.match(cm.text, /Dit is een concept/);
  assert.doesNotMatch(cm.text, /\/consulteren"/, 'a contractmanager gets no buttons');
  // A regisseur of another keten does not see the concept at all
  // (format_ziet_concepten(who, keten)).
  assert.equal((await asSession(S['regisseur.wmo'], vp)).res.status, 404, 'a regisseur of another keten');
  let r = await pagina(reg, vp);
  assert.match(r.text, new RegExp(`action="${vp}/consulteren"`));
  assert.match(r.text, new RegExp(`action="${vp}/publiceren"`));
  assert.doesNotMatch(r.text, /\/terugnemen"/);
  assert.equal((await form(S['regisseur.wmo'], `${vp}/consulteren`)).res.status, 404, 'nor its steps');
  r = await form(reg, `${vp}/consulteren`);
  assert.equal(r.res.status, 303, r.text);
  assert.equal(r.res.headers.get('location'), vp);
  // In consultatie: the teamleider reads it and comments.
  r = await pagina(S['teamleider.dock'], vp);
  assert.match(r.text, /ligt voor consultatie/);
  assert.match(r.text, new RegExp(`action="${vp}/reacties"`));
  const item = (await sql(`SELECT i.id FROM formatversie_item i JOIN formatversie v ON v.id = i.formatversie_id
    WHERE v.format_id = ${fid} AND i.soort = 'indicator'`))[0][0];
  const leeg = await form(S['teamleider.dock'], `${vp}/reacties`, { item_id: String(item), oordeel: 'nodig', opmerking: '' });
  assert.equal(leeg.res.status, 422, leeg.text);
  assert.deepEqual(tidy(leeg.text), []);
  assert.match(leeg.text, /id="fouten"/);
  assert.match(leeg.text, /id="oordeel-nodig" name="oordeel" value="nodig" checked/, 'the oordeel typed is kept');
  r = await form(S['teamleider.dock'], `${vp}/reacties`, { item_id: String(item), oordeel: 'onduidelijk', opmerking: `Telt u ook heraanmeldingen? ${RUN}` });
  assert.equal(r.res.status, 303, r.text);
  assert.equal(r.res.headers.get('location'), `${vp}#reacties`);
  assert.equal((await form(S['medewerker.dock'], `${vp}/reacties`, { item_id: String(item), oordeel: 'nodig', opmerking: 'x' })).res.status, 403);
  // The regisseur answers.
  r = await pagina(reg, vp);
  assert.match(r.text, new RegExp(`Telt u ook heraanmeldingen\\? ${RUN}`));
  assert.match(r.text, /Onduidelijk/);
  const [[rid, rv]] = await sql(`SELECT x.id, x.versie FROM formatversie_reactie x JOIN formatversie v ON v.id = x.formatversie_id WHERE v.format_id = ${fid}`);
  const stale = await form(reg, `${vp}/reacties/${rid}`, { versie: String(Number(rv) + 7), antwoord: `Te laat ${RUN}` });
  assert.equal(stale.res.status, 409, stale.text);
  assert.match(stale.text, new RegExp(`Te laat ${RUN}`), 'a stale answer keeps what was typed');
  r = await form(reg, `${vp}/reacties/${rid}`, { versie: String(rv), antwoord: `Ja, heraanmeldingen tellen mee. ${RUN}` });
  assert.equal(r.res.status, 303, r.text);
  assert.match((await pagina(S['teamleider.dock'], vp)).text, new RegExp(`Ja, heraanmeldingen tellen mee\\. ${RUN}`));
  // Take it back, put it out again, publish (the periode lies ahead: no reden needed).
  r = await pagina(reg, vp);
  assert.match(r.text, new RegExp(`action="${vp}/terugnemen"`));
  assert.equal((await form(reg, `${vp}/terugnemen`)).res.status, 303);
  assert.match((await pagina(reg, vp)).text, /Dit is een concept/);
  assert.equal((await form(reg, `${vp}/consulteren`)).res.status, 303);
  r = await form(reg, `${vp}/publiceren`, { reden: '' });
  assert.equal(r.res.status, 303, r.text);
  r = await pagina(S['medewerker.dock'], vp);
  assert.match(r.text, /<dt>Status<\/dt><dd>Gepubliceerd<\/dd>/);
  assert.doesNotMatch(r.text, /gepubliceerd zonder consultatie/);
  assert.equal((await form(reg, `${vp}/terugnemen`)).res.status, 409, 'a published version is not taken back');
});

test('a mid-period publication without consultation: the reden is required (422 keeps it) and shown', async () => {
  const reg = S['regisseur.participatie'];
  const f = await post(reg, '/api/v1/formats', { code: `fp_oud_${RUN}`, naam: `Lopend format ${RUN}`, omschrijving: '', keten_id: Number(keten) });
  assert.equal(f.res.status, 201, f.text);
  oud = f.json.id;
  const v = await post(reg, `/api/v1/formats/${oud}/versies`, { eerste_periode: '2025-H1', indientermijn_dagen: 30, toelichting: '', secties: inhoud('Wat knelt er?') });
  assert.equal(v.res.status, 201, v.text);
  const vp = `/formats/${oud}/versies/1`;
  let r = await form(reg, `${vp}/publiceren`, { reden: '' });
  assert.equal(r.res.status, 422, r.text);
  assert.deepEqual(tidy(r.text), []);
  assert.match(r.text, /id="fouten"/);
  assert.match(r.text, /id="reden"[^>]*aria-invalid="true"/);
  assert.equal((await sql(`SELECT status FROM formatversie WHERE format_id = ${oud}`))[0][0], 'concept');
  r = await form(reg, `${vp}/publiceren`, { reden: `Afgesproken in het resultaatgesprek ${RUN}` });
  assert.equal(r.res.status, 303, r.text);
  r = await pagina(S['teamleider.dock'], vp);
  assert.match(r.text, new RegExp(`id="midden-in-periode"[\\s\\S]*Afgesproken in het resultaatgesprek ${RUN}`));
  assert.match(r.text, /gepubliceerd zonder consultatie/);
  r = await pagina(S['teamleider.dock'], `/formats?keten_id=${keten}`);
  assert.match(r.text, new RegExp(`Lopend format ${RUN}`));
  r = await pagina(S['teamleider.dock'], `${vp}/verschil?met=1`);
  assert.match(r.text, /Geen verschil in de onderdelen/);
});

test('a version written by form: filled from the latest one, bad JSON and bad items shown at the text area with nothing saved, a stale save keeps the input', async () => {
  const reg = S['regisseur.participatie'];
  // Version 1 of this file's format is published (the test above): the new form starts from it.
  assert.equal((await asSession(S['teamleider.dock'], `/formats/${fid}/versies/nieuw`)).res.status, 403);
  assert.equal((await asSession(S['regisseur.wmo'], `/formats/${fid}/versies/nieuw`)).res.status, 403, 'another keten\'s regisseur');
  const nieuw = await pagina(reg, `/formats/${fid}/versies/nieuw`);
  assert.match(nieuw.text, new RegExp(`&quot;indicator_id&quot;: ${ind},\\s*&quot;lijn&quot;: &quot;vergelijkbaar&quot;,\\s*&quot;vorige_indicator_id&quot;: ${ind}`),
    'the latest version\'s indicators, each continuing itself');
  assert.match(nieuw.text, /name="indientermijn_dagen"[^>]*value="42"/, 'the indientermijn of the latest version');
  assert.match(nieuw.text, new RegExp(`<td class="utrecht-table__cell">${ind}</td>`), 'the keten\'s indicators with their ids');
  const versies = async () => Number((await sql(`SELECT COUNT(*) FROM formatversie WHERE format_id = ${fid}`))[0][0]);
  const voor = await versies();

  // Not JSON: the text is kept, one error at the text area.
  const kapot = `[{"titel": "Cijfers", "items": [ ${RUN}`;
  let r = await form(reg, `/formats/${fid}/versies/nieuw`, { eerste_periode: '2032-H1', indientermijn_dagen: '30', toelichting: '', secties: kapot });
  assert.equal(r.res.status, 422, r.text);
  assert.deepEqual(tidy(r.text), []);
  assert.match(r.text, /<a class="utrecht-link" href="#secties">De inhoud is geen geldige JSON/);
  assert.ok(r.text.includes(kapot.replace(/"/g, '&quot;')), 'what was typed is kept');
  // Valid JSON with text after it is refused too, not cut short.
  r = await form(reg, `/formats/${fid}/versies/nieuw`, { eerste_periode: '2032-H1', indientermijn_dagen: '30', toelichting: '', secties: '[] en meer' });
  assert.equal(r.res.status, 422, r.text);
  assert.match(r.text, /De inhoud is geen geldige JSON/);
  // An item error: said with its section and item, linked to the text area.
  const zonderLijn = JSON.stringify([{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: ind, lijn: 'misschien' }] }]);
  r = await form(reg, `/formats/${fid}/versies/nieuw`, { eerste_periode: '2032-H1', indientermijn_dagen: '30', toelichting: '', secties: zonderLijn });
  assert.equal(r.res.status, 422, r.text);
  assert.match(r.text, /<a class="utrecht-link" href="#secties">Sectie 1, onderdeel 1 \(lijn\): /);
  assert.equal(await versies(), voor, 'nothing saved');

  // Saved: 303 to the new concept, which has a link to its own form.
  const goed = JSON.stringify([{ titel: 'Cijfers', items: [{ soort: 'indicator', indicator_id: ind, lijn: 'vergelijkbaar', vorige_indicator_id: ind }] },
    { titel: 'Vragen', items: [{ soort: 'vraag', vraag: `Nieuw per formulier ${RUN}` }] }]);
  r = await form(reg, `/formats/${fid}/versies/nieuw`, { eerste_periode: '2032-H1', indientermijn_dagen: '30', toelichting: 'Per formulier.', secties: goed });
  assert.equal(r.res.status, 303, r.text);
  assert.equal(r.res.headers.get('location'), `/formats/${fid}/versies/2`);
  const vp = `/formats/${fid}/versies/2`;
  const concept = await pagina(reg, vp);
  assert.match(concept.text, new RegExp(`Nieuw per formulier ${RUN}`));
  assert.match(concept.text, new RegExp(`href="${vp}/wijzigen"`));
  assert.doesNotMatch((await pagina(S.contractmanager, vp)).text, /\/wijzigen"/, 'only for who writes it');

  // The change form holds the concept as stored; a stale save is 409 with the input kept and the new version.
  const w = await pagina(reg, `${vp}/wijzigen`);
  const versie = /name="versie" value="(\d+)"/.exec(w.text)[1];
  assert.match(w.text, new RegExp(`Nieuw per formulier ${RUN}`));
  const gewijzigd = goed.replace('Nieuw per formulier', 'Gewijzigd per formulier');
  r = await form(reg, `${vp}/wijzigen`, { versie, eerste_periode: '2032-H1', indientermijn_dagen: '35', toelichting: 'Per formulier.', secties: gewijzigd });
  assert.equal(r.res.status, 303, r.text);
  r = await form(reg, `${vp}/wijzigen`, { versie, eerste_periode: '2032-H1', indientermijn_dagen: '36', toelichting: 'Te laat.', secties: gewijzigd });
  assert.equal(r.res.status, 409, r.text);
  assert.deepEqual(tidy(r.text), []);
  assert.match(r.text, /Gegevens intussen gewijzigd/);
  assert.match(r.text, /value="36"/, 'what was typed is kept');
  assert.match(r.text, new RegExp(`name="versie" value="${Number(versie) + 1}"`), 'with the version it has now');
  const nu = await pagina(S.contractmanager, vp);
  assert.match(nu.text, new RegExp(`Gewijzigd per formulier ${RUN}`));
  assert.match(nu.text, /35 dagen na het einde/);
  // Published, it has no form any more.
  assert.equal((await form(reg, `${vp}/publiceren`, { reden: '' })).res.status, 303);
  assert.equal((await asSession(reg, `${vp}/wijzigen`)).res.status, 409);
});
