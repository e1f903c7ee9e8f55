/**
 * Golden fixtures: documents encoded by v1 clients (scripts/make-golden-fixtures.ts, committed once) must keep
 * loading through loadDocument, read to the same JSON and pass the current schema — forever. When a kind's
 * schema version is bumped, its migration must turn the old fixture into a valid new document.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_KINDS, checkDocument, loadDocument, readDocument } from '../../doc/index.ts';

const fixture = (name: string) => new URL(`../fixtures/docs/${name}`, import.meta.url);

describe.each(DOC_KINDS)('golden fixture %s-v1', (kind) => {
  const bytes = new Uint8Array(readFileSync(fixture(`${kind}-v1.bin`)));
  const expected = JSON.parse(readFileSync(fixture(`${kind}-v1.json`), 'utf8')) as Record<string, unknown>;

  it('loads, migrates to the current version and passes the schema with nothing quarantined', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    expect(loadDocument(kind, doc).status).toBe('ready');
    const { valid, quarantine } = checkDocument(kind, readDocument(kind, doc));
    expect(quarantine).toEqual([]);
    expect(valid).not.toBeNull();
  });

  it('reads to the JSON recorded when it was made (v1 content is unchanged)', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const json = readDocument(kind, doc)!;
    // Fields added by later migrations are allowed; what v1 had must still be there.
    expect(json).toMatchObject({ ...expected, schemaVersion: json.schemaVersion });
    expect(Object.keys(expected).length).toBeGreaterThan(5);
  });
});
