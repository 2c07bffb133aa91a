// pool.test.mjs — the worker pool's settings as a deployment would use
// them: recycling after max_requests loses no request, and workers started
// as root drop to the configured user once their socket and database
// connection are open.

import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import {
  useStackLock, stack, load, steadyWorkers, workerPids, fetchText, waitFor,
} from './lib.mjs';

useStackLock(before, after);

// Restarts the pool with extra environment (configuration overrides).
async function restartApp(env) {
  await stack('stop', 'app');
  const saved = {};
  for (const [k, v] of Object.entries(env)) { saved[k] = process.env[k]; process.env[k] = v; }
  try {
    await stack('start', 'app');
  } finally {
    for (const k of Object.keys(env)) {
      if (saved[k] === undefined) delete process.env[k]; else process.env[k] = saved[k];
    }
  }
  await waitFor(async () => (await fetchText('/api/v1/ping')).res.status === 200,
    { timeoutMs: 10000, what: 'ping after restart' });
}

const uidOf = (pid) => Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))[1]);

describe('worker pool settings', () => {
  after(async () => { await restartApp({}); });

  test('workers recycled after max_requests lose no request', async () => {
    await restartApp({ WIJKZICHT_MAX_REQUESTS: '50' });
    const before = new Set(await steadyWorkers());
    const result = await load({ path: '/api/v1/ping', concurrency: 8, durationMs: 2000 });
    assert.ok(result.total > 400, `enough requests to recycle every worker (${result.total})`);
    assert.equal(result.failed, 0, JSON.stringify(result));
    const after = await steadyWorkers();
    assert.ok(after.every((p) => !before.has(p)), 'every worker was replaced');
    assert.equal(after.length, before.size, 'the pool is at full strength');
  });

  test('workers started as root run as the configured user', async () => {
    assert.equal(process.getuid(), 0, 'the stack runs as root here (scripts/test)');
    await restartApp({ WIJKZICHT_USER: 'nobody' });
    const pids = await steadyWorkers();
    assert.ok(pids.length > 0);
    for (const pid of pids) assert.equal(uidOf(pid), 65534, `worker ${pid} runs as nobody`);
    assert.equal((await fetchText('/api/v1/ping')).res.status, 200);
    assert.equal((await fetchText('/healthz')).res.status, 200, 'the database connection opened before the drop still works');
  });
});
