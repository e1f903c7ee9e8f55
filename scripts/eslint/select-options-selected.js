// @ts-check
/**
 * ESLint rule `haard/select-options-selected`: an <option> made from a list inside a <select> (a `<For>` or
 * `.map` callback) must say itself whether it is chosen: `selected={value === current}`. Solid sets a
 * select's `value` once, when the bound value changes; options that a list re-creates later (a goal deleted
 * and brought back by undo or a restored version, the team arriving after the page) are new elements, and the
 * select then shows its first option ("—") although the document names one of them — until a reload (QA
 * session 7, item 5). An option that carries `selected` puts the choice back whenever it is re-created.
 *
 * Lists of fixed constants (`<For each={QUADRANTS}>`, `RELATION_KINDS.map(…)`: an ALL_CAPS name) never re-create their options and
 * are left alone.
 *
 * @type {import('eslint').Rule.RuleModule}
 */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'An <option> made from a changing list inside a <select> needs `selected`.' },
    messages: {
      selected:
        'This <option> comes from a list that can be re-created: give it selected={value === current}, or the <select> shows its first option after the list changes.',
    },
    schema: [],
  },
  create(context) {
    /** @param {any} name */
    const tag = (name) => (name && name.type === 'JSXIdentifier' ? name.name : null);
    /** @param {any} node the <For> element: true when its `each` is an ALL_CAPS constant (or a slice of one). */
    const constantList = (node) => {
      const each = node.openingElement.attributes.find(
        (/** @type {any} */ a) => a.type === 'JSXAttribute' && a.name.name === 'each',
      );
      let e = each && each.value && each.value.expression;
      while (e && e.type === 'CallExpression' && e.callee.type === 'MemberExpression') e = e.callee.object;
      return !!e && e.type === 'Identifier' && /^[A-Z][A-Z0-9_]*$/.test(e.name);
    };
    return {
      /** @param {any} node */
      JSXOpeningElement(node) {
        if (tag(node.name) !== 'option') return;
        if (
          node.attributes.some(
            (/** @type {any} */ a) => a.type === 'JSXAttribute' && a.name.name === 'selected',
          )
        )
          return;
        let fromList = false;
        for (let p = node.parent && node.parent.parent; p; p = p.parent) {
          if (p.type === 'JSXElement' && tag(p.openingElement.name) === 'For') {
            if (!constantList(p)) fromList = true;
          }
          if (
            p.type === 'CallExpression' &&
            p.callee.type === 'MemberExpression' &&
            p.callee.property.type === 'Identifier' &&
            p.callee.property.name === 'map' &&
            !(p.callee.object.type === 'Identifier' && /^[A-Z][A-Z0-9_]*$/.test(p.callee.object.name))
          )
            fromList = true;
          if (p.type === 'JSXElement' && tag(p.openingElement.name) === 'select') {
            if (fromList) context.report({ node, messageId: 'selected' });
            return;
          }
        }
      },
    };
  },
};
