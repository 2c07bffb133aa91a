// openapi-schema.mjs — checks a response of the real stack against the
// OpenAPI document the server serves (/api/v1/openapi.json): the status is
// documented for the operation, the content type is one the document names,
// and the JSON body validates against the documented schema.
//
// The project has no JSON Schema library among its npm packages, so this is
// a small validator for the part of JSON Schema 2020-12 that the document
// uses: $ref (local), type (one or a list), enum, const, required,
// properties, additionalProperties, items, oneOf, anyOf, allOf, minimum,
// maximum, minLength, maxLength, pattern, minItems, maxItems,
// maxProperties, format date and date-time. A keyword it does not know is
// an error, never silently ignored, so a schema cannot claim more than is
// checked.

import assert from 'node:assert/strict';
import { fetchText } from './lib.mjs';

const ANNOTATIONS = new Set(['description', 'title', 'readOnly', 'writeOnly', 'default',
  'example', 'examples', 'deprecated', '$comment']);
const KEYWORDS = new Set(['$ref', 'type', 'enum', 'const', 'required', 'properties',
  'additionalProperties', 'items', 'oneOf', 'anyOf', 'allOf', 'minimum', 'maximum',
  'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'maxProperties', 'format']);

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// RFC 3339: a date-time carries its offset (Z or ±hh:mm).
const DATE_TIME = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

function typeOf(v) {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v; // string, boolean, object
}

function typeMatches(want, v) {
  const t = typeOf(v);
  return want === t || (want === 'number' && t === 'integer');
}

function resolve(doc, ref) {
  assert.ok(ref.startsWith('#/'), `only local $ref are supported: ${ref}`);
  let node = doc;
  for (const part of ref.slice(2).split('/')) {
    node = node?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  assert.ok(node !== undefined, `unresolvable $ref ${ref}`);
  return node;
}

/** The errors of value v against schema s ([] when it is valid). */
export function validate(doc, s, v, at = '$') {
  const errors = [];
  if (s === true || s === undefined) return errors;
  if (s === false) return [`${at}: no value allowed here`];
  for (const k of Object.keys(s)) {
    if (!KEYWORDS.has(k) && !ANNOTATIONS.has(k)) throw new Error(`schema keyword ${k} at ${at} is not supported by this validator`);
  }
  if (s.$ref) errors.push(...validate(doc, resolve(doc, s.$ref), v, at));
  if (s.type !== undefined) {
    const types = Array.isArray(s.type) ? s.type : [s.type];
    if (!types.some((t) => typeMatches(t, v))) {
      errors.push(`${at}: ${JSON.stringify(v)} is ${typeOf(v)}, not ${types.join(' or ')}`);
      return errors;
    }
  }
  if (s.enum && !s.enum.some((e) => e === v)) errors.push(`${at}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`);
  if ('const' in s && s.const !== v) errors.push(`${at}: ${JSON.stringify(v)} is not ${JSON.stringify(s.const)}`);
  if (typeof v === 'number') {
    if (s.minimum !== undefined && v < s.minimum) errors.push(`${at}: ${v} < ${s.minimum}`);
    if (s.maximum !== undefined && v > s.maximum) errors.push(`${at}: ${v} > ${s.maximum}`);
  }
  if (typeof v === 'string') {
    const len = [...v].length;
    if (s.minLength !== undefined && len < s.minLength) errors.push(`${at}: shorter than ${s.minLength}`);
    if (s.maxLength !== undefined && len > s.maxLength) errors.push(`${at}: longer than ${s.maxLength}`);
    if (s.pattern !== undefined && !new RegExp(s.pattern, 'u').test(v)) errors.push(`${at}: ${JSON.stringify(v)} does not match ${s.pattern}`);
    if (s.format === 'date' && !DATE.test(v)) errors.push(`${at}: ${JSON.stringify(v)} is no date`);
    if (s.format === 'date-time' && !DATE_TIME.test(v)) errors.push(`${at}: ${JSON.stringify(v)} is no RFC 3339 date-time`);
  }
  if (Array.isArray(v)) {
    if (s.minItems !== undefined && v.length < s.minItems) errors.push(`${at}: fewer than ${s.minItems} items`);
    if (s.maxItems !== undefined && v.length > s.maxItems) errors.push(`${at}: more than ${s.maxItems} items`);
    if (s.items !== undefined) v.forEach((e, i) => errors.push(...validate(doc, s.items, e, `${at}[${i}]`)));
  }
  if (typeOf(v) === 'object') {
    for (const k of s.required || []) if (!(k in v)) errors.push(`${at}: ${k} is missing`);
    if (s.maxProperties !== undefined && Object.keys(v).length > s.maxProperties) errors.push(`${at}: more than ${s.maxProperties} properties`);
    const props = s.properties || {};
    for (const [k, e] of Object.entries(v)) {
      if (k in props) errors.push(...validate(doc, props[k], e, `${at}.${k}`));
      else if (s.additionalProperties !== undefined) errors.push(...validate(doc, s.additionalProperties, e, `${at}.${k}`));
    }
  }
  if (s.allOf) s.allOf.forEach((sub) => errors.push(...validate(doc, sub, v, at)));
  if (s.anyOf && !s.anyOf.some((sub) => validate(doc, sub, v, at).length === 0)) errors.push(`${at}: matches none of anyOf`);
  if (s.oneOf) {
    const ok = s.oneOf.map((sub) => validate(doc, sub, v, at));
    const n = ok.filter((e) => e.length === 0).length;
    if (n !== 1) {
      errors.push(`${at}: matches ${n} of the ${s.oneOf.length} oneOf schemas`
        + (n === 0 ? ` (${ok.map((e) => e[0]).join(' | ')})` : ''));
    }
  }
  return errors;
}

let docPromise;
/** The document as the server serves it (fetched once per file). */
export function openapiDoc() {
  docPromise ||= fetchText('/api/v1/openapi.json').then((r) => {
    assert.equal(r.res.status, 200, 'GET /api/v1/openapi.json');
    return r.json;
  });
  return docPromise;
}

/**
 * Asserts that r (a fetchText()/asSession() result) is what the document
 * says operation `method template` answers: its status is documented, its
 * content type is one the document names, and its JSON body validates
 * against that schema. Returns the response object of the document.
 */
export async function assertDocumented(method, template, r) {
  const doc = await openapiDoc();
  const op = doc.paths?.[template]?.[method.toLowerCase()];
  assert.ok(op, `${method} ${template} is not in the OpenAPI document`);
  const code = String(r.res.status);
  let resp = op.responses?.[code] ?? op.responses?.[`${code[0]}XX`] ?? op.responses?.default;
  assert.ok(resp, `${method} ${template}: status ${code} is not documented (${Object.keys(op.responses || {}).join(', ')}): ${r.text.slice(0, 300)}`);
  if (resp.$ref) resp = resolve(doc, resp.$ref);
  const content = resp.content || {};
  if (Object.keys(content).length === 0) return resp;
  const mt = (r.res.headers.get('content-type') || '').split(';')[0].trim().toLowerCase();
  const media = Object.entries(content).find(([k]) => k.toLowerCase() === mt);
  assert.ok(media, `${method} ${template} ${code}: content type ${mt} is not among ${Object.keys(content).join(', ')}`);
  if (/json/.test(mt)) {
    assert.ok(r.json !== undefined, `${method} ${template} ${code}: the body is no JSON: ${r.text.slice(0, 200)}`);
    const errors = validate(doc, media[1].schema, r.json);
    assert.deepEqual(errors, [], `${method} ${template} ${code}: the body does not match the document`);
  }
  return resp;
}
