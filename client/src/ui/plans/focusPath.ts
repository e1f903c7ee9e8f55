/**
 * "Clicking a finding moves focus to the field it names": fields of the plan page carry `data-path` with the
 * finding's dotted path (`actions.a1.ownerId`, `situation.text`, `goals.g1.metric`); a path without its own
 * field focuses the first field under it, else its section.
 */

/** Where a path with no field of its own lives: its section's element id. */
const SECTION_OF: Record<string, string> = {
  goals: 'sec-goals',
  actions: 'sec-actions',
  budget: 'sec-budget',
  relationIds: 'sec-situation',
  updatedAt: 'plan-title',
  keyPoints: 'sec-keyPoints',
};

/**
 * Focus the field for `path` within `root`; `firstMissing` names the sub-field to prefer (a goal's first
 * missing field). Returns whether something got focus.
 */
export function focusPath(root: ParentNode, path: string, firstMissing?: string): boolean {
  const esc = (s: string) => s.replace(/["\\]/g, '\\$&');
  const candidates = [
    firstMissing ? `[data-path="${esc(`${path}.${firstMissing}`)}"]` : null,
    `[data-path="${esc(path)}"]`,
    `[data-path^="${esc(path)}."]`,
  ].filter((s): s is string => s !== null);
  for (const selector of candidates) {
    const el = root.querySelector<HTMLElement>(selector);
    if (el) return focusElement(el);
  }
  const top = path.split('.')[0] ?? '';
  const section = SECTION_OF[path] ?? SECTION_OF[top] ?? `sec-${top}`;
  const el = (root as Document | Element).querySelector<HTMLElement>(`#${section}`);
  return el ? focusElement(el) : false;
}

function focusElement(el: HTMLElement): boolean {
  el.scrollIntoView({ block: 'center', behavior: 'auto' });
  const focusable = el.matches('input, select, textarea, button, [contenteditable], [tabindex]')
    ? el
    : el.querySelector<HTMLElement>('input, select, textarea, button, [contenteditable="true"]');
  if (focusable) {
    focusable.focus();
    return true;
  }
  if (!el.hasAttribute('tabindex')) el.setAttribute('tabindex', '-1');
  el.focus();
  return true;
}
