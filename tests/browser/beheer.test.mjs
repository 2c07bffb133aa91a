// Browser tests for identity and administration (issue 3), in headless
// Chromium as a beheerder would work: log in through the form, create a
// wijkteam in the admin pages, find the change in the audit log, log out.
// Every admin page is checked with axe-core (WCAG 2.1 A/AA).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axeViolations, browser, shot, signIn, useBrowser } from './lib.mjs';

useBrowser();

test('a beheerder logs in, creates a wijkteam, finds it in the audit log and logs out', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await signIn('beheerder', { context });
  await assert.doesNotReject(page.getByText('Ingelogd als').waitFor());
  assert.match(await page.locator('.wz-ik').innerText(), /Bea Beheer/);

  // The menu shows what a beheerder may open.
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  for (const item of ['Beheer', 'Gebruikers', 'Auditlog', 'Mijn account']) assert.match(menu, new RegExp(item));

  await page.getByRole('link', { name: 'Beheer', exact: true }).first().click();
  await page.waitForURL('**/beheer');
  await page.goto(new URL('/beheer/wijkteams/nieuw', BASE).href);
  const code = `WT-B${Date.now() % 100000}`;
  const naam = `Sociaal Wijkteam Browsertest ${code}`;
  await page.getByLabel('Code').fill(code);
  await page.getByLabel('Naam', { exact: true }).fill(naam);
  await page.getByLabel('Organisatie').selectOption({ label: 'DOCK Zaanstad (DOCK)' });
  await page.getByLabel('Poelenburg').check();
  await page.getByLabel('Geldig van').fill('2026-01-01');
  await shot(page, 'beheer-wijkteam-nieuw');
  await Promise.all([page.waitForURL((u) => !u.pathname.endsWith('/nieuw')),
    page.getByRole('button', { name: 'Opslaan' }).click()]);
  await page.goto(new URL('/beheer/wijkteams', BASE).href);
  assert.match(await page.locator('main').innerText(), new RegExp(naam));

  await page.getByRole('link', { name: 'Auditlog' }).click();
  await page.waitForURL('**/audit');
  const firstRow = await page.locator('main table tbody tr').first().innerText();
  assert.match(firstRow, /aanmaken/);
  assert.match(firstRow, /wijkteam/);
  await shot(page, 'audit');

  await Promise.all([page.waitForURL('**/inloggen?uitgelogd=1'),
    page.getByRole('button', { name: 'Uitloggen' }).click()]);
  assert.match(await page.locator('main').innerText(), /U bent uitgelogd/);
  await page.goto(new URL('/beheer', BASE).href);
  assert.match(page.url(), /\/inloggen\?terug=\/beheer$/, 'signed out: back to the log-in page');
  await context.close();
});

test('a medewerker sees no admin menu items', async () => {
  const context = await browser.newContext({ locale: 'nl-NL' });
  const page = await signIn('medewerker.dock', { context });
  const menu = await page.locator('nav[aria-label="Hoofdmenu"]').innerText();
  assert.doesNotMatch(menu, /Beheer|Gebruikers|Auditlog/);
  assert.match(menu, /Mijn account/);
  await context.close();
});

test('every admin page has no WCAG 2.1 A/AA violations', async () => {
  // axe is injected as a script, which the real CSP refuses: bypass it.
  const context = await browser.newContext({ locale: 'nl-NL', bypassCSP: true });
  const page = await signIn('beheerder', { context });
  const pages = ['/beheer', '/audit', '/account', '/account/wachtwoord'];
  // Every list, "new" form and the first edit form reachable from /beheer.
  await page.goto(new URL('/beheer', BASE).href);
  const sections = await page.locator('main a[href^="/beheer/"]').evaluateAll(
    (as) => [...new Set(as.map((a) => a.getAttribute('href')))]);
  assert.ok(sections.length >= 7, `admin sections found: ${sections.join(' ')}`);
  sections.push('/beheer/gebruikers', '/beheer/tokens');
  for (const s of sections) {
    pages.push(s);
    await page.goto(new URL(s, BASE).href);
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    const nieuw = links.find((h) => h === `${s}/nieuw`);
    const edit = links.find((h) => h && h.startsWith(`${s}/`) && /\/\d+$/.test(h));
    if (nieuw) pages.push(nieuw);
    if (edit) pages.push(edit);
  }
  const problems = [];
  for (const p of [...new Set(pages)]) {
    const res = await page.goto(new URL(p, BASE).href);
    assert.equal(res.status(), 200, p);
    for (const v of await axeViolations(page)) problems.push(`${p}: ${v}`);
  }
  // The page an unusable password link leads to (public, 404).
  const res = await page.goto(new URL(`/wachtwoord-instellen/${'A'.repeat(43)}`, BASE).href);
  assert.equal(res.status(), 404);
  for (const v of await axeViolations(page)) problems.push(`password link page: ${v}`);
  // A form with errors too: the messages must be reachable and labelled.
  await page.goto(new URL('/beheer/wijken/nieuw', BASE).href);
  // Filled in enough for the browser's own checks, wrong for the server's.
  await page.getByLabel('Code').fill('fout met spaties');
  await page.getByLabel('Naam', { exact: true }).fill('Wijk met een foute code');
  await page.getByRole('button', { name: 'Opslaan' }).click();
  await page.waitForLoadState('load');
  assert.match(await page.locator('main').innerText(), /Controleer het formulier/);
  for (const v of await axeViolations(page)) problems.push(`form with errors: ${v}`);
  await shot(page, 'beheer-formulier-fouten');
  assert.deepEqual(problems, []);
  await context.close();
});
