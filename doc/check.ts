/**
 * Schema checks with quarantine. Validates a document's JSON (from `read*`) record by record against the
 * core schemas: an invalid record — typically written by a peer with a bug or an older/newer client — is set
 * aside in `quarantine` with its issues and raw value, while everything else stays usable. Document-level
 * problems (settings, titles, meta) are reported too; where a safe fallback exists (default settings, empty
 * text) the valid view uses it, otherwise `valid` is null. Never throws; never touches the Y.Doc.
 *
 * The check is built from parts so that a view can be kept up to date record by record (incremental.ts):
 *  - `checkShell`: the document-level fields (everything but the record collections and the score sheet);
 *  - `recordRootChecks(kind)[i].check(key, record)`: one record of a collection, or one row of scores;
 *  - `finishCheck`: the quarantine in its canonical order and the valid view assembled from the parts.
 * No schema of a document kind relates one record to another or to the document-level fields (every
 * collection is `z.record(Id, Item)`, the score sheet `z.record(Id, z.record(Id, Score))`), so checking the
 * parts separately is the same as checking the whole; test/unit/doc-check-equivalence.test.ts compares it
 * with the previous whole-document check.
 */
import type * as z from 'zod/mini';
import { parseWith, type Parsed, type SchemaIssue } from '../core/model/issues.ts';
import { Id } from '../core/model/common.ts';
import { Score } from '../core/model/workspace.ts';
import { DOC_KINDS } from '../protocol/index.ts';
import { KIND_SPECS } from './kinds/index.ts';
import { clonePlain, isRecord } from './json.ts';
import { getAt, setAt, sortKeys } from './read.ts';
import { issue, prefixIssues } from './result.ts';
import type { DocJson, DocKind } from './layout.ts';

export interface QuarantineEntry {
  /** Dotted path of what was set aside: `relations.r1`, `contactLog.e1.signals.s2`, `scores.r1.c1`, `settings.cadence`. */
  path: string;
  issues: SchemaIssue[];
  /** The value as it is in the document (a copy). */
  raw: unknown;
}

export interface CheckResult<K extends DocKind> {
  valid: DocJson<K> | null;
  quarantine: QuarantineEntry[];
}

export interface CollectionCheck {
  path: string;
  item: z.ZodMiniType;
  /** A nested collection inside each record, checked item by item (contact-log signals). */
  sub?: { field: string; item: z.ZodMiniType };
  /** Key that each record must be stored under (default: its `id`). */
  keyOf?: (record: Record<string, unknown>) => unknown;
}

export interface KindCheck {
  doc: z.ZodMiniType;
  collections: CollectionCheck[];
  scores?: string;
  /** Fallbacks for document-level fields, by path; a failing field without one makes `valid` null. */
  fallbacks: Record<string, (json: Record<string, unknown>) => unknown>;
}

/** What is checked, per kind, derived from its spec (exported for test/unit/doc-check-equivalence.test.ts). */
export const KIND_CHECKS: Readonly<Record<DocKind, KindCheck>> = Object.fromEntries(
  DOC_KINDS.map((kind) => {
    const spec = KIND_SPECS[kind];
    const check: KindCheck = {
      doc: spec.schema,
      collections: spec.collections.map(({ path, item, sub, keyOf }) => ({
        path,
        item,
        ...(sub ? { sub } : {}),
        ...(keyOf ? { keyOf } : {}),
      })),
      ...(spec.scores ? { scores: spec.scores } : {}),
      fallbacks: spec.fallbacks,
    };
    return [kind, check];
  }),
) as Record<DocKind, KindCheck>;

export function checkDocument<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  try {
    return check(kind, json);
  } catch (error) {
    return checkFailed(json, error);
  }
}

