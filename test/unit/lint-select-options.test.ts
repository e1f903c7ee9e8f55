/** The lint rule that keeps a <select>'s choice when its options are re-created (QA session 7, item 5). */
import rule from '../../scripts/eslint/select-options-selected.js';
import { jsxRuleTester } from '../helpers/ruleTester.ts';

const tester = jsxRuleTester();

tester.run('select-options-selected', rule, {
  valid: [
    `<select value={a.goalId}><For each={goals()}>{(g) => <option value={g.id} selected={g.id === a.goalId}>{g.title}</option>}</For></select>`,
    // Fixed constants never re-create their options.
    `<select value={q}><For each={QUADRANTS}>{(x) => <option value={x}>{x}</option>}</For></select>`,
    `<select value={k}>{RELATION_KINDS.map((x) => <option value={x}>{x}</option>)}</select>`,
    `<select value={r}><For each={ROUND_KEYS.slice(0, -1)}>{(x) => <option value={x}>{x}</option>}</For></select>`,
    // Options written out one by one are made once.
    `<select value={c}><option value="">—</option><option value="A">A</option></select>`,
    // A list of options outside a select (a datalist) is no select's choice.
    `<datalist><For each={team()}>{(p) => <option value={p.name} />}</For></datalist>`,
  ],
  invalid: [
    {
      // The action table's "Why (goal)" before the fix: "—" after undo brought the goal back.
      code: `<select value={a.goalId ?? ''}><option value="">—</option><For each={goals()}>{(g) => <option value={g.id}>{g.title}</option>}</For></select>`,
      errors: [{ messageId: 'selected' }],
    },
    {
      code: `<select value={o}>{people.map((p) => <option value={p.id}>{p.name}</option>)}</select>`,
      errors: [{ messageId: 'selected' }],
    },
  ],
});
