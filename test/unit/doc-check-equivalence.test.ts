/**
 * The check is now assembled from parts (document level, record by record, fast paths for scores and keys)
 * so that the view can be kept up to date incrementally. Here it is compared with the previous
 * whole-document check — kept below verbatim as the oracle — on the samples, the golden fixtures and
 * thousands of randomly corrupted documents; and the fast paths with the zod schemas they stand in for.
 */
import { readFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type * as z from 'zod/mini';
import { parseWith, type SchemaIssue } from '../../core/model/issues.ts';
import { Id } from '../../core/model/common.ts';
import { Score } from '../../core/model/workspace.ts';
import {
  DOC_KINDS,
  KIND_CHECKS,
  checkDocument,
  getAt,
  isId,
  isScore,
  readDocument,
  setAt,
  sortKeys,
  type CheckResult,
  type DocJson,
  type DocKind,
  type KindCheck,
  type CollectionCheck,
  type QuarantineEntry,
} from '../../doc/index.ts';
import { clonePlain, isRecord } from '../../doc/json.ts';
import { issue, prefixIssues } from '../../doc/result.ts';
import { SAMPLES } from '../fixtures/docs/sample.ts';
import { int, mulberry32, pickOne as pick, type Rng } from '../helpers/rng.ts';

// ---------------------------------------------------------------------------------------------- fast paths
const SCORE_EDGES: unknown[] = [
  null,
  undefined,
  0,
  1,
  2,
  3,
  4,
  5,
  -0,
  0.5,
  1.5,
  3.9999999999999996,
  4.000000000000001,
  -1,
  NaN,
  Infinity,
  -Infinity,
  Number.MAX_SAFE_INTEGER,
  2 ** 53,
  '1',
  '4',
  true,
  false,
  [],
  [1],
  {},
  { valueOf: () => 2 },
  1n,
  new Number(2),
  Symbol('x'),
];

describe('fast paths are exactly the schemas', () => {
  it('isScore(v) ⇔ Score accepts v (and then Score gives v back)', () => {
    const same = (v: unknown) => {
      const parsed = parseWith(Score, v);
      expect(isScore(v)).toBe(parsed.ok); // (no label: fc.anything() makes objects String() throws on)
      if (parsed.ok) expect(parsed.value).toBe(v);
    };
    for (const v of SCORE_EDGES) same(v);
    fc.assert(fc.property(fc.oneof(fc.anything(), fc.double(), fc.integer({ min: -10, max: 10 })), same), {
      numRuns: 3000,
    });
  });

  it('isId(key) ⇒ Id accepts key (zod counts code points: longer keys go through zod)', () => {
    const same = (s: string) => {
      if (isId(s)) expect(parseWith(Id, s).ok, JSON.stringify(s)).toBe(true);
    };
    for (const n of [0, 1, 2, 199, 200, 201, 1000]) {
      same('x'.repeat(n));
      expect(isId('x'.repeat(n))).toBe(parseWith(Id, 'x'.repeat(n)).ok);
    }
    for (const s of ['😀'.repeat(100), '😀'.repeat(101), '\uD800', '\uD800'.repeat(201), ' ', '\u0000'])
      same(s);
    fc.assert(fc.property(fc.string({ maxLength: 260, unit: 'binary' }), same), { numRuns: 2000 });
    fc.assert(fc.property(fc.string({ minLength: 190, maxLength: 210 }), same), { numRuns: 500 });
  });
});

// ---------------------------------------------------------------------------------------------- the oracle
// The whole-document check as it was before the incremental view (client/src/doc/check.ts), verbatim apart
// from its name and the table's. Do not "fix" it: it is what checkDocument must stay equal to.
function legacyCheck<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  const spec = KIND_CHECKS[kind];
  const quarantine: QuarantineEntry[] = [];
  if (!isRecord(json) || !('id' in json)) {
    return {
      valid: null,
      quarantine: [
        {
          path: '',
          issues: [
            issue(
              '',
              'not_initialised',
              'has no document metadata (not initialised or still loading)',
              'heeft geen documentgegevens (niet aangemaakt of nog aan het laden)',
            ),
          ],
          raw: json ?? null,
        },
      ],
    };
  }
  const shell = clonePlain(json);
  const collectionPaths = [...spec.collections.map((c) => c.path), ...(spec.scores ? [spec.scores] : [])];
  for (const path of collectionPaths) setAt(shell, path, {});

  // Document level: group issues under the most specific path that has a fallback.
  let fatal = false;
  const parsedShell = parseWith(spec.doc, shell);
  if (!parsedShell.ok) {
    const groups = new Map<string, SchemaIssue[]>();
    for (const issue of parsedShell.issues) {
      const group = fallbackPath(spec, issue.path) ?? issue.path.split('.')[0] ?? '';
      groups.set(group, [...(groups.get(group) ?? []), issue]);
    }
    for (const [group, issues] of groups) {
      quarantine.push({ path: group, issues, raw: clonePlain(getAt(json, group) ?? null) });
      const fallback = spec.fallbacks[group];
      if (fallback) setAt(shell, group, fallback(json));
      else fatal = true;
    }
  }

  const valid: Record<string, unknown> = shell;
  for (const c of spec.collections) setAt(valid, c.path, checkCollection(c, getAt(json, c.path), quarantine));
  if (spec.scores) valid[spec.scores] = checkScores(spec.scores, json[spec.scores], quarantine);

  quarantine.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  if (fatal) return { valid: null, quarantine };
  // Safety net: the assembled view must parse (it does unless a fallback is wrong).
  const final = parseWith(spec.doc, valid);
  if (!final.ok) {
    quarantine.push({ path: '', issues: final.issues, raw: null });
    return { valid: null, quarantine };
  }
  return { valid: sortKeys(final.value) as DocJson<K>, quarantine };
}

