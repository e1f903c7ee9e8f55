/**
 * The live validation panel: every core/plan finding, grouped by severity, in the user's language; clicking
 * one moves focus to the field it names. Updates on every change (the findings are a memo of the plan).
 */
import { createMemo, For, Index } from 'solid-js';
import type { Finding, Severity } from '../../../../core/plan/index.ts';
import { findingMessage } from '../../../../core/messages/findings.ts';
import { locale, t, tn } from '../../i18n/index.ts';
import { focusPath } from './focusPath.ts';
import { REVEAL_EVENT } from './ActionTable.tsx';

const GROUPS: {
  severity: Severity;
  key: 'plans.findings.errors' | 'plans.findings.warnings' | 'plans.findings.infos';
}[] = [
  { severity: 'error', key: 'plans.findings.errors' },
  { severity: 'warning', key: 'plans.findings.warnings' },
  { severity: 'info', key: 'plans.findings.infos' },
];

export function FindingsPanel(props: { findings: Finding[] }) {
  const grouped = createMemo(() =>
    GROUPS.map((g) => ({ ...g, items: props.findings.filter((f) => f.severity === g.severity) })).filter(
      (g) => g.items.length > 0,
    ),
  );
  const go = (f: Finding) => {
    const missing = typeof f.params?.missing === 'string' ? f.params.missing.split(',')[0] : undefined;
    // A long action table renders only the rows in view: let it bring the row in first.
    document.dispatchEvent(new CustomEvent(REVEAL_EVENT, { detail: f.path }));
    requestAnimationFrame(() =>
      requestAnimationFrame(() => focusPath(document, f.path, missing || undefined)),
    );
  };
  return (
    <aside class="findings-panel" aria-labelledby="findings-title" data-testid="findings">
      <h2 id="findings-title">{t('plans.findings.title')}</h2>
      <p class="muted" aria-live="polite">
        {props.findings.length === 0
          ? t('plans.findings.none')
          : tn('plans.findings.count', props.findings.length)}
      </p>
      <For each={grouped()}>
        {(group) => (
          <section class="findings-group" data-severity={group.severity}>
            <h3>
              {t(group.key)} <span class="count">{group.items.length}</span>
            </h3>
            <ul>
              <Index each={group.items}>
                {(f) => (
                  <li>
                    <button type="button" class="finding" data-rule={f().id} onClick={() => go(f())}>
                      {findingMessage(f(), locale())}
                    </button>
                  </li>
                )}
              </Index>
            </ul>
          </section>
        )}
      </For>
    </aside>
  );
}
