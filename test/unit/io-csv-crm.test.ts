/**
 * Issue 11 §5: a CRM's contact export imports without editing the file — mapped once (combining first and
 * last name, value by value for the lifecycle stage), with owners, birthdays, the start of each relation's
 * history, and the mapping remembered; a second import of the same export is "no changes".
 */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createWorkspaceDoc, readWorkspace, workspaceIntents } from '../../doc/index.ts';
import { decodeBytes, parseCsv } from '../../client/src/io/csv.ts';
import { planImport, type ExistingData, type ImportOptions } from '../../client/src/io/csvImport.ts';
import { suggestMapping, type Target } from '../../client/src/io/fields.ts';
import { rememberedMapping } from '../../client/src/io/importValues.ts';
import type { WorkspaceDoc } from '../../core/model/index.ts';
import { CRM_HEADERS, CRM_OWNERS, crmContactsCsv, crmRows } from '../fixtures/csv/crm.ts';
import { assertOk, clock, opts, seqIds } from '../fixtures/docs/sample.ts';

const read = () => parseCsv(decodeBytes(new TextEncoder().encode(crmContactsCsv())).text);
const options = (mapping: ImportOptions['mapping'], over: Partial<ImportOptions> = {}): ImportOptions => ({
  mapping,
  numberFormat: 'auto',
  dateOrder: 'auto',
  duplicates: null,
  excluded: new Set(),
  newId: seqIds('n'),
  historyNote: 'Last activity in the CRM',
  ...over,
});
const existingOf = (data: WorkspaceDoc): ExistingData => ({ ...data, memory: data.settings.importMemory });

function workspace() {
  const doc = new Y.Doc();
  assertOk(createWorkspaceDoc(doc, { id: 'ws', name: 'Firma', locale: 'nl', now: '2026-03-01T09:00:00Z' }));
  const ws = workspaceIntents(doc, opts('me', clock(), seqIds('w')));
  return { doc, ws, data: () => readWorkspace(doc) as WorkspaceDoc };
}

describe('a CRM contacts export (129 rows, 60 companies)', () => {
  it('is mapped by itself: company, combined name, owner, stage, last activity, birthday', () => {
    expect(suggestMapping(CRM_HEADERS)).toEqual([
      'ignore', // Record ID
      'contact.name', // First Name
      'contact.name', // Last Name
      'contact.email',
      'contact.phone',
      'contact.title',
      'contact.owner',
      'relation.name', // Associated Company
      'relation.kind', // Lifecycle Stage
      'log.lastActivity',
      'contact.birthday',
      'ignore', // Create Date
    ]);
  });

  it('asks once what “Evangelist” means; then every row imports with its owner, dates and history', () => {
    const csv = read();
    expect(csv.rows).toHaveLength(129);
    const { ws, data } = workspace();
    const mapping = suggestMapping(csv.headers);
    const first = planImport(csv, existingOf(data()), options(mapping));
    expect(first.issues).toEqual([]);
    const stage = first.values.find((v) => v.field === 'relation.kind')!;
    expect(stage.entries.map((e) => [e.text, e.count, e.choice])).toEqual([
      ['Klant', 33, 'client'],
      ['Lead', 32, 'prospect'],
      ['Evangelist', 32, null],
      ['Opportunity', 32, 'prospect'],
    ]);
    expect(first.records).toBeNull();
    expect(first.dates).toMatchObject({ used: 'dmy', assumed: false });

    const plan = planImport(
      csv,
      existingOf(data()),
      options(mapping, { values: { 'relation.kind': { evangelist: 'tag' } } }),
    );
    expect(plan.issues).toEqual([]);
    expect(plan.counts).toMatchObject({
      add: 60,
      contactsAdd: 129,
      history: 129,
      professionals: 5,
    });
    const result = assertOk(ws.importRecords(plan.records!));
    expect(result).toMatchObject({
      relationsAdded: 60,
      contactsAdded: 129,
      professionalsAdded: 5,
      contactLogAdded: 129,
    });

    const after = data();
    const pros = Object.values(after.professionals);
    expect(pros.map((p) => p.name).sort()).toEqual([...CRM_OWNERS].sort());
    const proName = (id: string | null) => pros.find((p) => p.id === id)?.name;
    const relations = Object.values(after.relations);
    expect(relations.every((r) => r.ownerId !== null)).toBe(true); // no empty team fit
    const rows = crmRows();
    // The first company: its owner is the first row's contact owner; the other contact owner joins the team.
    const r0 = relations.find((r) => r.name === rows[0]!.company)!;
    expect(proName(r0.ownerId)).toBe(rows[0]!.owner);
    expect(r0.teamIds.map(proName)).toEqual([rows[1]!.owner]);
    expect(r0.kind).toBe('client');
    const evangelist = relations.find((r) => r.name === rows.find((x) => x.stage === 'Evangelist')!.company)!;
    expect(evangelist).toMatchObject({ kind: 'client', tags: ['Evangelist'] });

    const contacts = Object.values(after.contacts);
    const contactOf = (i: number) =>
      contacts.find(
        (c) =>
          c.name === `${rows[i]!.first} ${rows[i]!.last}` &&
          after.relations[c.relationId]!.name === rows[i]!.company,
      )!;
    const jan = contactOf(0);
    expect(jan).toMatchObject({ relationId: r0.id, personal: { birthday: '1972-02-29' } });
    expect(jan.knownBy.map(proName)).toEqual([rows[0]!.owner]);
    expect(contactOf(1).personal).toEqual({
      birthday: '1974-04-14', // "14-04-1974": refused before, read day-month now
    });
    expect(contacts.filter((c) => c.personal?.birthday).length).toBe(rows.filter((r) => r.birthday).length);

    // Each contact's last activity starts the history: fire and contact counts have something to go on.
    const log = Object.values(after.contactLog).filter((e) => e.contactIds.includes(jan.id));
    expect(log).toEqual([
      expect.objectContaining({
        relationId: r0.id,
        date: rows[0]!.lastActivity,
        type: 'other',
        note: 'Last activity in the CRM',
        professionalIds: jan.knownBy,
      }),
    ]);

    // The mapping is remembered in the workspace.
    expect(after.settings.importMemory).toMatchObject({
      columns: { associatedcompany: 'relation.name', firstname: 'contact.name', recordid: 'ignore' },
      values: { 'relation.kind': { evangelist: 'tag' } },
    });
  });

  it('the same export again: remembered mapping, nothing to choose, no changes', () => {
    const csv = read();
    const { ws, data } = workspace();
    const mapping = suggestMapping(csv.headers);
    const plan = planImport(
      csv,
      existingOf(data()),
      options(mapping, { values: { 'relation.kind': { evangelist: 'client' } } }),
    );
    assertOk(ws.importRecords(plan.records!));

    const again = planImport(
      csv,
      existingOf(data()),
      options(rememberedMapping(csv.headers, mapping, data().settings.importMemory, () => true) as Target[]),
    );
    expect(again.openValues).toBe(0);
    expect(again.issues).toEqual([]);
    expect(again.counts).toMatchObject({
      add: 0,
      update: 0,
      unchanged: 60,
      contactsAdd: 0,
      contactsUpdate: 0,
      history: 0,
      professionals: 0,
    });
    expect(again.duplicates).toBe(0);
    expect(again.records).toBeNull();
  });

  it('a changed export updates only what changed, after the person chooses to update', () => {
    const rows = crmRows();
    rows[3] = { ...rows[3]!, lastActivity: '2026-02-01' };
    const { ws, data } = workspace();
    const csv0 = read();
    const mapping = suggestMapping(csv0.headers);
    const values = { 'relation.kind': { evangelist: 'client' } };
    assertOk(ws.importRecords(planImport(csv0, existingOf(data()), options(mapping, { values })).records!));
    const csv = parseCsv(crmContactsCsv(rows));
    const undecided = planImport(csv, existingOf(data()), options(mapping));
    expect(undecided.duplicates).toBe(1);
    const update = planImport(csv, existingOf(data()), options(mapping, { duplicates: 'update' }));
    expect(update.counts).toMatchObject({ update: 1, unchanged: 59, history: 1, contactsUpdate: 0 });
  });
});