function fallbackPath(spec: KindCheck, issuePath: string): string | null {
  const parts = issuePath.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (spec.fallbacks[candidate]) return candidate;
  }
  return null;
}

function checkCollection(
  c: CollectionCheck,
  raw: unknown,
  quarantine: QuarantineEntry[],
): Record<string, unknown> {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    quarantine.push({
      path: c.path,
      issues: [
        issue(c.path, 'invalid_type', 'must be a collection of records', 'moet een verzameling records zijn'),
      ],
      raw: clonePlain(raw),
    });
    return {};
  }
  const out: Record<string, unknown> = {};
  for (const [key, record] of Object.entries(raw)) {
    const path = `${c.path}.${key}`;
    if (!isRecord(record)) {
      quarantine.push({
        path,
        issues: [issue(path, 'invalid_type', 'must be a record', 'moet een record zijn')],
        raw: clonePlain(record),
      });
      continue;
    }
    let candidate: Record<string, unknown> = record;
    if (c.sub && isRecord(record[c.sub.field])) {
      const subs: Record<string, unknown> = {};
      for (const [subKey, subRecord] of Object.entries(record[c.sub.field] as Record<string, unknown>)) {
        const subPath = `${path}.${c.sub.field}.${subKey}`;
        const issues = recordIssues(c.sub.item, subRecord, subKey, (r) => r.id);
        if (issues.length)
          quarantine.push({
            path: subPath,
            issues: prefixIssues(subPath, issues),
            raw: clonePlain(subRecord),
          });
        else subs[subKey] = subRecord;
      }
      candidate = { ...record, [c.sub.field]: subs };
    }
    const issues = recordIssues(c.item, candidate, key, c.keyOf ?? ((r) => r.id));
    if (issues.length) quarantine.push({ path, issues: prefixIssues(path, issues), raw: clonePlain(record) });
    else out[key] = clonePlain(candidate);
  }
  return out;
}

