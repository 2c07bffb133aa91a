// rapportages_pagina.test.mjs — the rapportage pages (issue 12) over HTTP:
// who gets 403 and 404, what a refused form keeps (422 with what was
// typed, the summary linking to the fields), a stale version (412) and a
// step that cannot be taken in this state (409) as a message on the
// page, and CSRF on every form. The rapportage is SMD's for a periode it
// has none of yet, so the demo's DOCK 2025-H1 stays open for other tests.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, login, asSession } from './lib.mjs';

useStackLock(before, after);

const USERS = ['teamleider.smd', 'teamleider.dock', 'regisseur.participatie', 'ketenpartner.werkom'];
const PERIODES = [...Array.from({ length: 16 }, (_, i) => `${2025 + Math.floor(i / 2)}-H${(i % 2) + 1}`), '2024-H2', '2024-H1'];
const S = {};
let rap = null;   // { url, id, json }

const form = (s, p, velden = {}) => asSession(s, p, { method: 'POST', form: { csrf_token: s.csrf, ...velden } });

before(async () => {
  for (const u of USERS) S[u] = await login(u);
});

test('a ketenpartner gets 403, no one signed in goes to the log-in page', async () => {
  for (const p of ['/rapportages', '/rapportages/nieuw', '/rapportages/1'])
    assert.equal((await asSession(S['ketenpartner.werkom'], p)).res.status, 403, p);
  const anon = await asSession(null, '/rapportages');
  assert.equal(anon.res.status, 303);
  assert.match(anon.res.headers.get('location'), /^\/inloggen/);
});

test('the new-rapportage form: 422 keeps what was typed, 303 to the rapportage, 409 for a second', async () => {
  const tl = S['teamleider.smd'];
  const leeg = await asSession(tl, '/rapportages/nieuw');
  assert.equal(leeg.res.status, 200);
  const versies = [...leeg.text.matchAll(/<option value="(\d+)"[^>]*>Rapportage participatie[^<]*/g)].map((m) => m[1]);
  assert.ok(versies.length > 0, 'a participatie version to choose');
  const fv = versies[versies.length - 1];
  const org = /<select[^>]*id="organisatie_id"[\s\S]*?<option value="(\d+)" selected>/.exec(leeg.text)[1];

  const fout = await form(tl, '/rapportages/nieuw', { formatversie_id: fv, periode: '2025-H7', organisatie_id: org });
  assert.equal(fout.res.status, 422);
  assert.match(fout.text, /<a class="utrecht-link" href="#periode">/);
  assert.match(fout.text, /id="periode" name="periode" type="text" value="2025-H7"/);
  assert.match(fout.text, new RegExp(`<option value="${fv}" selected>`));

  for (const p of PERIODES) {
    const r = await form(tl, '/rapportages/nieuw', { formatversie_id: fv, periode: p, organisatie_id: org });
    if (r.res.status === 409) continue;
    assert.equal(r.res.status, 303, r.text.slice(0, 300));
    const loc = r.res.headers.get('location');
    assert.match(loc, /^\/rapportages\/\d+$/);
    const id = Number(/\/rapportages\/(\d+)$/.exec(loc)[1]);
    const json = await asSession(tl, `/api/v1/rapportages/${id}`);
    rap = { url: `/rapportages/${id}`, id, json: json.json, periode: p, fv, org };
    break;
  }
  assert.ok(rap, `SMD had a participatie rapportage for each of ${PERIODES.join(', ')}`);
  const tweede = await form(tl, '/rapportages/nieuw', { formatversie_id: fv, periode: rap.periode, organisatie_id: org });
  assert.equal(tweede.res.status, 409);
  assert.match(tweede.text, /id="melding"/);
});

