/**
 * Issue 11 §2 and §3: how a file is read — delimiter, encoding, decimal style, date order — is guessed
 * from the evidence, can be overruled, and an impossible date is a line-numbered error.
 */
import { describe, expect, it } from 'vitest';
import { decodeBytes, guessDelimiter, parseCsv } from '../../client/src/io/csv.ts';
import { detectDateOrder, readDate } from '../../client/src/io/dates.ts';
import { planImport, type ImportOptions } from '../../client/src/io/csvImport.ts';
import { suggestMapping } from '../../client/src/io/fields.ts';
import { seqIds } from '../fixtures/docs/sample.ts';

const none = { relations: {}, contacts: {} };
const plan = (text: string, over: Partial<ImportOptions> = {}, delimiter?: ';' | ',') => {
  const csv = parseCsv(text, delimiter ? { delimiter } : {});
  return planImport(csv, none, {
    mapping: suggestMapping(csv.headers),
    numberFormat: 'auto',
    dateOrder: 'auto',
    duplicates: null,
    excluded: new Set(),
    newId: seqIds('n'),
    ...over,
  });
};

describe('the delimiter', () => {
  it('issue example: a semicolon file whose headers hold commas has three columns, and imports', () => {
    const text =
      'Bedrijf;Omzet (EUR, excl. btw);Potentie (EUR, 3 jaar)\r\nZonnebloem Advies BV;12.500,50;30.000,00\r\n';
    const csv = parseCsv(text);
    expect(csv.delimiter).toBe(';');
    expect(csv.headers).toEqual(['Bedrijf', 'Omzet (EUR, excl. btw)', 'Potentie (EUR, 3 jaar)']);
    const p = plan(text);
    expect(p.issues).toEqual([]);
    expect(p.records!.addRelations.map((r) => [r.name, r.revenue, r.potential])).toEqual([
      ['Zonnebloem Advies BV', 12_500.5, 30_000],
    ]);
  });

  it.each([
    ['a comma file', 'Name,Revenue\nAcme,100\nBeta,200\n', ','],
    ['a comma file with quoted decimal commas', 'Name,Revenue\nAcme,"1.234,50"\nBeta,"2,5"\n', ','],
    ['a tab file with commas in text', 'Naam\tNotities\nAcme\tja, nee\nBeta\tx, y, z\n', '\t'],
    ['semicolons and decimal commas', 'Naam;Omzet\nA;1,5\nB;2,25\n', ';'],
    ['only the header, with a phrase in brackets', 'Bedrijf;Omzet (EUR, excl. btw)\n', ';'],
    ['one column', 'Naam\nAcme\nBeta\n', ','],
    ['pipes', 'Naam|Omzet\nA|1\n', '|'],
  ])('%s', (_name, text, delimiter) => expect(guessDelimiter(text).delimiter).toBe(delimiter));

  it('the person can overrule the guess; the guess is kept to show', () => {
    const csv = parseCsv('a,b;c\nx,y;z\n', { delimiter: ';' });
    expect(csv.delimiter).toBe(';');
    expect(csv.guessedDelimiter).toBe(',');
    expect(csv.headers).toEqual(['a,b', 'c']);
  });
});

describe('the encoding', () => {
  it('a guess can be overruled: Windows-1252 bytes read as UTF-8 on request, and back', () => {
    const bytes = new Uint8Array([0x4e, 0x61, 0x61, 0x6d, 0x0a, 0x43, 0x61, 0x66, 0xe9, 0x0a]); // "Naam\nCafé\n"
    expect(decodeBytes(bytes).encoding).toBe('windows-1252');
    expect(decodeBytes(bytes, 'utf-8').text).toBe('Naam\nCaf\uFFFD\n');
    expect(decodeBytes(bytes, 'windows-1252').text).toBe('Naam\nCafé\n');
    const utf16 = new Uint8Array([0xff, 0xfe, 0x41, 0x00]);
    expect(decodeBytes(utf16, 'utf-16le')).toEqual({ text: 'A', encoding: 'utf-16le', bom: true });
  });
});

