/**
 * Issue 11 §1: the line number of every row is the line the person's editor shows — whatever the line
 * ends (LF, CRLF, old-Mac CR, mixed), whichever rows are skipped (blank, spaces, only delimiters), and with
 * quoted cells that hold line breaks. A property over generated files, plus the issue's examples.
 */
import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import { decodeBytes, parseCsv, type Delimiter } from '../../client/src/io/csv.ts';
import { planImport } from '../../client/src/io/csvImport.ts';
import { suggestMapping } from '../../client/src/io/fields.ts';
import { seqIds } from '../fixtures/docs/sample.ts';

const EOL = fc.constantFrom('\n', '\r\n', '\r');
/** Line breaks as an editor counts them: CRLF is one, a lone CR or LF is one. */
const breaks = (text: string) => text.match(/\r\n|\r|\n/g)?.length ?? 0;

/** A cell: plain words, or text with delimiters, quotes and line breaks of any kind (then quoted). */
const cellArb = fc.oneof(
  fc.constantFrom('', 'Acme', '12,5', '1.234', 'x y'),
  fc
    .array(fc.constantFrom('a', 'b', ' ', ';', ',', '\t', '"', '\n', '\r\n', '\r', 'é'), { maxLength: 8 })
    .map((parts) => parts.join('')),
);
const quote = (cell: string, d: Delimiter) =>
  /[";,\t\r\n|]/.test(cell) || cell.includes(d) ? `"${cell.replace(/"/g, '""')}"` : cell;

type Item = { kind: 'row'; cells: string[] } | { kind: 'blank'; text: string };

const fileArb = fc
  .record({
    delimiter: fc.constantFrom<Delimiter>(';', ',', '\t'),
    columns: fc.integer({ min: 2, max: 4 }),
  })
  .chain(({ delimiter, columns }) =>
    fc.record({
      delimiter: fc.constant(delimiter),
      columns: fc.constant(columns),
      leading: fc.array(fc.tuple(fc.constantFrom('', '  ', delimiter.repeat(columns - 1)), EOL), {
        maxLength: 2,
      }),
      items: fc.array(
        fc.oneof(
          {
            weight: 3,
            arbitrary: fc
              .array(cellArb, { minLength: columns, maxLength: columns })
              .filter((cells) => cells.some((c) => c.trim() !== ''))
              .map((cells): Item => ({ kind: 'row', cells })),
          },
          {
            weight: 1,
            arbitrary: fc
              .constantFrom('', '   ', delimiter, delimiter.repeat(columns - 1), ` ${delimiter} `)
              .map((text): Item => ({ kind: 'blank', text })),
          },
        ),
        { maxLength: 12 },
      ),
      eols: fc.array(EOL, { minLength: 12, maxLength: 12 }),
      finalEol: fc.boolean(),
    }),
  );

describe('line numbers are the file’s own (property over generated files)', () => {
  it('every row: the line it starts on, and its cells (line breaks inside read as "\\n")', () => {
    fc.assert(
      fc.property(fileArb, ({ delimiter, columns, leading, items, eols, finalEol }) => {
        let text = leading.map(([t, e]) => t + e).join('');
        const headers = Array.from({ length: columns }, (_, i) => `Kolom ${i + 1}`);
        const headerLine = breaks(text) + 1;
        text += headers.join(delimiter);
        const expected: { line: number; cells: string[] }[] = [];
        items.forEach((item, i) => {
          text += eols[i]!;
          if (item.kind === 'blank') {
            text += item.text;
            return;
          }
          expected.push({
            line: breaks(text) + 1,
            cells: item.cells.map((c) => c.replace(/\r\n?/g, '\n')),
          });
          text += item.cells.map((c) => quote(c, delimiter)).join(delimiter);
        });
        if (finalEol) text += '\n';
        const csv = parseCsv(text, { delimiter });
        expect(csv.headerLine).toBe(headerLine);
        expect(csv.headers).toEqual(headers);
        expect(csv.rows).toEqual(expected);
        expect(csv.problems).toEqual([]);
      }),
      { numRuns: 400 },
    );
  });

  it('the delimiter guess does not change the numbers: a file read with its guess gives the same lines', () => {
    fc.assert(
      fc.property(fc.array(EOL, { minLength: 6, maxLength: 6 }), (eols) => {
        const lines = ['Bedrijf;Omzet', 'A;1', '', ';', 'B;"veel\nte veel"', 'C;2,5', 'D;3'];
        const text = lines.map((l, i) => l + (eols[i] ?? '')).join('');
        const csv = parseCsv(text);
        expect(csv.delimiter).toBe(';');
        const lineOf = (name: string) => csv.rows.find((r) => r.cells[0] === name)?.line;
        const before = (i: number) =>
          breaks(
            lines
              .slice(0, i)
              .map((l, j) => l + eols[j])
              .join(''),
          ) + 1;
        expect([lineOf('A'), lineOf('B'), lineOf('C'), lineOf('D')]).toEqual([
          before(1),
          before(4),
          before(5),
          before(6),
        ]);
      }),
    );
  });
});

describe('the examples of issue 11 §1', () => {
  const plan = (text: string, excluded: number[] = []) => {
    const csv = parseCsv(decodeBytes(new TextEncoder().encode(text)).text);
    return planImport(
      csv,
      { relations: {}, contacts: {}, professionals: {}, contactLog: {} },
      {
        mapping: suggestMapping(csv.headers),
        numberFormat: 'auto',
        duplicates: null,
        excluded: new Set(excluded),
        newId: seqIds('n'),
      },
    );
  };

  it('old-Mac line ends (CR only): rows on lines 2, 3, 4; the error on line 3; without it two relations import', () => {
    const text = 'Bedrijf;Omzet\rA;1\rB;veel\rC;2\r';
    expect(parseCsv(text).rows.map((r) => r.line)).toEqual([2, 3, 4]);
    const bad = plan(text);
    expect(bad.issues.map((i) => [i.line, i.code, i.value])).toEqual([[3, 'notANumber', 'veel']]);
    const fixed = plan(text, bad.badLines);
    expect(fixed.issues).toEqual([]);
    expect(fixed.records!.addRelations.map((r) => [r.name, r.revenue])).toEqual([
      ['A', 1],
      ['C', 2],
    ]);
  });

  it('a separator-only row does not shift later numbers: the bad row is on line 4', () => {
    const bad = plan('Bedrijf;Omzet\r\nA;1\r\n;\r\nB;veel\r\n');
    expect(bad.issues.map((i) => [i.line, i.code])).toEqual([[4, 'notANumber']]);
  });

  it('mixed line ends and a quoted note over three lines', () => {
    const text = 'Bedrijf;Notities;Omzet\nA;"regel 1\r\nregel 2\rregel 3";1\r\nB;;veel\rC;;2\n';
    const csv = parseCsv(text);
    expect(csv.rows.map((r) => r.line)).toEqual([2, 5, 6]);
    expect(csv.rows[0]!.cells[1]).toBe('regel 1\nregel 2\nregel 3');
    expect(plan(text).issues.map((i) => i.line)).toEqual([5]);
  });
});
