/** ABC classification (DOMAIN.md §2): criteria, totals and classes, the Pareto view, team fit. */
export * from './criteria.ts';
export * from './classify.ts';
export * from './pareto.ts';
export * from './teamFit.ts';
