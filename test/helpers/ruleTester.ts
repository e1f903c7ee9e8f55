/** An ESLint RuleTester for the project's own JSX lint rules (scripts/eslint), reporting through vitest. */
import { RuleTester } from 'eslint';
import { describe, it } from 'vitest';

RuleTester.describe = describe;
RuleTester.it = it;

/** A RuleTester that parses ES2022 modules with JSX. */
export const jsxRuleTester = (): RuleTester =>
  new RuleTester({
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
  });
