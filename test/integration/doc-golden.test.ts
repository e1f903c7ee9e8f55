/**
 * Golden fixtures: documents encoded by v1 clients (scripts/make-golden-fixtures.ts, committed once) must keep
 * loading through loadDocument, read to the same JSON and pass the current schema — forever. When a kind's
 * schema version is bumped, its migration must turn the old fixture into a valid new document.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { DOC_KINDS, checkDocument, loadDocument, readDocument } from '../../doc/index.ts';

const fixture = (name: string) => new URL(`../fixtures/docs/${name}`, import.meta.url);

/** Every committed fixture: `<kind>-v<version>.bin`, one per kind and schema version it was made at. */
const FIXTURES = readdirSync(fixture(''))
  .map((f) => /^(\w+)-v(\d+)\.bin$/.exec(f))
  .filter((m): m is RegExpExecArray => m !== null && (DOC_KINDS as readonly string[]).includes(m[1]!))
  .map((m) => ({ kind: m[1] as (typeof DOC_KINDS)[number], name: `${m[1]}-v${m[2]}` }));

it('there is a v1 fixture of every kind', () => {
  for (const kind of DOC_KINDS) expect(FIXTURES.map((f) => f.name)).toContain(`${kind}-v1`);
});

describe.each(FIXTURES)('golden fixture $name', ({ kind, name }) => {
  const bytes = new Uint8Array(readFileSync(fixture(`${name}.bin`)));
  const expected = JSON.parse(readFileSync(fixture(`${name}.json`), 'utf8')) as Record<string, unknown>;

  it('loads, migrates to the current version and passes the schema with nothing quarantined', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    expect(loadDocument(kind, doc).status).toBe('ready');
    const { valid, quarantine } = checkDocument(kind, readDocument(kind, doc));
    expect(quarantine).toEqual([]);
    expect(valid).not.toBeNull();
  });

  it('reads to the JSON recorded when it was made (its content is unchanged)', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, bytes);
    const json = readDocument(kind, doc)!;
    // Fields added by later migrations are allowed; what the old version had must still be there.
    expect(json).toMatchObject({ ...expected, schemaVersion: json.schemaVersion });
    expect(Object.keys(expected).length).toBeGreaterThan(5);
  });
});
