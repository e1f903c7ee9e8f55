/**
 * Export → import into an empty workspace reproduces the relations and contacts exactly: every field the
 * CSV carries, ids included, in both file formats; owners by name. Importing the export back into the
 * workspace it came from changes nothing (issue 11 §5).
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceDoc, readWorkspace, workspaceIntents } from '../../doc/index.ts';
import { decodeBytes, parseCsv } from '../../client/src/io/csv.ts';
import { exportCsv } from '../../client/src/io/csvExport.ts';
import { planImport } from '../../client/src/io/csvImport.ts';
import { suggestMapping } from '../../client/src/io/fields.ts';
import type { Contact, Relation, WorkspaceDoc } from '../../core/model/index.ts';
import { assertOk, clock, opts, seqIds } from '../fixtures/docs/sample.ts';

function emptyWorkspace(id: string) {
  const doc = new Y.Doc();
  assertOk(
    createWorkspaceDoc(doc, {
      id,
      name: 'Leeg',
      locale: 'nl',
      now: '2026-03-01T09:00:00.000Z',
      newId: seqIds(id),
    }),
  );
  return { doc, ws: workspaceIntents(doc, opts('me', clock(), seqIds(`${id}-n`))) };
}

function source(): WorkspaceDoc {
  const { doc, ws } = emptyWorkspace('src');
  const anna = assertOk(ws.addProfessional({ name: 'Anna de Vries', email: 'anna@example.nl' }));
  const a = assertOk(
    ws.addRelation({
      ownerId: anna,
      name: 'Bouwbedrijf De Vries B.V.',
      kind: 'client',
      sector: 'Bouw',
      revenue: 1_250_000.5,
      potential: 123.456,
      tags: ['aannemer', 'regio Utrecht, Zeist', 'x;y'],
      notes: 'Twee regels:\n"geciteerd" en ; en ,\n=SOM(A1:A2)',
    }),
  );
  const b = assertOk(
    ws.addRelation({
      name: 'Café De Zwaan',
      kind: 'prospect',
      revenue: 0,
      potential: 0.1 + 0.2,
      tags: ['horeca, eten'],
    }),
  );
  assertOk(ws.addRelation({ name: 'Stichting Zonder Contacten', kind: 'other', sector: '', tags: [] }));
  assertOk(ws.addRelation({ name: '-Streepje & Co', kind: 'supplier', revenue: 999.999 }));
  assertOk(
    ws.addContact({
      relationId: a,
      name: 'Jan de Vries',
      title: 'Directeur',
      dmuRole: 'decider',
      attitude: 'supporter',
      strength: 5,
      email: 'jan@devries.nl',
      phone: '+31 6 1234 5678',
      personal: { birthday: '04-12', hobbies: 'zeilen', car: 'Volvo', coffee: 'zwart' },
    }),
  );
  assertOk(
    ws.addContact({
      relationId: a,
      name: 'Petra Smit',
      title: 'Inkoop',
      dmuRole: 'buyer',
      attitude: 'critic',
      strength: 2,
      phone: '0612345678',
      personal: { birthday: '1974-04-14' },
    }),
  );
  assertOk(
    ws.addContact({
      relationId: b,
      name: 'Ruud Mulder',
      title: '@bedrijfsleider',
      dmuRole: 'influencer',
      strength: 0,
      phone: '="06"',
      personal: { birthday: '12-31' },
    }),
  );
  return readWorkspace(doc) as WorkspaceDoc;
}

const carried = (data: WorkspaceDoc) => (r: Relation) => ({
  owner: r.ownerId ? data.professionals[r.ownerId]!.name : null,
  id: r.id,
  name: r.name,
  kind: r.kind,
  sector: r.sector,
  revenue: r.revenue,
  potential: r.potential,
  tags: r.tags,
  notes: r.notes,
});

describe.each([
  ['nl', 'nl'],
  ['en', 'en'],
  ['nl', 'en'],
] as const)('CSV round trip (headers %s, numbers %s)', (locale, format) => {
  it('reproduces relations and contacts exactly in an empty workspace, in one import', () => {
    const before = source();
    const text = exportCsv(before, { locale, format, includePersonal: true });
    const bytes = new TextEncoder().encode(text);
    const csv = parseCsv(decodeBytes(bytes).text);
    expect(csv.problems).toEqual([]);
    const { doc, ws } = emptyWorkspace('dst');
    const plan = planImport(
      csv,
      { relations: {}, contacts: {} },
      {
        mapping: suggestMapping(csv.headers),
        numberFormat: 'auto',
        duplicates: null,
        excluded: new Set(),
        newId: seqIds('unused'),
      },
    );
    expect(plan.issues).toEqual([]);
    assertOk(ws.importRecords(plan.records!));
    const after = readWorkspace(doc) as WorkspaceDoc;
    expect(Object.values(after.relations).map(carried(after))).toEqual(
      Object.values(before.relations).map(carried(before)),
    );
    expect(after.contacts).toEqual(before.contacts as Record<string, Contact>);
    expect(Object.values(after.professionals).map((p) => p.name)).toEqual(['Anna de Vries']);

    // And exporting again gives the same file.
    expect(exportCsv(after, { locale, format, includePersonal: true })).toBe(text);
  });

  it('imported back into the workspace it came from: no changes', () => {
    const before = source();
    const csv = parseCsv(exportCsv(before, { locale, format, includePersonal: true }));
    const plan = planImport(csv, before, {
      mapping: suggestMapping(csv.headers),
      numberFormat: 'auto',
      duplicates: null,
      excluded: new Set(),
      newId: seqIds('unused'),
    });
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toMatchObject({ add: 0, update: 0, unchanged: 4, contactsAdd: 0, contactsUpdate: 0 });
    expect(plan.duplicates).toBe(0);
    expect(plan.records).toBeNull();
  });
});

it('a phone number is written so that Excel shows it as it is; nothing else escapes the formula guard', () => {
  const text = exportCsv(source(), { locale: 'nl', format: 'nl', includePersonal: true });
  expect(text).toContain(';"=""+31 6 1234 5678"""');
  expect(text).toContain(';"=""0612345678"""');
  expect(text).toContain(`;"'=""06"""`); // a phone that is itself a formula gets its apostrophe
  expect(text).toContain(';1974-04-14;');
  expect(text).toContain(';31-12;'); // a birthday without a year: day-month
});

it('personal facts are only exported when asked for', () => {
  const text = exportCsv(source(), { locale: 'nl', format: 'nl', includePersonal: false });
  expect(text).not.toContain('zeilen');
  expect(text.split('\r\n')[0]).not.toContain('Verjaardag');
});

it('cells a spreadsheet would run as a formula are escaped', () => {
  const text = exportCsv(source(), { locale: 'en', format: 'en', includePersonal: false });
  expect(text).toContain("'-Streepje & Co");
  expect(text).toContain("'@bedrijfsleider");
});
