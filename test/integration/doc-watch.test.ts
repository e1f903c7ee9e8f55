/** The framework-free core of the Solid stores: status transitions, one update per transaction, quarantine. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { KNOWN_VERSION, watchDocument, workspaceIntents, type DocView } from '../../doc/index.ts';
import { SAMPLES, docWithClient, opts, replica, syncAll } from '../fixtures/docs/sample.ts';

function watched(doc: Y.Doc) {
  const views: DocView<'workspace'>[] = [];
  const w = watchDocument('workspace', doc, (v) => views.push(v));
  return { w, views };
}

describe('watchDocument', () => {
  it('stays "loading" (and shows no data) until load() is called', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const { w, views } = watched(doc);
    expect(w.view().status).toBe('loading');
    expect(w.writable()).toBe(false);
    workspaceIntents(doc, opts('x')).rename('ignored by the view');
    expect(views).toEqual([]);
    expect(w.load().status).toBe('ready');
    expect(w.view()).toMatchObject({ status: 'ready', reason: null, quarantine: [] });
    expect(w.view().data!.settings.name).toBe('ignored by the view');
  });

  it('publishes once per transaction, however many roots it touched', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const { w, views } = watched(doc);
    w.load();
    const n = views.length;
    workspaceIntents(doc, opts('x')).removeRelation('w-6'); // relations, contacts, contactLog, scores
    expect(views.length).toBe(n + 1);
    expect(Object.keys(w.view().data!.relations)).toEqual(['w-7']);
  });

  it('uninitialised until the relay delivers meta, then loads by itself; it never seeds', () => {
    const source = docWithClient(1);
    SAMPLES.workspace(source);
    const doc = docWithClient(2);
    const { w } = watched(doc);
    expect(w.load().status).toBe('uninitialised');
    expect(doc.getMap('meta').size).toBe(0);
    syncAll(source, doc);
    expect(w.view().status).toBe('ready');
    expect(w.view().data!.id).toBe('ws-1');
  });

  it('turns read-only when a peer moves the document to a newer schema', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    const { w } = watched(b);
    w.load();
    a.transact(() => {
      a.getMap('versions').set(String(KNOWN_VERSION.workspace + 1), 'fromTheFuture');
      a.getMap('meta').set('schemaVersion', KNOWN_VERSION.workspace + 1);
    });
    syncAll(a, b);
    expect(w.view().status).toBe('newerVersion');
    expect(w.writable()).toBe(false);
    expect(w.view().reason!.en).toMatch(/read-only/);
  });

  it("reports a peer's invalid record in quarantine while the rest shows", () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    const { w } = watched(b);
    w.load();
    const bad = new Y.Map<unknown>();
    bad.set('id', 'bad');
    a.getMap('professionals').set('bad', bad);
    syncAll(a, b);
    expect(w.view().quarantine.map((q) => q.path)).toEqual(['professionals.bad']);
    expect(Object.keys(w.view().data!.professionals)).toEqual(['w-5']);
    w.destroy();
  });
});
