/** Types of ./select-options-selected.js (plain JS, because eslint.config.js loads it without a TypeScript loader). */
import type { Rule } from 'eslint';
declare const rule: Rule.RuleModule;
export default rule;
