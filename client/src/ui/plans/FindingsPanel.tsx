/**
 * The live validation panel: every core/plan finding, grouped by severity, in the user's language; clicking
 * one moves focus to the field it names. Updates on every change (the findings are a memo of the plan).
 */
import { createMemo, For } from 'solid-js';
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
  // Groups are keyed by their severity and rows by what the finding says (rule, field, parameters): strings,
  // which <For> matches by value. Every keystroke makes new finding objects; keyed by object (or by position)
  // every row of the panel was rebuilt or rewritten and the whole panel repainted — 100 rows per keystroke in
  // a 500-action plan (issue 7 §5). Now a row is touched only when its finding comes or goes.
  // One pass: each finding's key, by severity, and the finding a key stands for.
  const index = createMemo(() => {
    const byKey = new Map<string, Finding>();
    const keysOf = new Map<Severity, string[]>();
    for (const f of props.findings) {
      const key = findingKey(f);
      byKey.set(key, f);
      const list = keysOf.get(f.severity);
      if (list) list.push(key);
      else keysOf.set(f.severity, [key]);
    }
    return { byKey, keysOf };
  });
  const keysOf = (severity: Severity) => index().keysOf.get(severity) ?? [];
  const groups = createMemo(() => GROUPS.filter((g) => keysOf(g.severity).length > 0), undefined, {
    equals: sameList,
  });
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
      <For each={groups()}>
        {(group) => {
          const keys = createMemo(() => keysOf(group.severity), undefined, { equals: sameList });
          return (
            <section class="findings-group" data-severity={group.severity}>
              <h3>
                {t(group.key)} <span class="count">{keys().length}</span>
              </h3>
              <ul>
                <For each={keys()}>
                  {(key) => {
                    // Read once (rows are made untracked): the key says all the row shows.
                    const f = index().byKey.get(key)!;
                    return (
                      <li>
                        <button type="button" class="finding" data-rule={f.id} onClick={() => go(f)}>
                          {findingMessage(f, locale())}
                        </button>
                      </li>
                    );
                  }}
                </For>
              </ul>
            </section>
          );
        }}
      </For>
    </aside>
  );
}

/** What a finding says, as one string: equal for findings a reader cannot tell apart. */
const findingKey = (f: Finding): string => `${f.id}\u0000${f.path}\u0000${JSON.stringify(f.params ?? null)}`;

const sameList = <T,>(a: readonly T[], b: readonly T[]): boolean =>
  a.length === b.length && a.every((x, i) => x === b[i]);
