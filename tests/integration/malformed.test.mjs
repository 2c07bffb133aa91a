// malformed.test.mjs — bad input gets a clear Dutch 4xx that does not echo
// the input, and no worker dies of it.
//
// Each test checks the pool afterwards: ping still answers 200 and the
// supervisor has the same workers (same pids: a worker that crashed and was
// replaced would show up as a new pid even though the count is back).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  fetchText, contentType, useStackLock, looksDutch, steadyWorkers, workerPids, sleep,
} from './lib.mjs';

useStackLock(before, after);

// Put in every bad input; it must not come back in any response.
const MARK = 'qqMarkerZ9qq';

async function assertPoolIntact(pidsBefore) {
  const { res } = await fetchText('/api/v1/ping');
  assert.equal(res.status, 200, 'ping after the bad request');
  // A crashed worker is replaced within milliseconds; give the supervisor
  // a moment so a crash shows up as a changed pid rather than a short count.
  await sleep(100);
  assert.deepEqual(workerPids(), pidsBefore, 'the worker pool changed: a worker died');
}

function assertDutchProblem(r, status) {
  const { res, json, text } = r;
  assert.equal(res.status, status, text);
  assert.match(contentType(res), /^application\/problem\+json/, `content type of ${text}`);
  assert.ok(json && typeof json === 'object', `not JSON: ${text}`);
  assert.equal(json.status, status);
  assert.equal(typeof json.detail, 'string');
  assert.ok(looksDutch(json.detail), `detail not Dutch: ${json.detail}`);
  assert.ok(!text.includes(MARK), `the response echoes the input: ${text}`);
}

test('bad percent-encoding in the query string gives 400 and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const r = await fetchText(`/api/v1/ping?x=%zz${MARK}`);
  assertDutchProblem(r, 400);
  assert.ok(!r.text.includes('%zz'));
  await assertPoolIntact(pids);
});

test('invalid UTF-8 after percent-decoding gives 400 and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const r = await fetchText(`/api/v1/ping?x=%ff${MARK}`);
  assertDutchProblem(r, 400);
  await assertPoolIntact(pids);
});

test('a body over the 1 MiB limit gives 413 problem+json and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const body = `{"${MARK}":"${'x'.repeat(2 * 1024 * 1024)}"}`;
  const r = await fetchText('/api/v1/ping', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body, timeout: 10000,
  });
  assertDutchProblem(r, 413);
  await assertPoolIntact(pids);
});

test('a JSON body nested 10,000 deep gives 400 and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const body = '['.repeat(10000) + `"${MARK}"` + ']'.repeat(10000);
  const r = await fetchText('/api/v1/ping', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body,
  });
  assertDutchProblem(r, 400);
  await assertPoolIntact(pids);
});

test('an invalid JSON body gives 400 and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const r = await fetchText('/api/v1/ping', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"${MARK}": tru`,
  });
  assertDutchProblem(r, 400);
  await assertPoolIntact(pids);
});

test('a body with the wrong content type gives 415 and the pool keeps serving', async () => {
  const pids = await steadyWorkers();
  const r = await fetchText('/api/v1/ping', {
    method: 'POST', headers: { 'content-type': 'text/plain' }, body: `{"${MARK}": true}`,
  });
  assertDutchProblem(r, 415);
  await assertPoolIntact(pids);
});

test('a valid small JSON body is accepted with 200', async () => {
  // The positive case of the tests above: without it, a server that refused
  // every body would pass them.
  const r = await fetchText('/api/v1/ping', {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"a":[1,2,{"b":null}]}',
  });
  assert.equal(r.res.status, 200, r.text);
  assert.equal(r.json?.ontvangen, true, r.text);
});
