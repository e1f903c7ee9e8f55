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
