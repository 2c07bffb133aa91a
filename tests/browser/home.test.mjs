// Browser tests: the home page and an error page in headless Chromium.
//
// Runs against a live stack at WZ_BASE_URL (scripts/test starts one). Uses
// Debian's /usr/bin/chromium through playwright-core (no browser download)
// and axe-core from node_modules for WCAG 2.1 A/AA. Proves that pages carry
// the NL Design System (Utrecht) styles and design tokens, that they need no
// JavaScript, that the CSP set by nginx blocks nothing they use, that
// HTML Tidy finds nothing to complain about, and that axe finds no
// violations. With WZ_VAR set, screenshots go to
// $WZ_VAR/screenshots/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { BASE, axeViolations, browser, shot, tidyProblems, useBrowser } from './lib.mjs';

useBrowser();

// A page in a fresh context. Options go to browser.newContext.
async function open(urlPath, options = {}) {
  const context = await browser.newContext({ locale: 'nl-NL', ...options });
  const page = await context.newPage();
  const response = await page.goto(new URL(urlPath, BASE).href, { waitUntil: 'load' });
  return { context, page, response };
}

// Computed styles that the Utrecht CSS and the design tokens set.
function styleFacts(page) {
  return page.evaluate(() => {
    const body = document.body;
    const skip = document.querySelector('a.utrecht-skip-link');
    const footer = document.querySelector('.utrecht-page-footer');
    const h1 = document.querySelector('h1');
    return {
      bodyClasses: [...body.classList],
      tokenDocumentColor: getComputedStyle(body).getPropertyValue('--utrecht-document-color').trim(),
      tokenFontFamily: getComputedStyle(body)
        .getPropertyValue('--utrecht-typography-sans-serif-font-family').trim(),
      bodyFontFamily: getComputedStyle(body).fontFamily,
      skipPosition: skip ? getComputedStyle(skip).position : null,
      footerBackground: footer ? getComputedStyle(footer).backgroundColor : null,
      h1FontFamily: h1 ? getComputedStyle(h1).fontFamily : null,
    };
  });
}

function assertUtrechtStyles(facts) {
  assert.ok(facts.bodyClasses.includes('utrecht-theme'),
    `<body> must carry the design-token theme class, has: ${facts.bodyClasses.join(' ')}`);
  assert.notEqual(facts.tokenDocumentColor, '',
    'the design token --utrecht-document-color is not defined on <body>: is the token CSS served?');
  assert.notEqual(facts.tokenFontFamily, '', 'the typography tokens are not defined');
  // Browser defaults: a link is position: static, a footer is transparent,
  // the font is a serif. The component CSS changes all three.
  assert.equal(facts.skipPosition, 'fixed',
    'the skip link is not styled by .utrecht-skip-link--visible-on-focus: is the component CSS served?');
  assert.notEqual(facts.footerBackground, 'rgba(0, 0, 0, 0)',
    'the page footer has no background from .utrecht-page-footer');
  assert.match(facts.bodyFontFamily, /Arial|Noto Sans/,
    `the document font comes from the tokens, got ${facts.bodyFontFamily}`);
}

test('home page answers 200 with its Dutch title and heading', async () => {
  const { context, page, response } = await open('/');
  try {
    assert.equal(response.status(), 200);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.match(await page.title(), /wijkzicht/);
    const h1 = page.locator('h1');
    assert.equal(await h1.count(), 1, 'exactly one h1');
    assert.match(await h1.innerText(), /wijkzicht/i);
    assert.equal(await page.locator('main').count(), 1, 'one main landmark');
    await shot(page, 'home');
  } finally {
    await context.close();
  }
});

test('home page has the NL Design System styles and design tokens applied', async () => {
  const { context, page } = await open('/');
  try {
    assertUtrechtStyles(await styleFacts(page));
  } finally {
    await context.close();
  }
});

test('home page breaks no rule of the content security policy', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const refused = [];
  page.on('console', (msg) => {
    if (/Content Security Policy|Refused to/i.test(msg.text())) refused.push(msg.text());
  });
  const failed = [];
  page.on('requestfailed', (req) => failed.push(`${req.url()}: ${req.failure()?.errorText}`));
  const bad = [];
  page.on('response', (res) => {
    if (res.status() >= 400 && !res.url().endsWith('/favicon.ico')) bad.push(`${res.status()} ${res.url()}`);
  });
  try {
    const response = await page.goto(new URL('/', BASE).href, { waitUntil: 'load' });
    assert.match(response.headers()['content-security-policy'] ?? '', /default-src 'self'/,
      'nginx sets the CSP');
    assert.deepEqual(refused, [], 'the CSP refused something the page uses');
    assert.deepEqual(failed, [], 'a request of the page failed');
    assert.deepEqual(bad, [], 'a resource of the page answered with an error');
  } finally {
    await context.close();
  }
});

test('skip link is the first thing a keyboard reaches and leads to main', async () => {
  const { context, page } = await open('/');
  try {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => ({
      cls: document.activeElement?.className ?? '',
      href: document.activeElement?.getAttribute('href'),
      top: document.activeElement?.getBoundingClientRect().top,
    }));
    assert.match(focused.cls, /utrecht-skip-link/);
    assert.ok(focused.top >= 0, 'the focused skip link is on screen');
    assert.equal(focused.href, '#inhoud');
    assert.equal(await page.locator('main#inhoud').count(), 1);
  } finally {
    await context.close();
  }
});

test('home page has no WCAG 2.1 A/AA violations (axe-core)', async () => {
  const { context, page } = await open('/', { bypassCSP: true });
  try {
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('an unknown page is a Dutch 404 page in the same style, without violations', async () => {
  const { context, page, response } = await open('/bestaat-niet', { bypassCSP: true });
  try {
    assert.equal(response.status(), 404);
    assert.match(response.headers()['content-type'], /^text\/html/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
    assert.equal(await page.locator('h1').count(), 1);
    assert.ok((await page.locator('h1').innerText()).length > 0);
    assert.match(await page.locator('main').innerText(), /404/);
    assertUtrechtStyles(await styleFacts(page));
    await shot(page, 'niet-gevonden');
    assert.deepEqual(await axeViolations(page), []);
  } finally {
    await context.close();
  }
});

test('home page works without JavaScript', async () => {
  const { context, page, response } = await open('/', { javaScriptEnabled: false });
  try {
    assert.equal(response.status(), 200);
    const h1 = page.locator('h1');
    assert.ok(await h1.isVisible(), 'the h1 is visible without JavaScript');
    assert.match(await h1.innerText(), /wijkzicht/i);
    // Playwright evaluates in its own world, so this works with page
    // scripts switched off.
    assertUtrechtStyles(await styleFacts(page));
  } finally {
    await context.close();
  }
});

test('home, error and 413 pages are valid HTML (tidy reports nothing)', async () => {
  for (const [urlPath, status] of [['/', 200], ['/bestaat-niet', 404], ['/static/errors/413.html', 200]]) {
    const res = await fetch(new URL(urlPath, BASE), { signal: AbortSignal.timeout(5000) });
    assert.equal(res.status, status, urlPath);
    const html = await res.text();
    assert.deepEqual(tidyProblems(html), [], `tidy on ${urlPath}`);
  }
});
