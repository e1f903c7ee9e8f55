import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsv } from '../../client/src/io/csv.ts';
import { EXPORT_HEADERS, FIELDS, readTags, suggestMapping, writeTags } from '../../client/src/io/fields.ts';
import { planImport, previewRows, type ImportOptions } from '../../client/src/io/csvImport.ts';
import type { Contact, Relation } from '../../core/model/index.ts';
import { seqIds } from '../fixtures/docs/sample.ts';

const fixture = (name: string) =>
  new Uint8Array(readFileSync(join(import.meta.dirname, '../fixtures/csv', name)));
const none = { relations: {}, contacts: {} };
const options = (mapping: ImportOptions['mapping'], over: Partial<ImportOptions> = {}): ImportOptions => ({
  mapping,
  numberFormat: 'auto',
  duplicates: null,
  excluded: new Set(),
  newId: seqIds('n'),
  ...over,
});

describe('suggestMapping: header names in Dutch and English', () => {
  it.each([
    [
      ['Naam', 'Omzet', 'Branche'],
      ['relation.name', 'relation.revenue', 'relation.sector'],
    ],
    [
      ['Bedrijf', 'Naam', 'Functie'],
      ['relation.name', 'contact.name', 'contact.title'],
    ],
    [
      ['Company', 'Revenue (EUR)', 'Contact', 'Title', 'E-mail'],
      ['relation.name', 'relation.revenue', 'contact.name', 'contact.title', 'contact.email'],
    ],
    [
      ['Soort', 'Sector', 'Tags', 'Contactpersoon'],
      ['relation.kind', 'relation.sector', 'relation.tags', 'contact.name'],
    ],
    [
      ['Type', 'Industry', 'Omzet 2025', 'Onbekend'],
      ['relation.kind', 'relation.sector', 'relation.revenue', 'ignore'],
    ],
    [
      ['Naam', 'Naam'],
      ['relation.name', 'contact.name'],
    ],
  ])('%j', (headers, expected) => expect(suggestMapping(headers)).toEqual(expected));

  it.each(['nl', 'en'] as const)('maps Haard’s own export headers (%s) back exactly', (locale) => {
    expect(suggestMapping(FIELDS.map((f) => EXPORT_HEADERS[locale][f]))).toEqual([...FIELDS]);
  });
});

describe('tags', () => {
  it.each([
    ['a, b', ['a', 'b']],
    ['a; b', ['a', 'b']],
    ['x\\;y; z', ['x;y', 'z']],
    ['', []],
  ])('%s', (cell, tags) => expect(readTags(cell)).toEqual(tags));
  it.each([[['a', 'b']], [['a,b']], [['x;y', 'z\\w']], [['one']], [['back\\slash']], [[]]])(
    '%j round-trips',
    (tags) => expect(readTags(writeTags(tags))).toEqual(tags),
  );
});