test('scope: another organisatie and an unknown id are 404', async () => {
  assert.ok(rap);
  assert.equal((await asSession(S['teamleider.dock'], rap.url)).res.status, 404);
  assert.equal((await asSession(S['teamleider.smd'], '/rapportages/999999')).res.status, 404);
  const w = rap.json.waarden[0];
  assert.equal((await form(S['teamleider.dock'], `${rap.url}/waarden/${w.id}`, { versie: String(w.versie), toelichting: 'x' })).res.status, 404);
  const lijst = await asSession(S['teamleider.dock'], '/rapportages');
  assert.ok(!lijst.text.includes(`href="${rap.url}"`), 'not in another organisatie\'s list');
  assert.ok((await asSession(S['teamleider.smd'], `/rapportages?periode=${rap.periode}`)).text.includes(`href="${rap.url}"`));
});

test('a value: CSRF refused, 422 keeps what was typed at its linked field, 412 for a stale version', async () => {
  assert.ok(rap);
  const tl = S['teamleider.smd'];
  const w = rap.json.waarden.find((x) => x.eenheid !== 'tekst' && x.bron !== 'ketenpartner');
  const p = `${rap.url}/waarden/${w.id}`;
  const zonder = await asSession(tl, p, { method: 'POST', form: { versie: String(w.versie), toelichting: 'zonder token' }, headers: { 'x-csrf-token': 'fout' } });
  assert.equal(zonder.res.status, 403, 'no CSRF token');
  const fout = await form(tl, p, { versie: String(w.versie), waarde: 'abc', toelichting: 'Getypt en niet kwijt' });
  assert.equal(fout.res.status, 422);
  assert.match(fout.text, new RegExp(`href="#waarde-${w.id}-waarde"`));
  assert.match(fout.text, new RegExp(`id="waarde-${w.id}-waarde" name="waarde" type="text" inputmode="decimal" maxlength="20" value="abc" aria-invalid="true"`));
  assert.match(fout.text, /Getypt en niet kwijt<\/textarea>/);
  const oud = await form(tl, p, { versie: '999', toelichting: 'te laat' });
  assert.equal(oud.res.status, 412);
  assert.match(oud.text, /id="melding"[\s\S]*intussen gewijzigd/);
  const goed = await form(tl, p, { versie: String(w.versie), toelichting: 'Een toelichting' });
  assert.equal(goed.res.status, 303);
  assert.equal(goed.res.headers.get('location'), `${rap.url}#waarde-${w.id}`);
  const na = await asSession(tl, `/api/v1/rapportages/${rap.id}`);
  assert.equal(na.json.waarden.find((x) => x.id === w.id).toelichting, 'Een toelichting');
  assert.equal((await asSession(tl, `/api/v1/rapportages/${rap.id}`)).json.waarden.find((x) => x.id === w.id).versie, w.versie + 1);
});

test('indienen refused: 422 with every missing item linked to its field; a step not in this state is 409', async () => {
  assert.ok(rap);
  const tl = S['teamleider.smd'];
  const cur = (await asSession(tl, `/api/v1/rapportages/${rap.id}`)).json;
  const r = await form(tl, `${rap.url}/indienen`, { versie: String(cur.versie) });
  assert.equal(r.res.status, 422);
  const links = [...r.text.matchAll(/<li class="utrecht-unordered-list__item"><a class="utrecht-link" href="#([^"]+)">/g)].map((m) => m[1]);
  assert.ok(links.length > 0);
  for (const l of links) {
    assert.match(l, /^(waarde|eis)-\d+-(toelichting|waarde|antwoord)$/);
    assert.ok(r.text.includes(`id="${l}"`), `${l} is a field on the page`);
  }
  const reg = S['regisseur.participatie'];
  const h = await form(reg, `${rap.url}/heropenen`, { versie: String(cur.versie), reden: 'x' });
  assert.ok([403, 409].includes(h.res.status), `heropenen a concept: ${h.res.status}`);
  if (h.res.status === 409) assert.match(h.text, /id="melding"/);
  const noCsrf = await asSession(tl, `${rap.url}/indienen`, { method: 'POST', form: { versie: String(cur.versie) }, headers: { 'x-csrf-token': 'fout' } });
  assert.equal(noCsrf.res.status, 403);
});
