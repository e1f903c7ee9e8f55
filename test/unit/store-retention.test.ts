/**
 * History retention (server/store/retention.ts, history design §5): versions before the horizon are removed,
 * content deleted in every remaining version (or, when none remains, in the newest removed one) is
 * garbage-collected, every
 * remaining version still opens and the live state is unchanged.
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { openVersion, readVersions, saveVersion } from '../../doc/history/versions.ts';
import { applyRetention } from '../../server/store/retention.ts';

const day = (d: number) => `2026-01-${String(d).padStart(2, '0')}T12:00:00.000Z`;
const author = { by: 'u1', byName: 'Anna' };
const save = (doc: Y.Doc, id: string, d: number) => {
  const saved = saveVersion(doc, { ...author, id, name: id, at: day(d) });
  if (!saved.ok) throw new Error('not saved');
};

/** A document with three versions: beta deleted between v1 and v2, gamma after v3. */
function history(): { doc: Y.Doc; big: string } {
  const doc = new Y.Doc({ gc: false });
  doc.getMap('meta').set('id', 'p1');
  const text = doc.getText('situation.text');
  const big = 'beta '.repeat(2_000);
  text.insert(0, `alpha ${big}gamma`);
  save(doc, 'named:v1', 1);
  text.delete(6, big.length);
  save(doc, 'named:v2', 3);
  text.insert(text.length, ' delta');
  save(doc, 'named:v3', 6);
  text.delete(6, 'gamma'.length);
  return { doc, big };
}

const textOf = (doc: Y.Doc, id: string): string => {
  const version = readVersions(doc).find((v) => v.id === id)!;
  const opened = openVersion(doc, version);
  if (!opened.ok) throw new Error(opened.issues[0]!.message);
  try {
    return opened.value.getText('situation.text').toString();
  } finally {
    opened.value.destroy();
  }
};

const reload = (state: Uint8Array): Y.Doc => {
  const doc = new Y.Doc({ gc: false });
  Y.applyUpdate(doc, state);
  return doc;
};

describe('applyRetention', () => {
  it('removes versions before the horizon, collects what only they showed, keeps the rest', () => {
    const { doc } = history();
    const live = doc.getText('situation.text').toString();
    const before = Y.encodeStateAsUpdate(doc).length;
    const peer = reload(Y.encodeStateAsUpdate(doc));
    const result = applyRetention(doc, day(4));
    expect(result.removedVersions).toBe(2);
    expect(result.edits).not.toBeNull();

    const after = reload(result.state);
    expect(after.getText('situation.text').toString()).toBe(live);
    expect(readVersions(after).map((v) => v.id)).toEqual(['named:v3']);
    expect(textOf(after, 'named:v3')).toBe('alpha gamma delta');
    // The 10,000 characters deleted before v2 are gone from the store, and both old snapshots with them.
    expect(result.state.length).toBeLessThan(before - 9_000);
    // The live document gets the same removal as an edit.
    Y.applyUpdate(peer, result.edits!);
    expect(readVersions(peer).map((v) => v.id)).toEqual(['named:v3']);
  });

  it('keeps content a remaining version shows, collects what none shows', () => {
    const { doc } = history();
    const result = applyRetention(doc, day(2)); // only v1 expires; beta is deleted in v2 and v3
    expect(result.removedVersions).toBe(1);
    const after = reload(result.state);
    expect(textOf(after, 'named:v2')).toBe('alpha gamma');
    expect(textOf(after, 'named:v3')).toBe('alpha gamma delta');
    expect(result.state.length).toBeLessThan(2_000);
    // Without expired versions nothing is collected, though v2 and v3 do not show beta either.
    expect(applyRetention(history().doc, day(1)).state.length).toBeGreaterThan(10_000);
  });

  it('changes nothing when no version is older than the horizon', () => {
    const { doc } = history();
    const state = Y.encodeStateAsUpdate(doc);
    const result = applyRetention(doc, day(1));
    expect(result).toEqual({ state, edits: null, removedVersions: 0 });
  });

  it('collects every deletion before the newest version when all versions expired', () => {
    const { doc } = history();
    const live = doc.getText('situation.text').toString();
    const result = applyRetention(doc, day(30));
    expect(result.removedVersions).toBe(3);
    const after = reload(result.state);
    expect(after.getText('situation.text').toString()).toBe(live);
    expect(readVersions(after)).toEqual([]);
    expect(result.state.length).toBeLessThan(1_000);
  });
});