describe('reading a file', () => {
  it('a UTF-8 file with BOM and ";" (Excel in Dutch): 20 rows with their line numbers', () => {
    const decoded = decodeBytes(fixture('relations-20.csv'));
    expect(decoded).toMatchObject({ encoding: 'utf-8', bom: true });
    const csv = parseCsv(decoded.text);
    expect(csv.delimiter).toBe(';');
    expect(csv.headers[0]).toBe('Bedrijf');
    expect(csv.rows).toHaveLength(20);
    expect(csv.rows[0]!.line).toBe(2);
    expect(csv.rows[19]!.line).toBe(21);
  });
  it('Windows-1252 bytes are read as such', () => {
    const bytes = new Uint8Array([0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Café\n"
    expect(decodeBytes(bytes)).toEqual({ text: 'Café\n', encoding: 'windows-1252', bom: false });
  });
  it('line numbers count the lines of quoted cells with newlines, and skip empty lines', () => {
    const csv = parseCsv('Naam,Notities\nA,"one\ntwo"\n\nB,x\n"C,y\n');
    expect(csv.rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(csv.problems).toEqual([{ code: 'unclosedQuote', line: 6 }]);
  });
});

describe('planImport', () => {
  it('imports the 20-row fixture: relations grouped, contacts attached, Dutch numbers read', () => {
    const csv = parseCsv(decodeBytes(fixture('relations-20.csv')).text);
    const plan = planImport(csv, none, options(suggestMapping(csv.headers)));
    expect(plan.issues).toEqual([]);
    expect(plan.detectedFormat).toBe('nl');
    expect(plan.counts).toMatchObject({ add: 16, update: 0, contactsAdd: 20 });
    const devries = plan.records!.addRelations.find((r) => r.name === 'Bouwbedrijf De Vries B.V.')!;
    expect(devries).toMatchObject({
      kind: 'client',
      sector: 'Bouw',
      revenue: 1_250_000,
      tags: ['aannemer', 'regio Utrecht'],
    });
    const baken = plan.records!.addRelations.find((r) => r.name === 'Zorggroep Het Baken')!;
    expect(baken.revenue).toBe(312_000);
    expect(plan.records!.addContacts.filter((c) => c.relationId === devries.id).map((c) => c.name)).toEqual([
      'Jan de Vries',
      'Petra Smit',
    ]);
    expect(previewRows(plan, 5).map((r) => r.line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('reports every bad row with its line number and what is wrong; nothing to import until fixed', () => {
    const csv = parseCsv(decodeBytes(fixture('relations-errors.csv')).text);
    const plan = planImport(csv, none, options(suggestMapping(csv.headers)));
    expect(plan.issues.map((i) => [i.line, i.field, i.code, i.value])).toEqual([
      [6, 'relation.name', 'noName', undefined],
      [7, 'relation.revenue', 'notANumber', 'abc'],
      [9, 'relation.revenue', 'negative', '-20,000'],
    ]);
    // A kind nothing reads is one open question (with its line), not a row error.
    const kinds = plan.values.find((v) => v.field === 'relation.kind')!;
    expect(kinds.entries.filter((e) => e.choice === null).map((e) => [e.text, e.line])).toEqual([
      ['vendor-ish', 10],
    ]);
    expect(plan.openValues).toBe(1);
    expect(plan.badLines).toEqual([6, 7, 9]);
    expect(plan.records).toBeNull();
    // "customer" and "lead" are understood; English numbers too.
    const excluded = planImport(
      csv,
      none,
      options(suggestMapping(csv.headers), { excluded: new Set([...plan.badLines, 10]) }),
    );
    expect(excluded.issues).toEqual([]);
    expect(excluded.records!.addRelations.map((r) => [r.name, r.kind, r.revenue])).toEqual([
      ['Northwind Consulting', 'client', 1_250_000],
      ['Harbour Logistics', 'prospect', 480_500.75],
      ['Greenfield Foods', 'client', 98_000],
      ['Atlas Engineering', 'client', 2_100_000],
      ['Summit Legal', 'client', 310_000],
    ]);
  });

  it('a later row may leave relation fields empty but may not contradict an earlier one', () => {
    const csv = parseCsv('Bedrijf;Omzet;Contactpersoon\nAcme;100;Ann\nAcme;;Bob\nacme ;200;Cas\nAcme;;Ann\n');
    const plan = planImport(csv, none, options(suggestMapping(csv.headers)));
    expect(plan.issues.map((i) => [i.line, i.code, i.other])).toEqual([
      [4, 'conflict', 2],
      [5, 'duplicateContact', 2],
    ]);
  });

  it('ambiguous numbers: by the file’s evidence, else thousands; conflicting files ask for a choice', () => {
    const read = (body: string, numberFormat: ImportOptions['numberFormat'] = 'auto') => {
      const csv = parseCsv(`Naam;Omzet\n${body}`);
      return planImport(csv, none, options(suggestMapping(csv.headers), { numberFormat }));
    };
    expect(read('A;1.234\nB;2,5\n').records!.addRelations.map((r) => r.revenue)).toEqual([1234, 2.5]);
    expect(read('A;1.234\nB;2.5\n').records!.addRelations.map((r) => r.revenue)).toEqual([1.234, 2.5]);
    expect(read('A;1.234\n').records!.addRelations.map((r) => r.revenue)).toEqual([1234]);
    expect(read('A;1.234\nB;2.5\nC;2,5\n').issues.map((i) => [i.line, i.code])).toEqual([
      [2, 'ambiguousNumber'],
    ]);
    expect(read('A;1.234\nB;2.5\nC;2,5\n', 'nl').issues.map((i) => [i.line, i.code])).toEqual([
      [3, 'notANumber'],
    ]);
  });

  it('duplicates of existing relations wait for a choice, then are skipped or updated', () => {
    const existing: { relations: Record<string, Relation>; contacts: Record<string, Contact> } = {
      relations: {
        r1: {
          id: 'r1',
          name: 'Acme',
          kind: 'prospect',
          sector: 'Bouw',
          revenue: 5,
          potential: 9,
          ownerId: null,
          teamIds: [],
          notes: 'keep',
          tags: ['x'],
          override: null,
          sevenQuestions: {},
        },
      },
      contacts: {
        c1: {
          id: 'c1',
          relationId: 'r1',
          name: 'Ann',
          title: 'CEO',
          dmuRole: 'decider',
          attitude: null,
          strength: 3,
          knownBy: [],
        },
      },
    };
    const csv = parseCsv('Bedrijf,Omzet,Contactpersoon,Functie\nACME,100,Ann,CFO\nAcme,,Bob,\nNew BV,1,,\n');
    const mapping = suggestMapping(csv.headers);
    const undecided = planImport(csv, existing, options(mapping));
    expect(undecided.duplicates).toBe(1);
    expect(undecided.records).toBeNull();
    expect(undecided.relations.map((r) => r.action)).toEqual(['undecided', 'add']);

    const skip = planImport(csv, existing, options(mapping, { duplicates: 'skip' }));
    expect(skip.counts).toMatchObject({ add: 1, skip: 1, contactsAdd: 0 });
    expect(skip.records!.updateRelations).toEqual([]);

    const update = planImport(csv, existing, options(mapping, { duplicates: 'update' }));
    expect(update.records!.updateRelations).toEqual([{ id: 'r1', patch: { name: 'ACME', revenue: 100 } }]);
    // Only what changes is written.
    expect(update.records!.updateContacts).toEqual([{ id: 'c1', patch: { title: 'CFO' } }]);
    expect(update.records!.addContacts.map((c) => [c.name, c.relationId])).toEqual([['Bob', 'r1']]);
  });

  it('the mapping needs a relation name, and a field that cannot combine at most once', () => {
    const csv = parseCsv('a,b,c\n1,2,3\n');
    expect(planImport(csv, none, options(['ignore', 'ignore', 'ignore'])).mappingProblems).toEqual([
      { code: 'noName' },
    ]);
    expect(
      planImport(csv, none, options(['relation.name', 'relation.revenue', 'relation.revenue']))
        .mappingProblems,
    ).toEqual([{ code: 'mappedTwice', field: 'relation.revenue' }]);
    expect(
      planImport(csv, none, options(['relation.name', 'relation.name', 'ignore'])).records!.addRelations[0]!
        .name,
    ).toBe('1 2');
  });
});
