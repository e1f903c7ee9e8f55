/** The workspace's real migrations (doc/migrations/workspace.ts), run on a document saved by a v1 client. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { checkDocument, loadDocument, readWorkspace } from '../../doc/index.ts';
import { SCHEMA_VERSION, type WorkspaceDoc } from '../../core/model/index.ts';
import { replica, syncAll } from '../fixtures/docs/sample.ts';

/** The v1 golden fixture, with contacts whose birthdays schema 1 accepted (written as a v1 client would). */
function v1WithBirthdays(): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(
    doc,
    new Uint8Array(readFileSync(new URL('../fixtures/docs/workspace-v1.bin', import.meta.url))),
  );
  expect(doc.getMap('meta').get('schemaVersion')).toBe(1);
  const relationId = [...doc.getMap('relations').keys()][0]!;
  const contact = (id: string, personal: Record<string, unknown>) => {
    const m = new Y.Map<unknown>();
    for (const [k, v] of Object.entries({
      id,
      relationId,
      name: id,
      title: '',
      dmuRole: null,
      attitude: null,
      strength: 0,
      knownBy: [],
      personal,
    }))
      m.set(k, v);
    doc.getMap('contacts').set(id, m);
  };
  doc.transact(() => {
    contact('feb31', { birthday: '1991-02-31', hobbies: 'zeilen' });
    contact('month15', { birthday: '1985-15-03' });
    contact('zero', { birthday: '00-00' });
    contact('leap', { birthday: '02-29' });
    contact('fine', { birthday: '1974-04-14' });
  });
  return doc;
}

describe('workspace 1 → 2: realBirthdays', () => {
  it('moves each impossible birthday aside unchanged; real ones stay; the document passes schema 2', () => {
    const doc = v1WithBirthdays();
    expect(loadDocument('workspace', doc)).toEqual({
      status: 'ready',
      version: 3,
      applied: ['realBirthdays', 'notesAsText'],
    });
    const json = readWorkspace(doc) as unknown as WorkspaceDoc;
    const personal = (id: string) => (json.contacts[id] as { personal: Record<string, unknown> }).personal;
    expect(personal('feb31')).toEqual({ birthdayAsEntered: '1991-02-31', hobbies: 'zeilen' });
    expect(personal('month15')).toEqual({ birthdayAsEntered: '1985-15-03' });
    expect(personal('zero')).toEqual({ birthdayAsEntered: '00-00' });
    expect(personal('leap')).toEqual({ birthday: '02-29' });
    expect(personal('fine')).toEqual({ birthday: '1974-04-14' });
    const checked = checkDocument('workspace', json);
    expect(checked.quarantine).toEqual([]);
    expect(Object.keys(checked.valid!.contacts)).toHaveLength(Object.keys(json.contacts).length);
  });

  it('without the migration the same contacts would be quarantined (the check is real)', () => {
    const json = readWorkspace(v1WithBirthdays())!;
    const checked = checkDocument('workspace', { ...json, schemaVersion: SCHEMA_VERSION.workspace });
    expect(checked.quarantine.map((q) => q.path).sort()).toEqual([
      'contacts.feb31',
      'contacts.month15',
      'contacts.zero',
    ]);
  });

  it('two clients migrating at once converge', () => {
    const a = v1WithBirthdays();
    const b = replica(a, 99);
    loadDocument('workspace', a);
    loadDocument('workspace', b);
    syncAll(a, b);
    expect(readWorkspace(a)).toEqual(readWorkspace(b));
    expect(loadDocument('workspace', a)).toMatchObject({ applied: [] });
  });
});
