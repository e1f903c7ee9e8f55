/** Catalog texts for core's ABC findings (criteria issues) and intent errors; team fit: team/TeamFitFindings.tsx. */
import type { CriteriaIssue } from '../../../../core/abc/index.ts';
import type { WorkspaceDoc } from '../../../../core/model/index.ts';
import type { SchemaIssue } from '../../../../core/model/issues.ts';
import { locale, t } from '../../i18n/index.ts';

export function criteriaIssueText(issue: CriteriaIssue, data: WorkspaceDoc | null): string {
  switch (issue.id) {
    case 'criteria.tooFew':
      return t('abc.criteria.issue.tooFew', { count: issue.params.count, min: issue.params.min });
    case 'criteria.missingCategory':
      return t('abc.criteria.issue.missingCategory', {
        category: t(`abc.category.${issue.params.category}`),
      });
    case 'criteria.duplicateName':
      return t('abc.criteria.issue.duplicateName', { name: issue.params.name });
    case 'criteria.duplicateId':
      return t('abc.criteria.issue.duplicateId', { id: issue.params.criterionId });
    case 'criteria.invalidWeight':
      return t('abc.criteria.issue.invalidWeight', {
        name: data?.criteria[issue.params.criterionId]?.name ?? issue.params.criterionId,
      });
  }
}

/** An intent's refusal next to the field it is about, in the user's language (without the path). */
export const issuesText = (issues: readonly SchemaIssue[]): string => {
  const text = issues.map((i) => i.text[locale()]).join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1);
};