describe('a CRM companies export', () => {
  const text = [
    'Record ID;Company name;Company owner;Type;Industry;Annual Revenue;Last Activity Date',
    '1;Zonnebloem Advies BV;Sanne Bakker;Prospect;Advies;12.500,50;03-11-2025 14:22',
    '2;De Boer Bouw;sanne.bakker@example.nl;Reseller;Bouw;1.250.000;',
    '3;Visser Zorg;Pieter de Jong;Customer;Zorg;;15-10-2025',
    '4;Mulder Techniek;;Vendor;Techniek;80.000;',
  ].join('\r\n');

  it('maps by itself: owner by name or e-mail, type value by value, last activity as the history start', () => {
    const csv = parseCsv(text);
    const mapping = suggestMapping(csv.headers);
    expect(mapping).toEqual([
      'ignore',
      'relation.name',
      'relation.owner',
      'relation.kind',
      'relation.sector',
      'relation.revenue',
      'log.lastActivity',
    ]);
    const { data } = workspace();
    const sanne = { id: 'p-sanne', name: 'Sanne Bakker', email: 'sanne.bakker@example.nl' };
    const existing = existingOf(data());
    existing.professionals = {
      'p-sanne': { ...sanne, profile: 'relationshipManager', seniority: 'senior' },
    };
    const plan = planImport(csv, existing, options(mapping));
    expect(plan.issues).toEqual([]);
    expect(
      plan.values.find((v) => v.field === 'relation.owner')!.entries.map((e) => [e.text, e.choice]),
    ).toEqual([
      ['Sanne Bakker', 'p-sanne'],
      ['sanne.bakker@example.nl', 'p-sanne'],
      ['Pieter de Jong', 'new'],
    ]);
    expect(
      plan.values.find((v) => v.field === 'relation.kind')!.entries.map((e) => [e.text, e.choice]),
    ).toEqual([
      ['Prospect', 'prospect'],
      ['Reseller', 'partner'],
      ['Customer', 'client'],
      ['Vendor', 'supplier'],
    ]);
    const r = plan.records!;
    expect(r.addRelations.map((x) => [x.name, x.kind, x.revenue, x.ownerId === 'p-sanne'])).toEqual([
      ['Zonnebloem Advies BV', 'prospect', 12_500.5, true],
      ['De Boer Bouw', 'partner', 1_250_000, true],
      ['Visser Zorg', 'client', null, false],
      ['Mulder Techniek', 'supplier', 80_000, false],
    ]);
    expect(r.addProfessionals!.map((p) => p.name)).toEqual(['Pieter de Jong']);
    expect(r.addContactLog!.map((e) => [e.date, e.contactIds, e.type])).toEqual([
      ['2025-11-03', [], 'other'],
      ['2025-10-15', [], 'other'],
    ]);
  });
});
