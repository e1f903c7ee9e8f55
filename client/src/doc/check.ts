/**
 * Schema checks with quarantine. Validates a document's JSON (from `read*`) record by record against the
 * core schemas: an invalid record — typically written by a peer with a bug or an older/newer client — is set
 * aside in `quarantine` with its issues and raw value, while everything else stays usable. Document-level
 * problems (settings, titles, meta) are reported too; where a safe fallback exists (default settings, empty
 * text) the valid view uses it, otherwise `valid` is null. Never throws; never touches the Y.Doc.
 */
import type * as z from 'zod/mini';
import { parseWith, type SchemaIssue } from '../../../core/model/issues.ts';
import { Id } from '../../../core/model/common.ts';
import {
  Contact,
  ContactLogEntry,
  Criterion,
  DEFAULT_CADENCE,
  DEFAULT_CLASSIFICATION,
  Professional,
  Relation,
  Score,
  Signal,
  WorkspaceDoc,
  defaultSettings,
} from '../../../core/model/workspace.ts';
import { AccountPlanDoc, Action, Benefit, Goal, Kpi } from '../../../core/model/plan.ts';
import {
  AgendaItem,
  Card,
  Commitment,
  MeetingBoardDoc,
  ReviewItem,
  Success,
} from '../../../core/model/meeting.ts';
import { Round, TournamentDoc, TournamentEntry } from '../../../core/model/tournament.ts';
import { clonePlain, isRecord } from './json.ts';
import { getAt, setAt, sortKeys } from './read.ts';
import { issue, prefixIssues } from './result.ts';
import type { DocJson, DocKind } from './layout.ts';
import { INITIAL_LIVE } from './seed.ts';

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

interface CollectionCheck {
  path: string;
  item: z.ZodMiniType;
  /** A nested collection inside each record, checked item by item (contact-log signals). */
  sub?: { field: string; item: z.ZodMiniType };
  /** Key that each record must be stored under (default: its `id`). */
  keyOf?: (record: Record<string, unknown>) => unknown;
}

interface KindCheck {
  doc: z.ZodMiniType;
  collections: CollectionCheck[];
  scores?: string;
  /** Fallbacks for document-level fields, by path; a failing field without one makes `valid` null. */
  fallbacks: Record<string, (json: Record<string, unknown>) => unknown>;
}

const empty = () => '';
const CHECKS: Record<DocKind, KindCheck> = {
  workspace: {
    doc: WorkspaceDoc,
    collections: [
      { path: 'professionals', item: Professional },
      { path: 'relations', item: Relation },
      { path: 'contacts', item: Contact },
      { path: 'criteria', item: Criterion },
      { path: 'contactLog', item: ContactLogEntry, sub: { field: 'signals', item: Signal } },
    ],
    scores: 'scores',
    fallbacks: {
      settings: () => defaultSettings('', 'nl'),
      'settings.name': empty,
      'settings.locale': () => 'nl',
      'settings.currency': () => 'EUR',
      'settings.classification': () => clonePlain(DEFAULT_CLASSIFICATION),
      'settings.cadence': () => ({ ...DEFAULT_CADENCE }),
      'settings.acquisitionCost': () => null,
    },
  },
  plan: {
    doc: AccountPlanDoc,
    collections: [
      { path: 'goals', item: Goal },
      { path: 'strategy.benefits', item: Benefit },
      { path: 'actions', item: Action },
      { path: 'kpis', item: Kpi },
    ],
    fallbacks: {
      title: empty,
      updatedAt: (json) => json.createdAt,
      keyPoints: () => [],
      situation: () => ({ text: '', currentServices: '', relationshipForm: '' }),
      'situation.text': empty,
      'situation.currentServices': empty,
      'situation.relationshipForm': empty,
      developments: empty,
      strategy: () => ({ text: '', quadrants: [], benefits: {} }),
      'strategy.text': empty,
      'strategy.quadrants': () => [],
      budget: () => null,
      summary: empty,
      closing: empty,
    },
  },
  meeting: {
    doc: MeetingBoardDoc,
    collections: [
      { path: 'agenda', item: AgendaItem },
      { path: 'review', item: ReviewItem },
      { path: 'cards', item: Card },
      { path: 'commitments', item: Commitment },
      { path: 'successes', item: Success },
    ],
    fallbacks: {
      title: empty,
      facilitatorId: () => null,
      participantIds: () => [],
      previousBoardId: () => null,
      live: () => ({ ...INITIAL_LIVE }),
    },
  },
  tournament: {
    doc: TournamentDoc,
    collections: [
      { path: 'entries', item: TournamentEntry },
      {
        path: 'rounds',
        item: Round,
        keyOf: (r) => (typeof r.index === 'number' ? String(r.index) : r.index),
      },
    ],
    fallbacks: { title: empty },
  },
};

export function checkDocument<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  try {
    return check(kind, json);
  } catch (error) {
    // Defensive: a check must never take the app down.
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

function check<K extends DocKind>(kind: K, json: unknown): CheckResult<K> {
  const spec = CHECKS[kind];
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
