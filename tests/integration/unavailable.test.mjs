// unavailable.test.mjs — when the worker pool is down, nginx answers for it:
// a Dutch HTML page for people and problem+json under /api/, never nginx's
// own English page; and the pool coming back serves again.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, fetchText, stack, contentType, looksDutch, waitFor } from './lib.mjs';

useStackLock(before, after);

describe('the worker pool is stopped', () => {
  let appStopped = false;

  before(async () => {
    await stack('stop', 'app');
    appStopped = true;
  });

  after(async () => {
    if (appStopped) await stack('start', 'app');
    await waitFor(async () => (await fetchText('/api/v1/ping')).res.status === 200,
      { timeoutMs: 10000, what: 'ping answering again' });
  });

  test('a page answers 503 with a Dutch HTML page', async () => {
    const { res, text: body } = await fetchText('/');
    assert.equal(res.status, 503);
    assert.match(contentType(res), /^text\/html/);
    assert.match(body, /<html lang="nl">/);
    assert.match(body, /Tijdelijk niet beschikbaar/);
    assert.ok(looksDutch(body), 'the page is in Dutch');
    assert.doesNotMatch(body, /Bad Gateway|<center>nginx/i, 'not nginx\'s own page');
  });

  test('the API answers 503 as problem+json with API-Version', async () => {
    const { res, text: body } = await fetchText('/api/v1/ping');
    assert.equal(res.status, 503);
    assert.equal(contentType(res), 'application/problem+json');
    assert.equal(res.headers.get('api-version'), '1.0.0');
    assert.equal(res.headers.get('retry-after'), '5');
    const p = JSON.parse(body);
    assert.equal(p.status, 503);
    assert.equal(p.title, 'Tijdelijk niet beschikbaar');
  });
});
