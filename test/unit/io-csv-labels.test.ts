/**
 * A CSV file says what the screen says: Haard's export words are the UI's labels (lower case), and the import
 * reads every value by its UI label in both languages — and by the export words of older versions, for files
 * already written. (QA pass: the UI said "Besluitvormer", the export wrote "beslisser", and a file with
 * "Besluitvormer" was not recognised.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeBytes, parseCsv } from '../../client/src/io/csv.ts';
import {
  ATTITUDE_VALUES,
  DMU_VALUES,
  KIND_VALUES,
  readAttitude,
  readDmuRole,
  readKind,
} from '../../client/src/io/cellValues.ts';
import { catalogs, type MessageKey } from '../../client/src/i18n/index.ts';
import { ATTITUDES, DMU_ROLES, RELATION_KINDS } from '../../core/model/workspace.ts';

const LOCALES = ['nl', 'en'] as const;
const ENUMS = [
  ['relation kind', RELATION_KINDS, 'kind', KIND_VALUES, readKind],
  ['DMU role', DMU_ROLES, 'rel.dmu', DMU_VALUES, readDmuRole],
  ['attitude', ATTITUDES, 'rel.attitude', ATTITUDE_VALUES, readAttitude],
] as const;

describe.each(ENUMS)('%s', (_name, codes, prefix, words, read) => {
  it.each(LOCALES)('export word = the UI label, and the label imports (%s)', (locale) => {
    for (const code of codes) {
      const label = catalogs[locale][`${prefix}.${code}` as MessageKey];
      expect(words[locale][code as never], `${locale} ${code}`).toBe(label.toLocaleLowerCase(locale));
      expect(read(label), label).toBe(code);
      expect(read(label.toUpperCase()), label).toBe(code);
    }
  });
});

describe('older export words still import', () => {
  it.each([
    ['beslisser', 'decider'],
    ['pleitbezorger', 'champion'],
    ['Beinvloeder', 'influencer'],
  ])('%s → %s', (word, role) => expect(readDmuRole(word)).toBe(role));
});

describe('the QA file with the UI labels', () => {
  it('reads Besluitvormer and Beïnvloeder as DMU roles', () => {
    const csv = parseCsv(
      decodeBytes(new Uint8Array(readFileSync(new URL('../fixtures/csv/dmu-labels.csv', import.meta.url))))
        .text,
    );
    const column = csv.headers.indexOf('DMU-rol');
    expect(csv.rows.map((row) => readDmuRole(row.cells[column]!))).toEqual(['decider', 'influencer']);
  });
});
