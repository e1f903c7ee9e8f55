// @ts-check
/**
 * ESLint rule `haard/select-in-label`: a <select> inside a <label> must name itself with `aria-label` (the
 * label's text) or `aria-labelledby`. A wrapping label gives the select an accessible name made of the
 * label's whole text content, and some browsers and screen readers (Firefox, NVDA) then read every option
 * into it: "SignaalKlachtStille klacht…" instead of "Signaal". `aria-label` wins over the label in every
 * engine, and tests that find the control by its label text keep finding it. (QA item 22.)
 *
 * @type {import('eslint').Rule.RuleModule}
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'A <select> wrapped in a <label> needs aria-label (or aria-labelledby).' },
    messages: {
      named:
        'This <select> is wrapped in a <label>: give it aria-label={the label text} (or aria-labelledby), or its accessible name includes every option.',
    },
    schema: [],
  },
  create(context) {
    /** @param {any} name */
    const tag = (name) => (name && name.type === 'JSXIdentifier' ? name.name : null);
    return {
      /** @param {any} node */
      JSXOpeningElement(node) {
        if (tag(node.name) !== 'select') return;
        const named = node.attributes.some(
          (/** @type {any} */ a) =>
            a.type === 'JSXAttribute' && ['aria-label', 'aria-labelledby'].includes(a.name.name),
        );
        if (named) return;
        for (let p = node.parent && node.parent.parent; p; p = p.parent) {
          if (p.type === 'JSXElement' && tag(p.openingElement.name) === 'label') {
            context.report({ node, messageId: 'named' });
            return;
          }
        }
      },
    };
  },
};
