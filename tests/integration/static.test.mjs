// static.test.mjs — stylesheets are cached for a year, so pages link them
// with a version that changes with their content.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { useStackLock, fetchText } from './lib.mjs';

useStackLock(before, after);

test('pages link the stylesheets with a content version, served as immutable', async () => {
  const { text } = await fetchText('/');
  const hrefs = [...text.matchAll(/<link rel="stylesheet" href="([^"]+)">/g)].map((m) => m[1]);
  assert.equal(hrefs.length, 3, hrefs.join(' '));
  const versions = new Set();
  for (const href of hrefs) {
    const m = /^\/static\/[a-z/.-]+\.css\?v=([0-9a-f]{16})$/.exec(href);
    assert.ok(m, `${href} carries ?v=<16 hex digits>`);
    versions.add(m[1]);
    const css = await fetchText(href);
    assert.equal(css.res.status, 200, href);
    assert.match(css.res.headers.get('cache-control') || '', /max-age=31536000.*immutable/);
  }
  assert.equal(versions.size, 1, 'one version for the set');
});