/** Defensive: a check must never take the app down. */
export function checkFailed<K extends DocKind>(json: unknown, error: unknown): CheckResult<K> {
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

/** The result for a document without meta (`readDocument` gave null): nothing is valid yet. */
export function notInitialised<K extends DocKind>(json: unknown): CheckResult<K> {
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

function check<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  if (!isRecord(json) || !('id' in json)) return notInitialised(json);
  // One well-formed copy up front: every part below may then keep what it checked without copying again.
  const input = clonePlain(json);
  const shell = checkShell(kind, input, (path) => getAt(input, path));
  const roots = recordRootChecks(kind).map((root) => checkRoot(root, getAt(input, root.path)));
  return finishCheck(kind, shell, roots);
}

// ---------------------------------------------------------------------------------------------- fast paths
/**
 * Exactly `Score` (`null`, or an integer 1–4): the score sheet holds 8 cells per relation, and zod costs
 * ~2 µs a cell. Values this rejects still go through zod, for its issues.
 */
export const isScore = (value: unknown): boolean =>
  value === null || value === 1 || value === 2 || value === 3 || value === 4;

/** Exactly `Id` for a string (the record keys of every collection): 1–200 UTF-16 code units. */
export const isId = (key: string): boolean => key.length >= 1 && key.length <= 200;

const validKey = (key: string): boolean => isId(key) || parseWith(Id, key).ok;

// ---------------------------------------------------------------------------------------------- records
/** One record (or row of scores) checked: what goes into the valid view, and what is set aside. */
export interface RecordCheck {
  /** The record as it is in the valid view (parsed, keys sorted); undefined when it is set aside. */
  valid: unknown;
  /** Entries set aside, in the order the whole-document check reports them (a record's signals first). */
  quarantine: QuarantineEntry[];
}

/** A root of records — a collection, or the score sheet — and how to check one of its records. */
export interface RecordRootCheck {
  /** JSON path: `relations`, `strategy.benefits`, `scores`. */
  path: string;
  /**
   * Check the record stored under `key`. The record must be a well-formed copy the caller owns (from
   * `toJson`/`readDocument`, or `clonePlain`): the valid view may keep parts of it.
   */
  check(key: string, record: unknown): RecordCheck;
  /** The entry for a root that is not a collection at all. */
  notACollection(raw: unknown): QuarantineEntry;
}

/** The record roots of a kind, in the order their quarantine entries are reported. */
export function recordRootChecks(kind: DocKind): readonly RecordRootCheck[] {
  return ROOT_CHECKS[kind];
}

const ROOT_CHECKS = Object.fromEntries(
  (Object.keys(KIND_CHECKS) as DocKind[]).map((kind) => {
    const spec = KIND_CHECKS[kind];
    const roots: RecordRootCheck[] = spec.collections.map((c) => ({
      path: c.path,
      check: (key, record) => checkRecord(c, key, record),
      notACollection: (raw) => ({
        path: c.path,
        issues: [
          issue(
            c.path,
            'invalid_type',
            'must be a collection of records',
            'moet een verzameling records zijn',
          ),
        ],
        raw: clonePlain(raw),
      }),
    }));
    const scores = spec.scores;
    if (scores) {
      roots.push({
        path: scores,
        check: (key, row) => checkScoreRow(scores, key, row),
        notACollection: (raw) => ({
          path: scores,
          issues: [issue(scores, 'invalid_type', 'must be a score sheet', 'moet een scoreblad zijn')],
          raw: clonePlain(raw),
        }),
      });
    }
    return [kind, roots];
  }),
) as unknown as Record<DocKind, readonly RecordRootCheck[]>;

function checkRecord(c: CollectionCheck, key: string, record: unknown): RecordCheck {
  const path = `${c.path}.${key}`;
  if (!isRecord(record)) {
    return {
      valid: undefined,
      quarantine: [
        {
          path,
          issues: [issue(path, 'invalid_type', 'must be a record', 'moet een record zijn')],
          raw: clonePlain(record),
        },
      ],
    };
  }
  const quarantine: QuarantineEntry[] = [];
  let candidate: Record<string, unknown> = record;
  if (c.sub && isRecord(record[c.sub.field])) {
    const subs: Record<string, unknown> = {};
    for (const [subKey, subRecord] of Object.entries(record[c.sub.field] as Record<string, unknown>)) {
      const subPath = `${path}.${c.sub.field}.${subKey}`;
      const issues = recordIssues(parseWith(c.sub.item, subRecord), subRecord, subKey, (r) => r.id);
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
  const parsed = parseWith(c.item, candidate);
  const issues = recordIssues(parsed, candidate, key, c.keyOf ?? ((r) => r.id));
  if (issues.length || !parsed.ok) {
    quarantine.push({ path, issues: prefixIssues(path, issues), raw: clonePlain(record) });
    return { valid: undefined, quarantine };
  }
  return { valid: sortKeys(parsed.value), quarantine };
}

function recordIssues(
  parsed: Parsed<unknown>,
  record: unknown,
  key: string,
  keyOf: (r: Record<string, unknown>) => unknown,
): SchemaIssue[] {
  const issues = parsed.ok ? [] : [...parsed.issues];
  if (!validKey(key))
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

function checkScoreRow(path: string, relationId: string, row: unknown): RecordCheck {
  const rowPath = `${path}.${relationId}`;
  if (!isRecord(row) || !validKey(relationId)) {
    return {
      valid: undefined,
      quarantine: [
        {
          path: rowPath,
          issues: [issue(rowPath, 'invalid_type', 'must be a row of scores', 'moet een rij scores zijn')],
          raw: clonePlain(row),
        },
      ],
    };
  }
  const quarantine: QuarantineEntry[] = [];
  const cells: Record<string, unknown> = {};
  for (const [criterionId, score] of Object.entries(row)) {
    if (isScore(score) && isId(criterionId)) {
      cells[criterionId] = score;
      continue;
    }
    const cellPath = `${rowPath}.${criterionId}`;
    const parsed = parseWith(Score, score);
    if (parsed.ok && validKey(criterionId)) cells[criterionId] = score;
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
  return { valid: sortKeys(cells), quarantine };
}

/** Check every record of one root (`raw` is the root's JSON, owned by the caller). */
function checkRoot(root: RecordRootCheck, raw: unknown): CheckedRoot {
  if (raw === undefined) return { valid: {}, quarantine: [] };
  if (!isRecord(raw)) return { valid: {}, quarantine: [root.notACollection(raw)] };
  const quarantine: QuarantineEntry[] = [];
  const valid = new Map<string, unknown>();
  for (const [key, record] of Object.entries(raw)) {
    const checked = root.check(key, record);
    for (const entry of checked.quarantine) quarantine.push(entry);
    if (checked.valid !== undefined) valid.set(key, checked.valid);
  }
  return { valid: inKeyOrder(valid), quarantine };
}

/** An object of `entries` with its keys inserted in sorted order — what `sortKeys` gives. */
function inKeyOrder(entries: ReadonlyMap<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of [...entries.keys()].sort()) out[key] = entries.get(key);
  return out;
}

// ---------------------------------------------------------------------------------------------- document level
export interface ShellCheck {
  /** Document-level entries (settings, titles, meta), grouped under the most specific fallback path. */
  quarantine: QuarantineEntry[];
  /**
   * The document-level fields as they are in the valid view (parsed, keys sorted), every record root an
   * empty `{}`; null when the document is unusable (a failing field without fallback, or `failure`).
   */
  base: Record<string, unknown> | null;
  /** Issues of the safety-net parse (a wrong fallback): reported at path '' after everything else. */
  failure: SchemaIssue[] | null;
  /** The paths of `quarantine` (their raw value may include records: `strategy` holds `strategy.benefits`). */
  groups: string[];
}

/**
 * Check the document-level fields of `json` (a well-formed copy; record roots may be present or not, they
 * are replaced by `{}` here). `rawAt(path)` gives the document's value at a path for a quarantine entry —
 * records included. Fallbacks get `json` and may only read document-level fields.
 */
export function checkShell(
  kind: DocKind,
  json: Record<string, unknown>,
  rawAt: (path: string) => unknown,
): ShellCheck {
  const spec = KIND_CHECKS[kind];
  const quarantine: QuarantineEntry[] = [];
  const groups: string[] = [];
  const shell = clonePlain(withEmptyRoots(kind, json));

  // Document level: group issues under the most specific path that has a fallback.
  let fatal = false;
  const parsedShell = parseWith(spec.doc, shell);
  if (!parsedShell.ok) {
    const grouped = new Map<string, SchemaIssue[]>();
    for (const issue of parsedShell.issues) {
      const group = fallbackPath(spec, issue.path) ?? issue.path.split('.')[0] ?? '';
      grouped.set(group, [...(grouped.get(group) ?? []), issue]);
    }
    for (const [group, issues] of grouped) {
      groups.push(group);
      quarantine.push({ path: group, issues, raw: clonePlain(rawAt(group) ?? null) });
      const fallback = spec.fallbacks[group];
      if (fallback) setAt(shell, group, fallback(json));
      else fatal = true;
    }
  }
  if (fatal) return { quarantine, base: null, failure: null, groups };
  // Safety net: the assembled view must parse (it does unless a fallback is wrong). Records need no second
  // parse: each passed its own schema and is stored under a valid key, which is all a collection asks.
  const final = parseWith(spec.doc, shell);
  if (!final.ok) return { quarantine, base: null, failure: final.issues, groups };
  return { quarantine, base: sortKeys(final.value as Record<string, unknown>), failure: null, groups };
}

/** `json` with every record root replaced by `{}` (a shallow copy: `json` itself is not changed). */
function withEmptyRoots(kind: DocKind, json: Record<string, unknown>): Record<string, unknown> {
  const out = { ...json };
  for (const root of ROOT_CHECKS[kind]) setAtCopy(out, root.path, {});
  return out;
}

/**
 * `setAt` without changing what `root` shares with others: every object on the way is copied first
 * (a non-object on the way is replaced by `{}`, as `setAt` does).
 */
function setAtCopy(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = root;
  for (const key of keys) {
    const next = target[key];
    const copy = isRecord(next) ? { ...next } : {};
    target[key] = copy;
    target = copy;
  }
  target[last] = value;
}

function fallbackPath(spec: KindCheck, issuePath: string): string | null {
  const parts = issuePath.split('.');
  for (let n = parts.length; n > 0; n--) {
    const candidate = parts.slice(0, n).join('.');
    if (spec.fallbacks[candidate]) return candidate;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------- assembly
/** One record root checked: its valid records (keys sorted) and its entries in reporting order. */
export interface CheckedRoot {
  valid: Record<string, unknown>;
  quarantine: readonly QuarantineEntry[];
}

const byPath = (a: QuarantineEntry, b: QuarantineEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/**
 * The check result from its parts: `roots` in the order of `recordRootChecks(kind)`. Shares the records and
 * document-level values of its inputs (the result must be treated as read-only); the objects on the way to a
 * record root are new.
 */
export function finishCheck<K extends DocKind>(
  kind: K,
  shell: ShellCheck,
  roots: readonly CheckedRoot[],
): CheckResult<K> {
  const quarantine = [...shell.quarantine];
  for (const root of roots) for (const entry of root.quarantine) quarantine.push(entry);
  quarantine.sort(byPath);
  if (shell.failure) {
    quarantine.push({ path: '', issues: shell.failure, raw: null });
    return { valid: null, quarantine };
  }
  if (!shell.base) return { valid: null, quarantine };
  const valid = { ...shell.base };
  ROOT_CHECKS[kind].forEach((root, i) => setAtCopy(valid, root.path, roots[i]!.valid));
  return { valid: valid as DocJson<K>, quarantine };
}
