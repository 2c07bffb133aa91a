// openapi.test.mjs — /api/v1/openapi.json describes exactly the routes that
// exist (`wijkzicht routes` prints the route table) and what they answer.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { fetchText, contentType, useStackLock, cli } from './lib.mjs';

useStackLock(before, after);

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options', 'trace'];

// Parameter names may differ between the route table and the document
// ({id:int} vs {id} vs {inwoner_id}); only the shape has to match.
const normPath = (p) => p.replace(/\{[^}]*\}/g, '{}');

function serverPrefix(...serverLists) {
  for (const list of serverLists) {
    if (Array.isArray(list) && list.length && typeof list[0].url === 'string') {
      const u = list[0].url;
      const p = /^[a-z]+:\/\//i.test(u) ? new URL(u).pathname : u;
      return p.replace(/\/+$/, '');
    }
  }
  return '';
}

let doc;       // the OpenAPI document
let ops;       // Map "METHOD /full/path" → operation object
let routes;    // Set "METHOD /full/path" from `wijkzicht routes`
let rawRoutes; // [{method, path}] as printed

before(async () => {
  const r = await fetchText('/api/v1/openapi.json');
  assert.equal(r.res.status, 200, 'GET /api/v1/openapi.json');
  assert.match(contentType(r.res), /json/);
  doc = r.json;
  assert.ok(doc && typeof doc.paths === 'object', 'the document has no paths');
  ops = new Map();
  for (const [p, item] of Object.entries(doc.paths)) {
    for (const m of METHODS) {
      if (!item[m]) continue;
      const full = serverPrefix(item[m].servers, item.servers, doc.servers) + p;
      ops.set(`${m.toUpperCase()} ${normPath(full)}`, item[m]);
    }
  }
  const out = await cli('routes');
  rawRoutes = out.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#'))
    .map((l) => { const [method, path] = l.split(/\s+/); return { method: method.toUpperCase(), path }; });
  assert.ok(rawRoutes.length > 0, '`wijkzicht routes` printed nothing');
  for (const r2 of rawRoutes) assert.match(r2.path, /^\//, `odd route line: ${r2.method} ${r2.path}`);
  routes = new Set(rawRoutes.map((r2) => `${r2.method} ${normPath(r2.path)}`));
});

test('the document is OpenAPI 3.1', () => {
  assert.match(String(doc.openapi), /^3\.1(\.\d+)?$/);
  assert.equal(typeof doc.info?.title, 'string');
  assert.equal(typeof doc.info?.version, 'string');
});

test('every route of `wijkzicht routes` is an operation in the OpenAPI document', () => {
  const missing = [...routes].filter((r) => !ops.has(r));
  assert.deepEqual(missing, [], 'routes the document does not describe');
});

test('every operation in the OpenAPI document is a route of `wijkzicht routes`', () => {
  const extra = [...ops.keys()].filter((o) => !routes.has(o));
  assert.deepEqual(extra, [], 'operations the server does not have');
});

test('every GET route without parameters answers with a documented status and content type', async () => {
  const problems = [];
  for (const { method, path } of rawRoutes) {
    if (method !== 'GET' || path.includes('{')) continue;
    const op = ops.get(`GET ${normPath(path)}`);
    if (!op) continue; // reported by the test above
    const { res } = await fetchText(path);
    const code = String(res.status);
    const responses = op.responses || {};
    const key = responses[code] ? code : (responses[`${code[0]}XX`] ? `${code[0]}XX` : null);
    if (!key) {
      problems.push(`GET ${path}: ${code} is not among the documented ${Object.keys(responses).join(', ')}`);
      continue;
    }
    const content = responses[key].content;
    if (content && Object.keys(content).length) {
      const mt = contentType(res).split(';')[0].trim();
      if (!Object.keys(content).map((k) => k.toLowerCase()).includes(mt)) {
        problems.push(`GET ${path}: content type ${mt} is not among the documented ${Object.keys(content).join(', ')}`);
      }
    }
  }
  assert.deepEqual(problems, []);
});
