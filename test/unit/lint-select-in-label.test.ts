/** The lint rule that keeps label-wrapped <select>s named by their label only (QA item 22). */
import rule from '../../scripts/eslint/select-in-label.js';
import { jsxRuleTester } from '../helpers/ruleTester.ts';

const tester = jsxRuleTester();

tester.run('select-in-label', rule, {
  valid: [
    `<label class="field"><span>{t('kind')}</span><select aria-label={t('kind')}><option>A</option></select></label>`,
    `<label><span id="k">Kind</span><select aria-labelledby="k" /></label>`,
    `<div><label for="k">Kind</label><select id="k" /></div>`,
    `<select aria-label="Language" />`,
  ],
  invalid: [
    {
      code: `<label class="field"><span>{t('rel.signal.kind')}</span><select value={k}><option>Klacht</option></select></label>`,
      errors: [{ messageId: 'named' }],
    },
    {
      // Through a callback inside the label, as in <For>.
      code: `<label><span>Owner</span><Show when={x}>{() => <select />}</Show></label>`,
      errors: [{ messageId: 'named' }],
    },
  ],
});
