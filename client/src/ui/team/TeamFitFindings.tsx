/**
 * The team-fit findings about owners (core/abc teamFit via the derived state), errors first, each naming
 * and linking its relation — one wording on every screen that shows them (team, ABC classes). A green
 * check only when there is something to check: professionals, and relations of class A or B.
 */
import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Show } from 'solid-js';
import type { TeamFinding } from '../../../../core/abc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';

const MAX_SHOWN = 8;

export function TeamFitFindings(props: { testId: string; limit?: boolean }) {
  const ws = useWorkspace();
  const findings = createMemo(() =>
    [...(ws.derived.teamFit()?.findings ?? [])].sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.params.class < b.params.class ? -1 : a.params.class > b.params.class ? 1 : 0),
    ),
  );
  const [showAll, setShowAll] = createSignal(false);
  const all = () => !props.limit || showAll();
  const shown = () => (all() ? findings() : findings().slice(0, MAX_SHOWN));
  const checkable = () =>
    Object.keys(ws.data()?.professionals ?? {}).length > 0 &&
    [...ws.derived.classOf().values()].some((r) => r.class === 'A' || r.class === 'B');
  const message = (f: TeamFinding) => {
    const owner = f.params.ownerId ? ws.data()?.professionals[f.params.ownerId] : undefined;
    const key = `team.finding.${f.id.replace(/^team\./, '')}` as MessageKey;
    return t(key, {
      cls: f.params.class,
      owner: owner?.name ?? '',
      profile: owner ? t(`team.profile.${owner.profile}`) : '',
    });
  };
  return (
    <Show
      when={findings().length > 0}
      fallback={
        <Show when={checkable()} fallback={<p class="muted">{t('team.fit.nothing')}</p>}>
          <p class="ok-text">
            <span aria-hidden="true">✓</span> {t('team.fit.ok')}
          </p>
        </Show>
      }
    >
      <ul class="findings" data-testid={props.testId}>
        <For each={shown()}>
          {(f) => (
            <li data-severity={f.severity}>
              <span class="sev">{t(f.severity === 'error' ? 'team.fit.error' : 'team.fit.warning')}</span>
              <span>
                <A href={`/relations/${encodeURIComponent(f.relationId)}`}>
                  {ws.data()?.relations[f.relationId]?.name ?? f.relationId}
                </A>
                {' — '}
                {message(f)}
              </span>
            </li>
          )}
        </For>
      </ul>
      <Show when={!all() && findings().length > MAX_SHOWN}>
        <button type="button" class="link" onClick={() => setShowAll(true)}>
          {t('abc.classes.showMore', { count: findings().length })}
        </button>
      </Show>
    </Show>
  );
}