function recordIssues(
  schema: z.ZodMiniType,
  record: unknown,
  key: string,
  keyOf: (r: Record<string, unknown>) => unknown,
): SchemaIssue[] {
  const parsed = parseWith(schema, record);
  const issues = parsed.ok ? [] : [...parsed.issues];
  const keyIssue = parseWith(Id, key);
  if (!keyIssue.ok)
    issues.push(
      issue('', 'invalid_key', 'is stored under an invalid key', 'staat onder een ongeldige sleutel'),
    );
  else if (isRecord(record) && parsed.ok && keyOf(record) !== key) {
    issues.push(
      issue(
        'id',
        'key_mismatch',
        `does not match the key it is stored under (${key})`,
        `komt niet overeen met de sleutel waaronder het staat (${key})`,
      ),
    );
  }
  return issues;
}

function checkScores(
  path: string,
  raw: unknown,
  quarantine: QuarantineEntry[],
): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  if (raw === undefined) return out;
  if (!isRecord(raw)) {
    quarantine.push({
      path,
      issues: [issue(path, 'invalid_type', 'must be a score sheet', 'moet een scoreblad zijn')],
      raw: clonePlain(raw),
    });
    return out;
  }
  for (const [relationId, row] of Object.entries(raw)) {
    const rowPath = `${path}.${relationId}`;
    if (!isRecord(row) || !parseWith(Id, relationId).ok) {
      quarantine.push({
        path: rowPath,
        issues: [issue(rowPath, 'invalid_type', 'must be a row of scores', 'moet een rij scores zijn')],
        raw: clonePlain(row),
      });
      continue;
    }
    const cells: Record<string, unknown> = {};
    for (const [criterionId, score] of Object.entries(row)) {
      const cellPath = `${rowPath}.${criterionId}`;
      const parsed = parseWith(Score, score);
      if (parsed.ok && parseWith(Id, criterionId).ok) cells[criterionId] = score;
      else {
        const issues = parsed.ok
          ? [
              issue(
                cellPath,
                'invalid_key',
                'is stored under an invalid key',
                'staat onder een ongeldige sleutel',
              ),
            ]
          : prefixIssues(cellPath, parsed.issues);
        quarantine.push({ path: cellPath, issues, raw: clonePlain(score) });
      }
    }
    out[relationId] = cells;
  }
  return out;
}

function legacyCheckDocument<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  try {
    return legacyCheck(kind, json);
  } catch (error) {
    return {
      valid: null,
      quarantine: [
        {
          path: '',
          issues: [
            issue(
              '',
              'check_failed',
              `could not be checked: ${String(error)}`,
              `kon niet worden gecontroleerd: ${String(error)}`,
            ),
          ],
          raw: json,
        },
      ],
    };
  }
}

// ---------------------------------------------------------------------------------------------- corrupted documents

const JUNK: (() => unknown)[] = [
  () => null,
  () => -1,
  () => 7,
  () => 2.5,
  () => Number.NaN,
  () => -0,
  () => '',
  () => 'x'.repeat(201),
  () => 'x'.repeat(501),
  () => 'half an emoji \uD83D',
  () => '\uDE00 lone low surrogate',
  () => 'yesterday',
  () => [],
  () => [1, 'two'],
  () => ({}),
  () => ({ id: 'other' }),
  () => true,
  () => new Uint8Array([1, 2]),
  () => undefined,
  () => 3,
  () => 'A',
];

/** Every path to an object, with the object. */
function objects(value: unknown, path: string[] = [], out: [string[], Record<string, unknown>][] = []) {
  if (isRecord(value) && !(value instanceof Uint8Array)) {
    out.push([path, value]);
    for (const [k, v] of Object.entries(value)) objects(v, [...path, k], out);
  } else if (Array.isArray(value)) value.forEach((v, i) => objects(v, [...path, String(i)], out));
  return out;
}

function corrupt(json: Record<string, unknown>, rng: Rng): void {
  const [, target] = pick(rng, objects(json));
  const keys = Object.keys(target);
  const key = keys.length ? pick(rng, keys) : 'k';
  switch (int(rng, 7)) {
    case 0:
      delete target[key];
      break;
    case 1: // a new key: junk, or a copy of a sibling record (key mismatch, or a valid one under a new key)
      target[pick(rng, ['extra', 'n-1', '', 'y'.repeat(201), '12', '3', 'constructor', key + '2'])] =
        rng() < 0.5 ? pick(rng, JUNK)() : structuredClone(target[key]);
      break;
    case 2: // a valid-looking string with a lone surrogate where a name goes
      target[key] = typeof target[key] === 'string' ? `${String(target[key])}\uD800` : target[key];
      break;
    default:
      target[key] = pick(rng, JUNK)();
  }
}

