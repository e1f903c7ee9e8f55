import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  DOC_KINDS,
  MIGRATIONS,
  MIGRATION_ORIGIN,
  KNOWN_VERSION,
  createUndo,
  loadDocument,
  migrate,
  migrationPath,
  readWorkspace,
  workspaceIntents,
  type Migration,
} from '../../doc/index.ts';
import { SAMPLES, docWithClient, opts, replica, syncAll } from '../fixtures/docs/sample.ts';

/**
 * A synthetic, test-only history on top of the real one (V = this client's workspace version, which the
 * samples are created at): V → V+1 renames relation.sector to industry; V+1 → V+2 adds settings.timezone.
 */
const V = KNOWN_VERSION.workspace;
function table(log: string[] = []): Migration[] {
  return [
    {
      from: V + 1,
      to: V + 2,
      name: 'addTimezone',
      up(doc) {
        log.push('addTimezone');
        const settings = doc.getMap('settings');
        if (!settings.has('timezone')) settings.set('timezone', 'Europe/Amsterdam');
      },
    },
    {
      from: V,
      to: V + 1,
      name: 'renameSectorToIndustry',
      up(doc) {
        log.push('renameSectorToIndustry');
        doc.getMap('relations').forEach((rel) => {
          if (!(rel instanceof Y.Map) || !rel.has('sector')) return;
          rel.set('industry', rel.get('sector'));
          rel.delete('sector');
        });
      },
    },
  ];
}

type Rel = Record<string, Record<string, unknown>>;

describe('migrations', () => {
  it("the real tables are complete chains up to each kind's schema version", () => {
    for (const kind of DOC_KINDS) {
      expect(migrationPath(MIGRATIONS[kind], 1, KNOWN_VERSION[kind]).ok).toBe(true);
    }
  });

  it('run in order (whatever the table order), record their progress, keep unknown keys', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    (doc.getMap('relations').get('w-6') as Y.Map<unknown>).set('futureField', 'kept');
    doc.getMap('meta').set('futureTop', 1);
    const log: string[] = [];
    const result = migrate('workspace', doc, { table: table(log), known: V + 2 });
    expect(result).toEqual({
      status: 'ready',
      version: V + 2,
      applied: ['renameSectorToIndustry', 'addTimezone'],
    });
    expect(log).toEqual(['renameSectorToIndustry', 'addTimezone']);
    const json = readWorkspace(doc)!;
    expect(json.schemaVersion).toBe(V + 2);
    expect((json.relations as Rel)['w-6']).toMatchObject({ industry: 'Food', futureField: 'kept' });
    expect((json.relations as Rel)['w-6']).not.toHaveProperty('sector');
    expect((json.settings as Record<string, unknown>).timezone).toBe('Europe/Amsterdam');
    expect(json.futureTop).toBe(1);
    expect(doc.getMap('versions').toJSON()).toMatchObject({
      [String(V + 1)]: 'renameSectorToIndustry',
      [String(V + 2)]: 'addTimezone',
    });
  });

  it('is idempotent: a second load does nothing', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    migrate('workspace', doc, { table: table(), known: V + 2 });
    const state = Y.encodeStateAsUpdate(doc);
    const log: string[] = [];
    expect(migrate('workspace', doc, { table: table(log), known: V + 2 })).toEqual({
      status: 'ready',
      version: V + 2,
      applied: [],
    });
    expect(log).toEqual([]);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('two clients migrating the same v1 document concurrently converge to one correct v(V+2) document', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    migrate('workspace', a, { table: table(), known: V + 2 });
    migrate('workspace', b, { table: table(), known: V + 2 });
    syncAll(a, b);
    expect(readWorkspace(a)).toEqual(readWorkspace(b));
    const json = readWorkspace(a)!;
    expect(json.schemaVersion).toBe(V + 2);
    expect(Object.values(json.relations as Rel).every((r) => 'industry' in r && !('sector' in r))).toBe(true);
    // and a third client that loads the merged result has nothing left to do
    const c = replica(a, 3);
    expect(migrate('workspace', c, { table: table(), known: V + 2 })).toMatchObject({ applied: [] });
  });

  it('the version never goes down when a slower client writes an older schemaVersion concurrently', () => {
    const a = docWithClient(1);
    SAMPLES.workspace(a);
    const b = replica(a, 2);
    migrate('workspace', a, { table: table(), known: V + 2 });
    migrate('workspace', b, { table: table(), known: V + 1 });
    syncAll(a, b);
    expect(readWorkspace(a)!.schemaVersion).toBe(V + 2);
    expect(readWorkspace(b)!.schemaVersion).toBe(V + 2);
    expect(migrate('workspace', b, { table: table(), known: V + 1 }).status).toBe('newerVersion');
  });

  it('a document from a newer schema is opened read-only with a reason, never written or downgraded', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    migrate('workspace', doc, { table: table(), known: V + 2 });
    const state = Y.encodeStateAsUpdate(doc);
    const result = loadDocument('workspace', doc); // this client knows version V
    expect(result.status).toBe('newerVersion');
    expect(result.status === 'newerVersion' && result.reason.en).toMatch(
      new RegExp(`newer version of Haard \\(schema ${V + 2}; this app knows ${V}\\).*read-only`),
    );
    expect(result.status === 'newerVersion' && result.reason.nl).toMatch(/nieuwere versie/);
    const ws = workspaceIntents(doc, opts('me'));
    const r = ws.rename('Overschreven');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.issues[0]!.code).toBe('read_only');
    expect(ws.addRelation({ name: 'x' }).ok).toBe(false);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('a failing migration leaves the document untouched and says which one failed', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const state = Y.encodeStateAsUpdate(doc);
    const broken: Migration[] = [
      table()[1]!,
      {
        from: V + 1,
        to: V + 2,
        name: 'explodes',
        up: () => {
          throw new Error('boom');
        },
      },
    ];
    const result = migrate('workspace', doc, { table: broken, known: V + 2 });
    expect(result.status).toBe('unreadable');
    expect(result.status === 'unreadable' && result.reason.en).toMatch(/"explodes" failed \(boom\)/);
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('a gap in the table is refused without writing', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const state = Y.encodeStateAsUpdate(doc);
    expect(migrate('workspace', doc, { table: [table()[0]!], known: V + 2 }).status).toBe('unreadable');
    expect(Y.encodeStateAsUpdate(doc)).toEqual(state);
  });

  it('a document that still needs migrating refuses intents until it is loaded', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    doc.getMap('meta').set('schemaVersion', 0);
    const r = workspaceIntents(doc, opts('me')).rename('x');
    expect(!r.ok && r.issues[0]!.code).toBe('not_ready');
  });

  it('migrations run under their own origin: nobody can undo them', () => {
    const doc = new Y.Doc();
    SAMPLES.workspace(doc);
    const undo = createUndo('workspace', doc, 'me');
    const origins: unknown[] = [];
    doc.on('afterTransaction', (tr) => origins.push(tr.origin));
    migrate('workspace', doc, { table: table(), known: V + 2 });
    expect(origins).toEqual([MIGRATION_ORIGIN]);
    expect(undo.canUndo()).toBe(false);
  });

  it('an uninitialised document is reported, not migrated and not seeded', () => {
    const doc = new Y.Doc();
    expect(loadDocument('workspace', doc).status).toBe('uninitialised');
    expect(doc.getMap('meta').size).toBe(0);
  });
});
