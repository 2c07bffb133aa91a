// Shared helpers of the browser tests (tests/browser/*.test.mjs).
//
// Not a test file itself: scripts/test and node --test run only
// *.test.mjs. The tests run against a live stack at WZ_BASE_URL
// (scripts/test starts one), in Debian's /usr/bin/chromium through
// playwright-core (no browser download), with axe-core from node_modules
// for WCAG 2.1 A/AA and HTML Tidy. With WZ_VAR set, screenshots go to
// $WZ_VAR/screenshots/.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const BASE = process.env.WZ_BASE_URL;
export const ROOT = process.env.WZ_ROOT ??
  path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
export const SHOTS = process.env.WZ_VAR ? path.join(process.env.WZ_VAR, 'screenshots') : null;
export const PASSWORD = process.env.WIJKZICHT_DEMO_PASSWORD || 'wijkzicht-demo-2025';
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

// The headless Chromium of the test file, launched by useBrowser's before
// hook (a live binding: importers see it once it is set).
export let browser;

// Registers the test file's before/after hooks: launch Chromium (and make
// the screenshot directory) before its tests, close it after them. Call
// once, at the top level of a test file.
export function useBrowser() {
  before(async () => {
    assert.ok(BASE, 'WZ_BASE_URL must point at a running stack (scripts/test sets it)');
    browser = await chromium.launch({
      executablePath: process.env.WZ_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    if (SHOTS) mkdirSync(SHOTS, { recursive: true });
  });
  after(async () => { await browser?.close(); });
}

// A full-page screenshot $WZ_VAR/screenshots/<name>.png (none without WZ_VAR).
export async function shot(page, name) {
  if (SHOTS) await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

/** A random BSN that passes the 11-proef. */
export function nieuwBsn() {
  for (;;) {
    const d = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const c = d.reduce((s, x, i) => s + x * (9 - i), 0) % 11;
    if (c !== 10) return d.join('') + String(c);
  }
}

// Logs user in through the form and returns the page, signed in.
//
// By default the page is in a new context that bypasses the CSP (axe is
// injected as a script, which the real CSP refuses). options:
//   context   an existing context to open the page in (then no new one is
//             made and the other context options are not used);
//   timeout   the page's default timeout and navigation timeout, in ms
//             (Playwright's own default without it);
//   anything else goes to browser.newContext, over the defaults: e.g.
//   { bypassCSP: false } for the real CSP, { javaScriptEnabled: false }
//   for the pages without JavaScript, { acceptDownloads: true }.
// The caller closes the context (page.context().close()).
export async function signIn(user, { context, timeout, ...contextOptions } = {}) {
  const ctx = context ?? await browser.newContext({ locale: 'nl-NL', bypassCSP: true, ...contextOptions });
  const page = await ctx.newPage();
  if (timeout !== undefined) {
    page.setDefaultTimeout(timeout);
    page.setDefaultNavigationTimeout(timeout);
  }
  await page.goto(new URL('/inloggen', BASE).href);
  await page.getByLabel('Gebruikersnaam').fill(user);
  await page.getByLabel('Wachtwoord').fill(PASSWORD);
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith('/inloggen')),
    page.getByRole('button', { name: 'Inloggen' }).click()]);
  return page;
}

// axe-core's WCAG 2.1 A/AA violations of the page, as short lines. The page
// must come from a context with bypassCSP: axe is injected as an inline
// script, which the real CSP (rightly) refuses.
export async function axeViolations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (tags) => {
    // eslint-disable-next-line no-undef
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, WCAG_TAGS);
}

// HTML Tidy's messages on the HTML as the server sent it, as lines (none:
// valid HTML).
export function tidyProblems(html) {
  const tidy = spawnSync('tidy', ['-q', '-e', '--show-warnings', 'yes'], { input: html, encoding: 'utf8' });
  assert.equal(tidy.error, undefined, 'tidy must be installed (Debian package tidy)');
  // Debian 12's tidy 5.6 predates WAI-ARIA 1.1's aria-current (the menu
  // marks the current page with it) and the HTML attribute inputmode (the
  // BSN search field and the number fields ask for a numeric keyboard with
  // it); both are valid HTML. Every other message counts.
  return tidy.stderr.split('\n').filter((l) => l.trim() !== '' &&
    !/proprietary attribute "(aria-current|inputmode)"/.test(l));
}

/**
 * The page checks of one test file. signIn(user, options) signs in as
 * lib's signIn does and remembers a context without JavaScript;
 * check(page, label, response, status) asserts the status, collects the
 * axe violations (only where JavaScript runs: axe is a script, and the
 * same HTML is checked by axe with JavaScript elsewhere) and the Tidy
 * messages into problems, and takes the screenshot prefix-label.
 */
export function pageChecks(prefix) {
  const zonderJs = new WeakSet();
  const problems = [];
  return {
    problems,
    async signIn(user, options = {}) {
      const page = await signIn(user, { timeout: 20000, ...options });
      if (options.javaScriptEnabled === false) zonderJs.add(page);
      return page;
    },
    async check(page, label, response, status = 200) {
      assert.ok(response, `${label}: a response`);
      assert.equal(response.status(), status, `${label}: ${page.url()}`);
      if (!zonderJs.has(page)) for (const v of await axeViolations(page)) problems.push(`axe ${label}: ${v}`);
      for (const t of tidyProblems(await response.text())) problems.push(`tidy ${label}: ${t}`);
      await shot(page, `${prefix}-${label.replace(/[^a-z0-9]+/gi, '-')}`);
    },
  };
}

/** Navigation that waits for the page: to a path, by a button, by a link. */
export const goto = (page, p) => page.goto(new URL(p, BASE).href, { waitUntil: 'load' });
export const submit = (page, name) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
  page.getByRole('button', { name, exact: true }).click()]).then(([r]) => r);
export const follow = (page, name) => Promise.all([page.waitForNavigation({ waitUntil: 'load' }),
  page.getByRole('link', { name, exact: true }).first().click()]).then(([r]) => r);
