/**
 * One CSV row → typed values for a relation, a contact and the start of a history, with a line-numbered
 * issue for every cell that cannot be read. Pure; used by `planImport` (csvImport.ts).
 */
import type { DateProblem } from '../../../core/dates.ts';
import type { Contact, PersonalFacts, Relation } from '../../../core/model/workspace.ts';
import type { SchemaIssue } from '../../../core/model/issues.ts';
import { unescapeCell } from './csv.ts';
import { readDate, type DateOrder } from './dates.ts';
import { COMBINABLE, isOwnerField, isValueField, readTags, type Field, type ValueField } from './fields.ts';
import { keyFor } from './importValues.ts';
import { parseNumber, type DetectedFormat } from './numbers.ts';

export type RowIssueCode =
  | 'notANumber'
  | 'ambiguousNumber'
  | 'negative'
  | 'notAWholeNumber'
  | 'strengthRange'
  | 'badDate'
  | 'twoDigitYear'
  | 'noYear'
  | 'noSuchDate'
  | 'tooLong'
  | 'noName'
  | 'noContactName'
  | 'conflict'
  | 'duplicateContact'
  | 'ambiguousMatch'
  | 'unclosedQuote'
  | 'extraCells'
  | 'schema';

export interface RowIssue {
  line: number;
  field: Field | null;
  code: RowIssueCode;
  /** The cell as it is in the file. */
  value?: string;
  /** The earlier line it conflicts with; or the count of existing relations for `ambiguousMatch`. */
  other?: number;
  /** For `schema`: the issue from the model. */
  detail?: SchemaIssue;
  /** For `noSuchDate`: what is wrong with the date ("31 February does not exist"). */
  problem?: DateProblem;
}

/** A row's values. Only what the row fills is set. */
export interface RowValues {
  line: number;
  relationId?: string;
  relation: Partial<Relation>;
  /** Tags from enumerated values mapped to "tag" (kept apart: they add to the file's tags). */
  valueTags: string[];
  contactId?: string;
  contact: Partial<Contact>;
  personal: PersonalFacts;
  /** Some contact field other than the name is filled. */
  contactData: boolean;
  /** The professionals the owner cells name (ids; new ones were allocated by the caller). */
  ownerId?: string;
  contactOwnerId?: string;
  /** The last activity, `YYYY-MM-DD`. */
  lastActivity?: string;
}

/** How the row's cells are read: the columns of each field (in combining order) and the file's formats. */
export interface RowReader {
  columns: ReadonlyMap<Field, readonly number[]>;
  numbers: DetectedFormat;
  dates: DateOrder;
  /** A value's meaning (see importValues.ts); owners resolved to a professional's id. */
  meaning: (field: ValueField, key: string) => string | null;
}

const LABEL_MAX = 500;
const TEXT_MAX = 100_000;

/** A cell as text: a spreadsheet's formula guard removed, and the `="0612345678"` wrapper of phone columns. */
export function cellText(raw: string, field?: Field): string {
  if (field === 'contact.phone') {
    const wrapped = /^="([+\d][\d ()./-]*)"$/.exec(raw.trim());
    if (wrapped) return wrapped[1]!;
  }
  return unescapeCell(raw);
}

export function readRow(
  line: number,
  cells: readonly string[],
  reader: RowReader,
  issues: RowIssue[],
): RowValues {
  const row: RowValues = { line, relation: {}, valueTags: [], contact: {}, personal: {}, contactData: false };
  const bad = (field: Field, code: RowIssueCode, value: string, extra: Partial<RowIssue> = {}) =>
    issues.push({ line, field, code, value, ...extra });
  for (const [field, cols] of reader.columns) {
    const parts = cols
      .map((c) => cellText(cells[c] ?? '', field))
      .map((t) => (field === 'relation.notes' ? t : t.trim()))
      .filter((t) => t.trim() !== '');
    if (parts.length === 0) continue;
    const text = COMBINABLE.has(field) ? parts.join(field === 'relation.notes' ? '\n' : ' ') : parts[0]!;
    const max = field === 'relation.notes' ? TEXT_MAX : LABEL_MAX;
    if (text.length > max) {
      bad(field, 'tooLong', `${text.slice(0, 40)}…`);
      continue;
    }
    if (field.startsWith('contact.') && field !== 'contact.name' && field !== 'contact.id')
      row.contactData = true;
    if (isValueField(field)) {
      readValue(row, field, text, reader.meaning(field, keyFor(field, text)));
      continue;
    }
    switch (field) {
      case 'relation.id':
        row.relationId = text;
        break;
      case 'contact.id':
        row.contactId = text;
        break;
      case 'relation.name':
      case 'relation.sector':
      case 'relation.notes':
        row.relation[field.slice(9) as 'name' | 'sector' | 'notes'] = text;
        break;
      case 'contact.name':
      case 'contact.title':
      case 'contact.email':
      case 'contact.phone':
        row.contact[field.slice(8) as 'name' | 'title' | 'email' | 'phone'] = text;
        break;
      case 'contact.hobbies':
      case 'contact.car':
      case 'contact.coffee':
        row.personal[field.slice(8) as 'hobbies' | 'car' | 'coffee'] = text;
        break;
      case 'relation.tags': {
        const tags = [...new Set(parts.flatMap(readTags))];
        if (tags.some((t) => t.length > LABEL_MAX)) bad(field, 'tooLong', text.slice(0, 40));
        else row.relation.tags = tags;
        break;
      }
      case 'relation.revenue':
      case 'relation.potential':
      case 'contact.strength': {
        const n = parseNumber(text, reader.numbers);
        if (!n.ok) bad(field, n.reason === 'ambiguous' ? 'ambiguousNumber' : 'notANumber', text);
        else if (n.value < 0) bad(field, 'negative', text);
        else if (field !== 'contact.strength')
          row.relation[field === 'relation.revenue' ? 'revenue' : 'potential'] = n.value;
        else if (!Number.isInteger(n.value)) bad(field, 'notAWholeNumber', text);
        else if (n.value > 5) bad(field, 'strengthRange', text);
        else row.contact.strength = n.value;
        break;
      }
      case 'contact.birthday':
      case 'log.lastActivity': {
        const d = readDate(text, reader.dates, { yearless: field === 'contact.birthday' });
        if (d.ok) {
          if (field === 'contact.birthday') row.personal.birthday = d.date;
          else row.lastActivity = d.date;
        } else if (d.reason === 'impossible') bad(field, 'noSuchDate', text, { problem: d.problem });
        else bad(field, d.reason === 'format' ? 'badDate' : d.reason, text);
        break;
      }
    }
  }
  if (Object.keys(row.personal).length) row.contactData = true;
  return row;
}

/** An enumerated or owner cell, by what its value means. Open values (null) were asked about already. */
function readValue(row: RowValues, field: ValueField, text: string, meaning: string | null): void {
  if (meaning === null || meaning === 'ignore') return;
  if (isOwnerField(field)) {
    if (field === 'relation.owner') row.ownerId = meaning;
    else row.contactOwnerId = meaning;
    return;
  }
  if (field === 'relation.kind') {
    if (meaning === 'tag') row.valueTags.push(text);
    else row.relation.kind = meaning as Relation['kind'];
  } else if (field === 'contact.dmuRole') row.contact.dmuRole = meaning as Contact['dmuRole'];
  else row.contact.attitude = meaning as Contact['attitude'];
}