describe('dates in a file', () => {
  it('issue examples: impossible birthdays are refused with their line and why', () => {
    const p = plan(
      'Bedrijf;Contactpersoon;Geboortedatum\nA;Ann;1991-02-31\nB;Bob;1985-15-03\nC;Cas;00-00\nD;Dirk;29-02\n',
    );
    expect(p.issues.map((i) => [i.line, i.field, i.code, i.value, i.problem])).toEqual([
      [2, 'contact.birthday', 'noSuchDate', '1991-02-31', { code: 'day', day: 31, month: 2, year: 1991 }],
      [3, 'contact.birthday', 'noSuchDate', '1985-15-03', { code: 'month', month: 15 }],
      [4, 'contact.birthday', 'noSuchDate', '00-00', { code: 'month', month: 0 }],
    ]);
    // 29 February without a year is a birthday.
    const ok = plan('Bedrijf;Contactpersoon;Geboortedatum\nD;Dirk;29-02\n');
    expect(ok.records!.addContacts[0]!.personal).toEqual({ birthday: '02-29' });
  });

  it.each([
    ['14-04-1974', 'dmy', '1974-04-14'],
    ['4/14/1974', 'mdy', '1974-04-14'],
    ['1974-04-14', 'mdy', '1974-04-14'],
    ['1974/4/14', 'dmy', '1974-04-14'],
    ['14.04.1974', 'dmy', '1974-04-14'],
    ['2025-11-03 14:22', 'dmy', '2025-11-03'],
    ['2025-11-03T14:22:00Z', 'dmy', '2025-11-03'],
    ['03-11-2025 09:15', 'dmy', '2025-11-03'],
    ['11/3/2025 9:15 PM', 'mdy', '2025-11-03'],
    ['--04-14', 'dmy', '04-14'],
  ] as const)('%s read %s is %s', (text, order, date) =>
    expect(readDate(text, order, { yearless: true })).toEqual({ ok: true, date }),
  );

  it.each([
    ['14-04-74', 'twoDigitYear'],
    ['14 april 1974', 'format'],
    ['31-02-1991', 'impossible'],
    ['02-31-1991', 'impossible'],
  ] as const)('%s is refused (%s)', (text, reason) =>
    expect(readDate(text, 'dmy', { yearless: true })).toMatchObject({ ok: false, reason }),
  );

  it('a last activity needs a year', () =>
    expect(readDate('14-04', 'dmy')).toEqual({ ok: false, reason: 'noYear' }));

  it.each([
    [['05-03-1980', '14-04-1974'], 'dmy'],
    [['05/03/1980', '04/14/1974'], 'mdy'],
    [['05-03-1980', '1974-04-14'], null],
    [['13-01-2000', '01-13-2000'], 'conflict'],
  ] as const)('date order of %j: %s', (values, order) => expect(detectDateOrder(values)).toBe(order));

  it('says which reading it took for an ambiguous value, and why', () => {
    const p = plan('Bedrijf;Contactpersoon;Verjaardag\nA;Ann;05-03-1980\nB;Bob;14-04-1974\n');
    expect(p.dates).toEqual({
      detected: 'dmy',
      used: 'dmy',
      assumed: false,
      evidence: { text: '14-04-1974', line: 3 },
      example: { text: '05-03-1980', line: 2, date: '1980-03-05' },
      ambiguous: 1,
    });
    const us = plan('Bedrijf;Contactpersoon;Verjaardag\nA;Ann;05-03-1980\n', { dateOrder: 'mdy' });
    expect(us.records!.addContacts[0]!.personal).toEqual({ birthday: '1980-05-03' });
    expect(us.dates).toMatchObject({ used: 'mdy', assumed: false, example: { date: '1980-05-03' } });
    const assumed = plan('Bedrijf;Contactpersoon;Verjaardag\nA;Ann;05-03-1980\n');
    expect(assumed.dates).toMatchObject({ detected: null, used: 'dmy', assumed: true });
  });

  it('a file that shows both orders: the default reading, and the impossible dates it gives are errors', () => {
    const p = plan('Bedrijf;Contactpersoon;Verjaardag\nA;Ann;13-01-2000\nB;Bob;01-13-2000\n');
    expect(p.dates).toMatchObject({ detected: 'conflict', used: 'dmy', assumed: true });
    expect(p.issues.map((i) => [i.line, i.code])).toEqual([[3, 'noSuchDate']]);
  });
});