/** The same JSON with every object's keys in a random order (imports need not be canonical). */
function shuffled(value: unknown, rng: Rng): unknown {
  if (Array.isArray(value)) return value.map((v) => shuffled(v, rng));
  if (!isRecord(value) || value instanceof Uint8Array) return value;
  const keys = Object.keys(value);
  for (let i = keys.length - 1; i > 0; i--) {
    const j = int(rng, i + 1);
    [keys[i], keys[j]] = [keys[j]!, keys[i]!];
  }
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = shuffled(value[k], rng);
  return out;
}

function same(kind: DocKind, json: unknown, label: string) {
  const before = structuredClone(json);
  const expected = legacyCheckDocument(kind, structuredClone(json));
  const actual = checkDocument(kind, json);
  // node's strict deep equality, not toStrictEqual: records may be stored under `constructor`, which
  // vitest's type check reads as the object's class.
  if (!isDeepStrictEqual(actual, expected)) expect(actual, label).toStrictEqual(expected);
  expect(JSON.stringify(actual), `${label}: key order`).toBe(JSON.stringify(expected));
  expect(isDeepStrictEqual(json, before), `${label}: the input was changed`).toBe(true);
  return actual;
}

const bases = (kind: DocKind) => {
  const doc = new Y.Doc();
  SAMPLES[kind](doc);
  const golden = new Y.Doc();
  Y.applyUpdate(
    golden,
    new Uint8Array(readFileSync(new URL(`../fixtures/docs/${kind}-v1.bin`, import.meta.url))),
  );
  return [readDocument(kind, doc)!, readDocument(kind, golden)!];
};

describe('checkDocument equals the previous whole-document check', () => {
  it.each(DOC_KINDS)('%s: samples, golden fixture and 1,500 corrupted variants', (kind) => {
    let quarantined = 0;
    let unusable = 0;
    for (const base of bases(kind)) {
      same(kind, base, `${kind} base`);
      for (let seed = 1; seed <= 750; seed++) {
        const rng = mulberry32(seed);
        const json = structuredClone(base);
        const n = 1 + int(rng, 4);
        for (let i = 0; i < n; i++) corrupt(json, rng);
        const input = rng() < 0.3 ? shuffled(json, rng) : json;
        const result = same(kind, input, `${kind} seed ${seed}`);
        if (result.quarantine.length) quarantined++;
        if (!result.valid) unusable++;
      }
    }
    // The corruptions reached both records and document-level fields.
    expect(quarantined).toBeGreaterThan(1000);
    expect(unusable).toBeGreaterThan(10);
    expect(unusable).toBeLessThan(1000);
  });

  it('a large score sheet with bad cells and rows', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const json = readDocument('workspace', doc)!;
    const rng = mulberry32(7);
    const scores: Record<string, unknown> = {};
    for (let r = 0; r < 300; r++) {
      const row: Record<string, unknown> = {};
      for (let c = 0; c < 8; c++)
        row[rng() < 0.02 ? pick(rng, ['', 'z'.repeat(201)]) : `c${c}`] =
          rng() < 0.9 ? pick(rng, [1, 2, 3, 4, null]) : pick(rng, JUNK)();
      scores[rng() < 0.01 ? '' : `r${r}`] = rng() < 0.02 ? pick(rng, JUNK)() : row;
    }
    json.scores = scores;
    expect(same('workspace', json, 'scores').quarantine.length).toBeGreaterThan(20);
  });

  it('garbage', () => {
    for (const input of [null, undefined, 42, 'x', [], { id: 1 }, { id: 'x', relations: 5, scores: [1] }])
      for (const kind of DOC_KINDS) same(kind, input, `${kind} ${JSON.stringify(input)}`);
  });
});
