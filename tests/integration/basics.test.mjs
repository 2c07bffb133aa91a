// basics.test.mjs — the endpoints answer, and static files never reach a worker.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  fetchText, contentType, useStackLock, logOffset, logSince, waitFor,
} from './lib.mjs';

useStackLock(before, after);

test('healthz answers 200 with JSON status ok while MariaDB is up', async () => {
  const { res, json, text } = await fetchText('/healthz');
  assert.equal(res.status, 200, text);
  assert.match(contentType(res), /json/);
  assert.equal(json?.status, 'ok', text);
});

test('ping answers 200 JSON with an API-Version header', async () => {
  const { res, json, text } = await fetchText('/api/v1/ping');
  assert.equal(res.status, 200, text);
  assert.match(contentType(res), /^application\/json/);
  assert.ok(json && typeof json === 'object', `not JSON: ${text}`);
  assert.match(res.headers.get('api-version') || '', /^\d+\.\d+\.\d+$/);
});

test('home page answers 200 as a Dutch HTML page', async () => {
  const { res, text } = await fetchText('/');
  assert.equal(res.status, 200);
  assert.match(contentType(res), /^text\/html/);
  assert.match(text, /<html[^>]*\slang="nl"/);
});

test('static CSS is served by nginx with a long, immutable cache lifetime', async () => {
  const { res, text } = await fetchText('/static/css/app.css');
  assert.equal(res.status, 200);
  assert.match(contentType(res), /^text\/css/);
  assert.ok(text.length > 0, 'empty stylesheet');
  const cc = res.headers.get('cache-control') || '';
  const maxAge = Number((cc.match(/max-age=(\d+)/) || [])[1] || 0);
  assert.ok(maxAge >= 86400, `Cache-Control max-age too short or missing: "${cc}"`);
  assert.match(cc, /\bimmutable\b/, `Cache-Control without immutable: "${cc}"`);
});

test('static CSS never reaches a worker (no wijkzicht.log line) while a ping does', async () => {
  const off = logOffset();
  const css = await fetchText('/static/css/app.css');
  assert.equal(css.res.status, 200);
  const ping = await fetchText('/api/v1/ping');
  assert.equal(ping.res.status, 200);
  // The worker logs the ping: wait for its line, which also shows that the
  // log is being written, so the absence of a CSS line means something.
  await waitFor(() => logSince(off).some((l) => l.includes('/api/v1/ping')),
    { timeoutMs: 3000, what: 'the ping line in wijkzicht.log' });
  const lines = logSince(off);
  const cssLines = lines.filter((l) => l.includes('/static/'));
  assert.deepEqual(cssLines, [], 'a worker saw the static request');
});
