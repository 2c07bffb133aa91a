// lib.mjs — shared helpers for the integration tests (node --test).
//
// The tests talk HTTP to a real, running stack (nginx → wijkzicht-fcgi →
// MariaDB) that scripts/test (or a person) started beforehand. They learn
// where it is from the environment:
//   WZ_BASE_URL  e.g. http://127.0.0.1:18080   (nginx)
//   WZ_VAR       the stack's state directory (pid files, logs, config)
//   WZ_ROOT      the repository root (scripts/stack, the build directories)
//
// Nothing here starts or stops the stack as a whole; tests that disturb it
// (kill a worker, stop MariaDB, SIGHUP) restore it themselves.

import fs from 'node:fs';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { fileURLToPath } from 'node:url';

const execFileP = promisify(execFile);

export const BASE = (process.env.WZ_BASE_URL || 'http://127.0.0.1:8080').replace(/\/+$/, '');
export const ROOT = path.resolve(process.env.WZ_ROOT || path.join(path.dirname(fileURLToPath(import.meta.url)), '..', '..'));
export const VAR = path.resolve(process.env.WZ_VAR || path.join(ROOT, 'var'));

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// Every request has a deadline: a hung server must fail a test, not stall it.
export const DEFAULT_TIMEOUT_MS = 5000;

/** fetch(BASE + p) with a timeout; never follows redirects. */
export function req(p, opts = {}) {
  const { timeout = DEFAULT_TIMEOUT_MS, ...rest } = opts;
  return fetch(BASE + p, { redirect: 'manual', signal: AbortSignal.timeout(timeout), ...rest });
}

/** Like req() but also reads the body; returns { res, text, json, ms }. */
export async function fetchText(p, opts = {}) {
  const t0 = performance.now();
  const res = await req(p, opts);
  const text = await res.text();
  let json;
  try { json = JSON.parse(text); } catch { json = undefined; }
  return { res, text, json, ms: performance.now() - t0 };
}

export function contentType(res) {
  return (res.headers.get('content-type') || '').toLowerCase();
}

// A detail or page is "Dutch" when it contains a few everyday Dutch words
// (the error texts are full sentences such as "Ongeldige procent-codering in
// de aanvraag."). Crude, but it tells Dutch from English and from empty.
const DUTCH_WORDS = /\b(de|het|een|niet|geen|ongeldig|ongeldige|onbekend|onbekende|te|van|zijn|wordt|deze|dit|mag|kan|moet|pagina|gevonden|aanvraag|verzoek|toegestaan|groot|diep|inhoud|alleen|bestaat|methode|stuur|gegevens|als|met|voor|naar|bij|uw|waarde|codering|tekens|fout|probeer|later|graag|hier)\b/gi;
export function looksDutch(s) {
  if (typeof s !== 'string') return false;
  const hits = new Set((s.match(DUTCH_WORDS) || []).map((w) => w.toLowerCase()));
  return hits.size >= 2;
}

// ---------------------------------------------------------------- processes

export function readPid(name) {
  const f = path.join(VAR, 'run', name);
  const pid = parseInt(fs.readFileSync(f, 'utf8').trim(), 10);
  if (!Number.isInteger(pid) || pid <= 1) throw new Error(`no valid pid in ${f}`);
  return pid;
}

export const supervisorPid = () => readPid('wijkzicht-fcgi.pid');

function procState(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S ppid ..." — comm may contain spaces and parentheses.
    const rest = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return { state: rest[0], ppid: parseInt(rest[1], 10) };
  } catch {
    return null;
  }
}

export function alive(pid) {
  const s = procState(pid);
  return s !== null && s.state !== 'Z' && s.state !== 'X';
}

/**
 * The live (non-zombie) children of pid, sorted. Reads
 * /proc/<pid>/task/<tid>/children when the kernel has it, otherwise scans
 * /proc for processes whose parent is pid. Synchronous and cheap, so it can
 * be polled every few ms while a load runs in the same event loop.
 */
export function childrenOf(pid) {
  let kids = [];
  let haveChildrenFile = false;
  try {
    for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
      try {
        const s = fs.readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
        haveChildrenFile = true;
        kids.push(...s.split(/\s+/).filter(Boolean).map(Number));
      } catch { /* thread gone or no CONFIG_PROC_CHILDREN */ }
    }
  } catch {
    return [];
  }
  if (!haveChildrenFile) {
    for (const d of fs.readdirSync('/proc')) {
      if (!/^\d+$/.test(d)) continue;
      const s = procState(d);
      if (s && s.ppid === pid) kids.push(Number(d));
    }
  }
  return [...new Set(kids)].filter(alive).sort((a, b) => a - b);
}

export const workerPids = () => childrenOf(supervisorPid());

/**
 * Waits until the worker pool is steady (same set of pids for `quietMs`),
 * so a test starts from a known state even right after another test
 * disturbed the pool. Returns the pids.
 */
