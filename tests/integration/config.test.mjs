// config.test.mjs — the keys for personal data at rest: made once by the
// run scripts and kept, checked at start-up, never shown.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { useStackLock, VAR, cliPath, stack } from './lib.mjs';

const execFileP = promisify(execFile);
useStackLock(before, after);

const conf = () => path.join(VAR, 'wijkzicht.conf');
const keyOf = (name) => new RegExp(`^${name} = ([0-9a-f]{64})$`, 'm').exec(fs.readFileSync(conf(), 'utf8'))?.[1];

test('the stack has both keys, and restarting keeps them', async () => {
  const k1 = keyOf('seal_key');
  const k2 = keyOf('seal_lookup_key');
  assert.ok(k1 && k2, 'both keys are 64 hex digits');
  assert.notEqual(k1, k2);
  await stack('stop', 'app');
  await stack('start', 'app');
  assert.equal(keyOf('seal_key'), k1, 'a restart must not make new keys: sealed data would be lost');
  assert.equal(keyOf('seal_lookup_key'), k2);
});

test('check-config masks the keys and refuses a malformed one', async () => {
  const out = (await execFileP(cliPath(), ['-c', conf(), 'check-config'])).stdout;
  assert.match(out, /^seal_key = \(ingesteld\)$/m);
  assert.doesNotMatch(out, new RegExp(keyOf('seal_key')));
  await assert.rejects(
    execFileP(cliPath(), ['-c', conf(), 'check-config'], { env: { ...process.env, WIJKZICHT_SEAL_KEY: 'abc' } }),
    (e) => e.code === 1 && /64 hexadecimal characters/.test(e.stderr) && !/abc/.test(e.stderr),
  );
});

test('check-statements prepares every statement and finds the declared column types', async () => {
  // db/stmt.h: each statement declares its result columns' types; a
  // statement whose SQL or schema changed without its declaration fails
  // here (and when it is first prepared in a worker).
  const out = (await execFileP(cliPath(), ['-c', conf(), 'check-statements'])).stdout;
  const m = out.match(/^check-statements: (\d+) statements prepare$/m);
  assert.ok(m, out);
  assert.ok(Number(m[1]) > 100, `${m[1]} statements`);
});
