// database.test.mjs — losing MariaDB degrades /healthz to 503 quickly (no
// hang, no crash), and MariaDB coming back brings 200 back without a restart
// of wijkzicht.
//
// The test stops the stack's MariaDB with `scripts/stack stop db`; whatever
// happens, the finally block starts it again so later tests have a database.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  useStackLock, supervisorPid, steadyWorkers, workerPids, fetchText, stack, sleep, contentType,
} from './lib.mjs';

useStackLock(before, after);

// Each request while the database is away must answer within this: a
// worker blocked on a dead connection would show up here as a timeout.
const NO_HANG_MS = 3000;

async function healthz() {
  try {
    return await fetchText('/healthz', { timeout: NO_HANG_MS });
  } catch (e) {
    if (e.name === 'TimeoutError') assert.fail(`/healthz did not answer within ${NO_HANG_MS} ms (hang)`);
    throw e;
  }
}

describe('MariaDB goes away and comes back', () => {
  let sup;
  let pids;
  let dbStopped = false;
  let stoppedAt;

  before(async () => {
    sup = supervisorPid();
    pids = await steadyWorkers();
    assert.equal((await healthz()).res.status, 200, 'healthz before stopping MariaDB');
    await stack('stop', 'db');
    dbStopped = true;
    stoppedAt = performance.now();
  });

  // Whatever failed above, later tests need their database back.
  after(async () => {
    if (dbStopped) await stack('start', 'db');
  });

  test('healthz answers 503 JSON within 5 s of MariaDB stopping, each answer within 3 s', async (t) => {
    let r;
    for (;;) {
      r = await healthz();
      if (r.res.status === 503) {
        t.diagnostic(`503 ${Math.round(performance.now() - stoppedAt)} ms after MariaDB stopped (answer took ${Math.round(r.ms)} ms)`);
        break;
      }
      const ms = Math.round(performance.now() - stoppedAt);
      assert.ok(ms < 5000, `healthz still ${r.res.status} ${ms} ms after MariaDB stopped`);
      await sleep(100);
    }
    assert.match(contentType(r.res), /json/, 'the 503 is JSON');
    assert.ok(r.json && typeof r.json === 'object', `503 body is not JSON: ${r.text}`);
  });

  test('every worker answers healthz 503 without hanging while MariaDB is down', async () => {
    // A few times more requests than workers, so that most likely every
    // worker is asked (nginx may reuse one kept-alive connection).
    for (let i = 0; i < pids.length * 3; i++) {
      const r = await healthz();
      assert.equal(r.res.status, 503, `healthz answer #${i} without MariaDB`);
    }
  });

  test('ping keeps answering 200 while MariaDB is down', async () => {
    for (let i = 0; i < pids.length * 2; i++) {
      const r = await fetchText('/api/v1/ping', { timeout: NO_HANG_MS });
      assert.equal(r.res.status, 200, 'ping without MariaDB');
    }
  });

  test('no worker crashes while MariaDB is down', () => {
    assert.equal(supervisorPid(), sup);
    assert.deepEqual(workerPids(), pids, 'workers changed while MariaDB was down');
  });

  test('starting MariaDB again brings healthz 200 back within 10 s without restarting wijkzicht', async (t) => {
    await stack('start', 'db');
    dbStopped = false;
    const t0 = performance.now();
    let r;
    for (;;) {
      r = await healthz();
      if (r.res.status === 200) {
        t.diagnostic(`200 again ${Math.round(performance.now() - t0)} ms after MariaDB started`);
        break;
      }
      const ms = Math.round(performance.now() - t0);
      assert.ok(ms < 10000, `healthz still ${r.res.status} ${ms} ms after MariaDB started again`);
      await sleep(200);
    }
    // Every worker reconnected, not just one.
    for (let i = 0; i < pids.length * 3; i++) {
      assert.equal((await healthz()).res.status, 200, `healthz answer #${i} after MariaDB came back`);
    }
    assert.equal(supervisorPid(), sup, 'the supervisor was restarted');
    assert.deepEqual(workerPids(), pids, 'workers were restarted to reconnect');
  });
});
