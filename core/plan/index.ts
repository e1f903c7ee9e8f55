/** Account plans (DOMAIN.md §3, §4): validation, completeness and the derived summaries. */
export * from './rules.ts';
export { validatePlan, type PlanContext } from './validate.ts';
export { planCompleteness, COMPLETENESS_PENALTIES, type Penalty } from './completeness.ts';
export * from './summary.ts';
