// indicatoren_pagina.test.mjs — the indicator catalogue as pages (issue
// 10): anyone signed in reads what is measured and how, a beheerder or
// regisseur creates and changes indicators through forms that give the
// same Dutch field errors as the API, and nothing is half-saved.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession, sql } from './lib.mjs';

useStackLock(before, after);

const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
let beheer;
let medewerker;
let keten;

before(async () => {
  beheer = await login('beheerder');
  medewerker = await login('medewerker.dock');
  keten = String((await sql("SELECT id FROM keten WHERE code = 'PART'"))[0][0]);
});

const velden = (over = {}) => ({
  csrf_token: beheer.csrf, code: `pagina_${RUN}`, naam: 'Startgesprekken (pagina)',
  definitie: 'Verschillende inwoners met een startgesprek in de periode.',
  doel: 'Weten hoeveel nieuwe aanvragers het wijkteam spreekt.', keten_id: keten,
  bron: 'berekend', eenheid: 'aantal', drempel_vorige_periode: '25',
  regel: '{"soort": "telling", "tel": "inwoners", "type": "startgesprek", "uitsplitsing": ["uitkomst"]}',
  ...over,
});
const aantal = async (code) => Number((await sql(`SELECT COUNT(*) FROM indicator WHERE code = '${code}'`))[0][0]);

test('a form with a rule that is no JSON, or counts an unknown event, comes back with the error beside the field', async () => {
  let r = await asSession(beheer, '/indicatoren/nieuw', { method: 'POST', form: velden({ regel: '{soort: telling' }) });
  assert.equal(r.res.status, 422, r.text);
  assert.match(r.text, /De rekenregel moet een JSON-object zijn/);
  r = await asSession(beheer, '/indicatoren/nieuw', { method: 'POST', form: velden({ regel: '{"soort": "telling", "tel": "inwoners", "type": "bestaat_niet"}' }) });
  assert.equal(r.res.status, 422, r.text);
  assert.match(r.text, /gebeurtenis/i);
  // What was typed is still there.
  assert.match(r.text, /bestaat_niet/);
  assert.equal(await aantal(`pagina_${RUN}`), 0);
});

test('a beheerder creates an indicator; everyone reads it with its rule in plain Dutch', async () => {
  const r = await asSession(beheer, '/indicatoren/nieuw', { method: 'POST', form: velden() });
  assert.equal(r.res.status, 303, r.text);
  const loc = r.res.headers.get('location');
  assert.match(loc, /^\/indicatoren\/\d+$/);
  const d = await asSession(medewerker, loc);
  assert.equal(d.res.status, 200);
  assert.match(d.text, /Startgesprekken \(pagina\)/);
  assert.match(d.text, /Telt de verschillende inwoners met een gebeurtenis/);
  assert.match(d.text, /Uitgesplitst naar Uitkomst/);
  assert.match(d.text, /Weten hoeveel nieuwe aanvragers/);
  assert.doesNotMatch(d.text, /\/wijzigen"/, 'a medewerker gets no change link');
  const lijst = await asSession(medewerker, `/indicatoren?keten_id=${keten}`);
  assert.equal(lijst.res.status, 200);
  assert.match(lijst.text, new RegExp(`pagina_${RUN}`));
});

test('a medewerker cannot open the forms', async () => {
  assert.equal((await asSession(medewerker, '/indicatoren/nieuw')).res.status, 403);
  const id = (await sql(`SELECT id FROM indicator WHERE code = 'pagina_${RUN}'`))[0][0];
  assert.equal((await asSession(medewerker, `/indicatoren/${id}/wijzigen`)).res.status, 403);
});

test('the change form saves in place, and refuses a stale version', async () => {
  const [id, versie] = (await sql(`SELECT id, versie FROM indicator WHERE code = 'pagina_${RUN}'`))[0];
  const form = await asSession(beheer, `/indicatoren/${id}/wijzigen`);
  assert.equal(form.res.status, 200);
  assert.match(form.text, /name="versie" value="\d+"/);
  const r = await asSession(beheer, `/indicatoren/${id}/wijzigen`, { method: 'POST', form: velden({ versie, naam: 'Startgesprekken (gewijzigd)' }) });
  assert.equal(r.res.status, 303, r.text);
  assert.equal(r.res.headers.get('location'), `/indicatoren/${id}`);
  assert.equal((await sql(`SELECT naam FROM indicator WHERE id = ${id}`))[0][0], 'Startgesprekken (gewijzigd)');
  const oud = await asSession(beheer, `/indicatoren/${id}/wijzigen`, { method: 'POST', form: velden({ versie, naam: 'Te laat' }) });
  assert.equal(oud.res.status, 412, oud.text);
  assert.equal((await sql(`SELECT naam FROM indicator WHERE id = ${id}`))[0][0], 'Startgesprekken (gewijzigd)');
});

test('an unknown indicator is 404', async () => {
  assert.equal((await asSession(medewerker, '/indicatoren/999999999')).res.status, 404);
});
