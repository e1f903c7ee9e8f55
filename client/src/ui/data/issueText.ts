/** Import and restore problems in the user's language (the io layer returns codes and values only). */
import { dateProblemText } from '../../../../core/dates.ts';
import { formatIssue } from '../../../../core/model/issues.ts';
import type { RowIssue } from '../../io/csvImport.ts';
import type { Field } from '../../io/fields.ts';
import { locale, t } from '../../i18n/index.ts';

export const fieldLabel = (f: Field): string => t(`data.field.${f}`);

/**
 * "Line 7: Omzet ‘abc’ is not a number", "Line 3: Date of birth ‘1991-02-31’: 31 February does not
 * exist". The field is named as the file names it (its column header), which is what the user sees when
 * fixing the file.
 */
export function rowIssueText(issue: RowIssue, headerOf: (f: Field) => string | undefined): string {
  const field = issue.field ? (headerOf(issue.field) ?? fieldLabel(issue.field)) : '';
  const detail = issue.detail
    ? formatIssue(issue.detail, locale())
    : issue.problem
      ? dateProblemText(issue.problem)[locale()]
      : '';
  const text = t(`data.issue.${issue.code}`, {
    field,
    value: issue.value ?? '',
    other: issue.other ?? '',
    detail,
  });
  return `${t('data.issue.line', { line: issue.line })}: ${text}`;
}
