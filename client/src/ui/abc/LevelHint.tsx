/** Under the scoring tools: what each score means for the focused criterion, the current one marked. */
import { For, Show } from 'solid-js';
import type { Criterion, Relation } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';

const LEVELS = ['1', '2', '3', '4'] as const;

export function LevelHint(props: { relation: Relation | undefined; criterion: Criterion | undefined }) {
  const ws = useWorkspace();
  const current = () =>
    props.relation && props.criterion
      ? (ws.data()?.scores[props.relation.id]?.[props.criterion.id] ?? null)
      : null;
  const hasLevels = () => LEVELS.some((l) => props.criterion?.levels?.[l]);
  return (
    <Show when={props.relation && props.criterion}>
      <div class="level-hint" data-testid="level-hint">
        <p class="level-focus">
          {t('abc.scoring.focus', { relation: props.relation!.name, criterion: props.criterion!.name })}
          <Show when={props.criterion!.description}>
            <span class="muted"> — {props.criterion!.description}</span>
          </Show>
        </p>
        <Show
          when={hasLevels()}
          fallback={<p class="muted small">{t('abc.scoring.noLevels', { name: props.criterion!.name })}</p>}
        >
          <ol class="levels">
            <For each={LEVELS}>
              {(l) => (
                <li classList={{ current: String(current()) === l }}>
                  <span class="score-chip" data-score={l}>
                    {l}
                  </span>
                  <span>{props.criterion!.levels?.[l] || '—'}</span>
                </li>
              )}
            </For>
          </ol>
        </Show>
      </div>
    </Show>
  );
}
