import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_KINDS,
  ID_LENGTH,
  createPlanDoc,
  createWorkspaceDoc,
  checkDocument,
  documentStatus,
  importDocument,
  isUrlSafeId,
  newId,
  planIntents,
  readDocument,
  readPlan,
  readWorkspace,
  textDiff,
  setTextContent,
  workspaceIntents,
  writeDocument,
} from '../../doc/index.ts';
import { SAMPLES, docWithClient, opts, replica, syncAll } from '../fixtures/docs/sample.ts';

describe('read / write round-trips', () => {
  it.each(DOC_KINDS)(
    '%s: read → write into a fresh doc → read gives the same JSON, and it is schema-valid',
    (kind) => {
      const doc = new Y.Doc();
      SAMPLES[kind](doc);
      const json = readDocument(kind, doc)!;
      expect(checkDocument(kind, json).quarantine).toEqual([]);
      const copy = new Y.Doc();
      expect(writeDocument(kind, copy, json).ok).toBe(true);
      expect(readDocument(kind, copy)).toEqual(json);
      expect(JSON.stringify(readDocument(kind, copy))).toBe(JSON.stringify(json));
    },
  );

  it.each(DOC_KINDS)('%s: importDocument loads, migrates and checks', (kind) => {
    const source = new Y.Doc();
    SAMPLES[kind](source);
    const json = readDocument(kind, source);
    const doc = new Y.Doc();
    const result = importDocument(kind, doc, json);
    expect(result.ok && result.value.load.status).toBe('ready');
    expect(result.ok && result.value.quarantine).toEqual([]);
    expect(readDocument(kind, doc)).toEqual(json);
  });

  it('keeps unknown keys of records and of the document through read and write', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const json = readWorkspace(doc)!;
    const relations = json.relations as Record<string, Record<string, unknown>>;
    relations['w-6']!.futureField = { nested: [1, 2] };
    json.futureTopLevel = 'kept';
    const copy = new Y.Doc();
    writeDocument('workspace', copy, json);
    const back = readWorkspace(copy)!;
    expect((back.relations as typeof relations)['w-6']!.futureField).toEqual({ nested: [1, 2] });
    expect(back.futureTopLevel).toBe('kept');
    const checked = checkDocument('workspace', back);
    expect(checked.quarantine).toEqual([]);
    expect((checked.valid!.relations['w-6'] as Record<string, unknown>).futureField).toEqual({
      nested: [1, 2],
    });
  });

  it('returns copies: mutating a read result never changes the document', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const first = readWorkspace(doc)!;
    (first.settings as { classification: { kinds: string[] } }).classification.kinds.push('prospect');
    (first.relations as Record<string, { tags: string[] }>)['w-6']!.tags.push('mutated');
    expect(readWorkspace(doc)).not.toEqual(first);
    expect(
      (readWorkspace(doc)!.settings as { classification: { kinds: string[] } }).classification.kinds,
    ).toEqual(['client']);
  });

  it('converged replicas read to identical canonical JSON', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    workspaceIntents(a, opts('a')).rename('A');
    workspaceIntents(
      b,
      opts('b', undefined, () => 'zz-1'),
    ).addRelation({ name: 'From B' });
    syncAll(a, b);
    expect(JSON.stringify(readWorkspace(a))).toBe(JSON.stringify(readWorkspace(b)));
  });
});

