// errors.test.mjs — 404 and 405: problem+json under /api/v1/, Dutch HTML elsewhere.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetchText, contentType, useStackLock, looksDutch } from './lib.mjs';

useStackLock(before, after);

/** Checks an RFC 9457 problem document and returns it. */
function assertProblem(r, status) {
  const { res, json, text } = r;
  assert.equal(res.status, status, text);
  assert.match(contentType(res), /^application\/problem\+json/);
  assert.ok(json && typeof json === 'object', `not JSON: ${text}`);
  assert.equal(json.status, status);
  assert.equal(typeof json.type, 'string');
  assert.ok(json.type.length > 0, 'empty type');
  assert.equal(typeof json.title, 'string');
  assert.ok(json.title.length > 0, 'empty title');
  assert.equal(typeof json.detail, 'string');
  assert.ok(looksDutch(json.detail) || looksDutch(json.title), `not Dutch: ${text}`);
  assert.match(res.headers.get('api-version') || '', /^\d+\.\d+\.\d+$/, 'API-Version header missing');
  return json;
}

function assertDutchHtml(r, status) {
  const { res, text } = r;
  assert.equal(res.status, status);
  assert.match(contentType(res), /^text\/html/);
  assert.match(text, /<html[^>]*\slang="nl"/, 'no <html lang="nl">');
  const visible = text.replace(/<[^>]*>/g, ' ');
  assert.ok(looksDutch(visible), `page text is not Dutch: ${visible.slice(0, 300)}`);
}

function allowList(res) {
  return (res.headers.get('allow') || '').split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
}

test('unknown path under /api/v1/ gives 404 problem+json', async () => {
  const marker = 'bestaat-niet-a1b2c3';
  const r = await fetchText(`/api/v1/${marker}`);
  const p = assertProblem(r, 404);
  assert.ok(!r.text.includes(marker), 'the problem document echoes the request path');
  assert.ok(!p.detail.includes(marker));
});

test('unknown path elsewhere gives a Dutch 404 HTML page', async () => {
  const marker = 'bestaat-niet-d4e5f6';
  const r = await fetchText(`/${marker}`);
  assertDutchHtml(r, 404);
  assert.ok(!r.text.includes(marker), 'the error page echoes the request path');
});

test('wrong method under /api/v1/ gives 405 problem+json with an Allow header', async () => {
  const r = await fetchText('/api/v1/ping', { method: 'DELETE' });
  assertProblem(r, 405);
  const allow = allowList(r.res);
  assert.ok(allow.includes('GET'), `Allow: ${r.res.headers.get('allow')}`);
  assert.ok(!allow.includes('DELETE'), `Allow: ${r.res.headers.get('allow')}`);
});

test('wrong method elsewhere gives a Dutch 405 HTML page with an Allow header', async () => {
  const r = await fetchText('/', { method: 'DELETE' });
  assertDutchHtml(r, 405);
  const allow = allowList(r.res);
  assert.ok(allow.includes('GET'), `Allow: ${r.res.headers.get('allow')}`);
  assert.ok(!allow.includes('DELETE'), `Allow: ${r.res.headers.get('allow')}`);
});

test('wrong method on /healthz gives 405 with an Allow header', async () => {
  const { res } = await fetchText('/healthz', { method: 'POST', body: '' });
  assert.equal(res.status, 405);
  assert.ok(allowList(res).includes('GET'), `Allow: ${res.headers.get('allow')}`);
});