export async function steadyWorkers({ quietMs = 300, timeoutMs = 10000 } = {}) {
  const t0 = Date.now();
  let last = workerPids().join(',');
  let since = Date.now();
  while (Date.now() - t0 < timeoutMs) {
    await sleep(50);
    const now = workerPids().join(',');
    if (now !== last) { last = now; since = Date.now(); continue; }
    if (now && Date.now() - since >= quietMs) return now.split(',').map(Number);
  }
  throw new Error(`worker pool not steady after ${timeoutMs} ms (last: ${last})`);
}

/** Polls fn() every intervalMs until it returns a truthy value; returns it and the elapsed ms. */
export async function waitFor(fn, { timeoutMs = 5000, intervalMs = 50, what = 'condition' } = {}) {
  const t0 = performance.now();
  for (;;) {
    const v = await fn();
    if (v) return { value: v, ms: performance.now() - t0 };
    if (performance.now() - t0 > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

/**
 * Runs `scripts/stack <action> <what>` against this stack's state directory.
 * The port is passed too (derived from WZ_BASE_URL) in case the script
 * regenerates configuration.
 */
export async function stack(action, what, { timeoutMs = 120000 } = {}) {
  const env = { ...process.env, WIJKZICHT_VAR: VAR };
  const port = new URL(BASE).port;
  if (port) env.WIJKZICHT_PORT = port;
  if (process.env.WZ_BUILD && !env.WIJKZICHT_BUILD) env.WIJKZICHT_BUILD = process.env.WZ_BUILD;
  const { stdout, stderr } = await execFileP(path.join(ROOT, 'scripts', 'stack'), [action, what], {
    cwd: ROOT, env, timeout: timeoutMs, maxBuffer: 16 << 20,
  });
  return { stdout, stderr };
}

/**
 * The `wijkzicht` command-line tool of the build that runs this stack: the
 * sibling of the running wijkzicht-fcgi binary (so a sanitizer stack is
 * checked with the sanitizer build), else $WZ_BUILD or build/.
 */
export function cliPath() {
  try {
    const exe = fs.readlinkSync(`/proc/${supervisorPid()}/exe`).replace(/ \(deleted\)$/, '');
    const sib = path.join(path.dirname(exe), 'wijkzicht');
    if (fs.existsSync(sib)) return sib;
  } catch { /* fall through */ }
  const build = process.env.WZ_BUILD || process.env.WIJKZICHT_BUILD || 'build';
  return path.join(ROOT, build, 'wijkzicht');
}

export async function cli(...args) {
  const conf = path.join(VAR, 'wijkzicht.conf');
  const { stdout } = await execFileP(cliPath(), ['-c', conf, ...args], {
    cwd: ROOT, env: { ...process.env, WIJKZICHT_VAR: VAR }, timeout: 30000,
  });
  return stdout;
}

// --------------------------------------------------------------------- logs

export const appLog = () => path.join(VAR, 'log', 'wijkzicht.log');

/** Current size of a log file, to read only what is appended after it. */
export function logOffset(file = appLog()) {
  try { return fs.statSync(file).size; } catch { return 0; }
}

/** Lines appended to file since offset. */
export function logSince(offset, file = appLog()) {
  let buf;
  try { buf = fs.readFileSync(file); } catch { return []; }
  return buf.subarray(Math.min(offset, buf.length)).toString('utf8').split('\n').filter(Boolean);
}

// --------------------------------------------------------------------- load

/**
 * A bounded load generator: keeps `concurrency` requests in flight for
 * `durationMs`, each with its own timeout, and counts what came back.
 * Returns { total, ok, failed, statuses: {code: n}, errors: {message: n} }
 * where ok means status 200 and failed is everything else (non-200 statuses
 * and network errors/timeouts).
 */
export async function load({ path: p = '/api/v1/ping', concurrency = 16, durationMs = 3000,
  timeoutMs = 5000, init = {} } = {}) {
  const out = { total: 0, ok: 0, failed: 0, statuses: {}, errors: {} };
  const deadline = performance.now() + durationMs;
  async function lane() {
    while (performance.now() < deadline) {
      out.total++;
      try {
        const res = await fetch(BASE + p, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
        await res.arrayBuffer();
        out.statuses[res.status] = (out.statuses[res.status] || 0) + 1;
        if (res.status === 200) out.ok++; else out.failed++;
      } catch (e) {
        const msg = String(e?.cause?.code || e?.cause?.message || e?.name || e);
        out.errors[msg] = (out.errors[msg] || 0) + 1;
        out.failed++;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, lane));
  return out;
}

// ------------------------------------------------------------- serialising

/*
 * node --test runs test files in parallel processes when the machine has the
 * cores for it. Several files here disturb the shared stack (killing workers,
 * stopping MariaDB, SIGHUP), which would make the others flaky, so every file
 * holds this lock for its whole run: files run one at a time, whatever the
 * runner's concurrency. The lock is a directory holding the owner's pid; a
 * lock whose owner died is taken over.
 */
const LOCK = path.join(VAR, 'run', 'integration-tests.lock');

export async function acquireStackLock({ timeoutMs = 600000 } = {}) {
  const t0 = Date.now();
  for (;;) {
    try {
      fs.mkdirSync(LOCK);
      fs.writeFileSync(path.join(LOCK, 'pid'), String(process.pid));
      return;
    } catch (e) {
      if (e.code !== 'EEXIST') throw e;
      let owner = 0;
      try { owner = parseInt(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'), 10); } catch { /* being written */ }
      if (owner && owner !== process.pid && !alive(owner)) {
        fs.rmSync(LOCK, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - t0 > timeoutMs) throw new Error(`could not take ${LOCK} (held by ${owner})`);
      await sleep(100);
    }
  }
}

export function releaseStackLock() {
  try {
    const owner = parseInt(fs.readFileSync(path.join(LOCK, 'pid'), 'utf8'), 10);
    if (owner === process.pid) fs.rmSync(LOCK, { recursive: true, force: true });
  } catch { /* not ours or already gone */ }
}

/** Call at the top of every test file: serialises the files (see above). */
export function useStackLock(before, after) {
  before(async () => { await acquireStackLock(); });
  after(() => { releaseStackLock(); });
}

// ------------------------------------------------------------ identity

/** The demo accounts' password (scripts/stack seeds them with it). */
export const DEMO_PASSWORD = process.env.WIJKZICHT_DEMO_PASSWORD || 'wijkzicht-demo-2025';

/** The Origin a browser on this site sends. */
export const ORIGIN = new URL(BASE).origin;

/**
 * Logs in through the JSON API. Returns { cookie: 'name=value', csrf, me,
 * res } on 201; throws otherwise (pass { expect: false } to get the
 * response instead).
 */
export async function login(user, password = DEMO_PASSWORD, { expect = true } = {}) {
  const res = await req('/api/v1/sessies', {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ gebruikersnaam: user, wachtwoord: password }),
  });
  const text = await res.text();
  if (!expect) return { res, text };
  if (res.status !== 201) throw new Error(`login ${user}: ${res.status} ${text}`);
  const body = JSON.parse(text);
  const setCookie = res.headers.get('set-cookie') || '';
  return { cookie: setCookie.split(';')[0], csrf: body.csrf_token, me: body.gebruiker, res };
}

/**
 * A request as a session from login() (or anonymous when s is null): sends
 * the cookie, and on unsafe methods the CSRF token and a same-site Origin.
 * json: an object to send as the body. Returns fetchText()'s result.
 */
export async function asSession(s, p, { method = 'GET', json, form, headers = {}, ...rest } = {}) {
  const h = { ...headers };
  if (s && s.cookie) h.cookie = s.cookie;
  if (s && s.token) h.authorization = `Bearer ${s.token}`;
  const unsafe = !['GET', 'HEAD'].includes(method);
  if (unsafe && s && s.csrf && !('x-csrf-token' in h)) h['x-csrf-token'] = s.csrf;
  if (unsafe && !('origin' in h)) h.origin = ORIGIN;
  let body;
  if (json !== undefined) { h['content-type'] = 'application/json'; body = JSON.stringify(json); }
  if (form !== undefined) {
    h['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(form).toString();
  }
  return fetchText(p, { method, headers: h, body, ...rest });
}

/** POST json to p as s; asserts 201 and returns the created resource. */
export async function created(s, p, json) {
  const r = await asSession(s, p, { method: 'POST', json });
  if (r.res.status !== 201) throw new Error(`POST ${p}: ${r.res.status} ${r.text}`);
  return r.json;
}

const LINK_RE = /\/wachtwoord-instellen\/([A-Za-z0-9_-]{43})/;
export const TEST_PASSWORD = 'Een lang en sterk wachtwoord 42';

/**
 * A new user naam, made by the beheerder session beheer, with a password
 * set through its link and one grant; returns the user's session.
 */
export async function newUser(beheer, naam, grant) {
  const u = await created(beheer, '/api/v1/gebruikers', { gebruikersnaam: naam, naam: `Test ${naam}` });
  const link = LINK_RE.exec(u.wachtwoord_link)[0];
  const r = await asSession(null, link, { method: 'POST', form: { nieuw: TEST_PASSWORD, herhaling: TEST_PASSWORD } });
  if (r.res.status !== 303) throw new Error(`password of ${naam}: ${r.res.status} ${r.text}`);
  await created(beheer, `/api/v1/gebruikers/${u.id}/toekenningen`, grant);
  return login(naam, TEST_PASSWORD);
}

/**
 * Runs SQL as MariaDB's root over the stack's socket (tests only: to look
 * at rows or to age a session). Returns the rows as arrays of strings.
 */
export async function sql(query) {
  const { stdout } = await execFileP('mariadb', ['-S', path.join(VAR, 'run', 'mysqld.sock'),
    '-u', 'root', '-N', '-B', 'wijkzicht', '-e', query], { timeout: 30000 });
  return stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t'));
}

/** Forgets failed log-ins (throttling counts them per address: tests that
 * fail on purpose must not lock later tests out). */
export async function clearLoginThrottle() {
  await sql('DELETE FROM inlogpoging');
}