describe('seeding', () => {
  const seed = { id: 'ws-1', name: 'Team', locale: 'en' as const, now: '2026-03-01T09:00:00.000Z' };

  it('seeds once: a second create on the same document is refused and writes nothing', () => {
    const doc = new Y.Doc();
    expect(createWorkspaceDoc(doc, seed).ok).toBe(true);
    const before = Y.encodeStateVector(doc);
    const again = createWorkspaceDoc(doc, { ...seed, name: 'Other' });
    expect(again.ok).toBe(false);
    expect(!again.ok && again.issues[0]!.code).toBe('already_initialised');
    expect(Y.encodeStateVector(doc)).toEqual(before);
    expect((readWorkspace(doc)!.settings as { name: string }).name).toBe('Team');
  });

  it('seeds a valid starter criteria set (3+ criteria, every category) in the workspace language', () => {
    const doc = new Y.Doc();
    createWorkspaceDoc(doc, { ...seed, locale: 'nl' });
    const criteria = Object.values(
      readWorkspace(doc)!.criteria as Record<string, { name: string; category: string }>,
    );
    expect(criteria.length).toBeGreaterThanOrEqual(3);
    expect(new Set(criteria.map((c) => c.category))).toEqual(
      new Set(['financial', 'strategic', 'relational']),
    );
    expect(criteria.map((c) => c.name)).toContain('Omzet');
  });

  it('refuses an invalid seed and writes nothing', () => {
    const doc = new Y.Doc();
    const r = createPlanDoc(doc, {
      id: 'p',
      workspaceId: 'w',
      relationIds: [],
      title: 'x',
      now: '2026-03-01T09:00:00Z',
    });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues.map((i) => i.path)).toEqual(['relationIds']);
    expect(doc.share.size === 0 || readDocument('plan', doc) === null).toBe(true);
  });

  it('an empty document is "uninitialised", never seeded on load, and refuses intents', () => {
    const doc = new Y.Doc();
    expect(documentStatus('workspace', doc).status).toBe('uninitialised');
    expect(readWorkspace(doc)).toBeNull();
    const r = workspaceIntents(doc, opts('me')).addRelation({ name: 'x' });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.code).toBe('not_ready');
    expect(readWorkspace(doc)).toBeNull();
    expect(doc.getMap('relations').size).toBe(0);
  });

  it("two clients never both seed: the second one sees the first one's meta after sync", () => {
    const a = docWithClient(1);
    createWorkspaceDoc(a, seed);
    const b = replica(a, 2);
    expect(createWorkspaceDoc(b, seed).ok).toBe(false);
  });
});

describe('ids', () => {
  it('are url-safe, long enough and distinct', () => {
    const ids = Array.from({ length: 2000 }, () => newId());
    expect(ids.every((id) => id.length === ID_LENGTH && isUrlSafeId(id))).toBe(true);
    expect(ID_LENGTH).toBeGreaterThanOrEqual(12);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('text diff', () => {
  it.each([
    ['', 'abc', { index: 0, remove: 0, insert: 'abc' }],
    ['abc', '', { index: 0, remove: 3, insert: '' }],
    ['hello world', 'hello brave world', { index: 6, remove: 0, insert: 'brave ' }],
    ['aaa', 'aa', { index: 2, remove: 1, insert: '' }],
    ['x😀y', 'x😁y', { index: 1, remove: 2, insert: '😁' }],
    ['same', 'same', null],
  ])('%j → %j', (from, to, expected) => {
    expect(textDiff(from, to)).toEqual(expected);
  });

  it('a replace-range edit keeps a concurrent edit elsewhere in the same text', () => {
    const a = docWithClient(1);
    const b = docWithClient(2);
    a.getText('t').insert(0, 'The client grows. We deliver audit.');
    syncAll(a, b);
    setTextContent(a.getText('t'), 'The client grows fast. We deliver audit.');
    setTextContent(b.getText('t'), 'The client grows. We deliver audit and tax.');
    syncAll(a, b);
    expect(a.getText('t').toString()).toBe('The client grows fast. We deliver audit and tax.');
    expect(b.getText('t').toString()).toBe(a.getText('t').toString());
  });
});

describe('strings are written well-formed', () => {
  it('a lone surrogate (half an emoji) becomes U+FFFD locally too, so writer and peers agree', () => {
    const a = docWithClient(1);
    SAMPLES.plan(a);
    const b = replica(a, 2);
    const plan = planIntents(a, opts('me'));
    plan.setText('summary', 'ok \ud83d half');
    plan.setTitle('title \ude00');
    syncAll(a, b);
    expect(readPlan(a)!.summary).toBe('ok \ufffd half');
    expect(readPlan(a)!.title).toBe('title \ufffd');
    expect(JSON.stringify(readPlan(b))).toBe(JSON.stringify(readPlan(a)));
  });
});
