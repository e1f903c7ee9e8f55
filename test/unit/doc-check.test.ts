import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocument, readDocument, readPlan, readWorkspace } from '../../doc/index.ts';
import { SAMPLES, docWithClient, replica, syncAll } from '../fixtures/docs/sample.ts';

/** A "peer" writes raw data into its own replica (bypassing intents), then syncs it to us. */
function fromPeer(kind: 'workspace' | 'plan', write: (peer: Y.Doc) => void) {
  const mine = docWithClient(1);
  SAMPLES[kind](mine);
  const peer = replica(mine, 2);
  peer.transact(() => write(peer), 'peer');
  syncAll(mine, peer);
  return mine;
}

const recordMap = (fields: Record<string, unknown>) => {
  const m = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) m.set(k, v);
  return m;
};

describe('quarantine', () => {
  it('an invalid relation from a peer is reported with its raw value; the rest stays valid; nothing is deleted', () => {
    const doc = fromPeer('workspace', (peer) => {
      peer
        .getMap('relations')
        .set('bad', recordMap({ id: 'bad', name: 'Kapot', kind: 'client', revenue: -5 }));
    });
    const json = readWorkspace(doc)!;
    const { valid, quarantine } = checkDocument('workspace', json);
    expect(quarantine.map((q) => q.path)).toEqual(['relations.bad']);
    expect(quarantine[0]!.issues.map((i) => i.path)).toEqual(
      expect.arrayContaining(['relations.bad.revenue', 'relations.bad.sector', 'relations.bad.teamIds']),
    );
    expect(quarantine[0]!.raw).toMatchObject({ id: 'bad', revenue: -5 });
    expect(Object.keys(valid!.relations).sort()).toEqual(['w-6', 'w-7']);
    expect(valid!.contacts).toEqual(json.contacts);
    // never deleted from the document
    expect(doc.getMap('relations').has('bad')).toBe(true);
    expect(Object.keys(readWorkspace(doc)!.relations as object)).toContain('bad');
  });

  it.each([
    [
      'a score of 7',
      (p: Y.Doc) => (p.getMap('scores').get('w-6') as Y.Map<unknown>).set('w-1', 7),
      'scores.w-6.w-1',
    ],
    [
      'a signal of an unknown kind',
      (p: Y.Doc) => {
        const entry = p.getMap('contactLog').get('w-11') as Y.Map<unknown>;
        (entry.get('signals') as Y.Map<unknown>).set(
          's-x',
          recordMap({ id: 's-x', kind: 'rumour', note: '', followUp: null, handled: false }),
        );
      },
      'contactLog.w-11.signals.s-x',
    ],
    [
      'a record stored under another id',
      (p: Y.Doc) =>
        p
          .getMap('professionals')
          .set(
            'p-x',
            recordMap({ id: 'p-y', name: 'X', email: '', profile: 'specialist', seniority: 'junior' }),
          ),
      'professionals.p-x',
    ],
    [
      'a collection entry that is not a record',
      (p: Y.Doc) => p.getMap('contacts').set('c-x', 42),
      'contacts.c-x',
    ],
    [
      'bad classification settings',
      (p: Y.Doc) => p.getMap('settings').set('classification', { mode: 'magic' }),
      'settings.classification',
    ],
  ])('%s is set aside on its own', (_name, write, path) => {
    const doc = fromPeer('workspace', write);
    const { valid, quarantine } = checkDocument('workspace', readWorkspace(doc));
    expect(quarantine.map((q) => q.path)).toEqual([path]);
    expect(valid).not.toBeNull();
    expect(Object.keys(valid!.relations).sort()).toEqual(['w-6', 'w-7']);
  });

  it('a contact-log entry keeps its valid signals when one signal is bad', () => {
    const doc = fromPeer('workspace', (p) => {
      const entry = p.getMap('contactLog').get('w-11') as Y.Map<unknown>;
      (entry.get('signals') as Y.Map<unknown>).set('s-x', recordMap({ id: 's-x', kind: 'rumour' }));
    });
    const { valid } = checkDocument('workspace', readWorkspace(doc));
    expect(Object.keys(valid!.contactLog['w-11']!.signals)).toEqual(['w-12']);
  });

  it('bad settings fall back to defaults in the valid view (and are reported)', () => {
    const doc = fromPeer('workspace', (p) => p.getMap('settings').set('cadence', { A: -1 }));
    const { valid, quarantine } = checkDocument('workspace', readWorkspace(doc));
    expect(quarantine[0]).toMatchObject({ path: 'settings.cadence', raw: { A: -1 } });
    expect(valid!.settings.cadence).toEqual({ A: 30, B: 90, C: 180, minContactsPerYearA: 6 });
    expect(valid!.settings.name).toBe('Van Dijk Advies');
  });

  it('an over-long plan text falls back to empty in the view, the document keeps it', () => {
    const doc = fromPeer('plan', (p) => p.getText('summary').insert(0, 'x'.repeat(100_001)));
    const { valid, quarantine } = checkDocument('plan', readPlan(doc));
    expect(quarantine.map((q) => q.path)).toEqual(['summary']);
    expect(valid!.summary).toBe('');
    expect(doc.getText('summary').length).toBe(100_001);
  });

  it('missing meta is reported as not initialised, valid is null', () => {
    expect(checkDocument('workspace', readDocument('workspace', new Y.Doc()))).toEqual({
      valid: null,
      quarantine: [
        expect.objectContaining({ path: '', issues: [expect.objectContaining({ code: 'not_initialised' })] }),
      ],
    });
  });

  it('a broken id (no fallback) makes the document unusable but is still reported, never thrown', () => {
    const doc = new Y.Doc();
    SAMPLES.plan(doc);
    doc.getMap('meta').set('createdAt', 'yesterday');
    const { valid, quarantine } = checkDocument('plan', readPlan(doc));
    expect(valid).toBeNull();
    expect(quarantine.map((q) => q.path)).toContain('createdAt');
  });

  it('never throws on garbage', () => {
    for (const input of [null, 42, 'x', [], { id: 1 }, { id: 'x', relations: 5, scores: [1] }]) {
      expect(() => checkDocument('workspace', input)).not.toThrow();
      expect(checkDocument('workspace', input).quarantine.length).toBeGreaterThan(0);
    }
  });
});
