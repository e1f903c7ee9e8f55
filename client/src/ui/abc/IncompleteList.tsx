/** Relations of the classified kinds that miss scores: what is missing, and a way to score them now. */
import { A } from '@solidjs/router';
import { For, Show, createMemo, createSignal } from 'solid-js';
import type { ClassifiedRelation } from '../../../../core/abc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';

const PAGE = 25;

export function IncompleteList(props: { relations: ClassifiedRelation[] }) {
  const ws = useWorkspace();
  const [expanded, setExpanded] = createSignal(false);
  const shown = createMemo(() => (expanded() ? props.relations : props.relations.slice(0, PAGE)));
  const criterionName = (id: string) => ws.data()?.criteria[id]?.name ?? id;
  const name = (id: string) => ws.data()?.relations[id]?.name ?? id;
  return (
    <Show when={props.relations.length > 0}>
      <section class="panel abc-section" aria-labelledby="incomplete-title" data-testid="incomplete">
        <div class="panel-head">
          <h2 id="incomplete-title">{t('abc.classes.incompleteTitle')}</h2>
          <span class="muted">{props.relations.length}</span>
        </div>
        <p class="muted abc-lead">{t('abc.classes.incompleteLead')}</p>
        <ul class="incomplete-list">
          <For each={shown()}>
            {(r) => (
              <li>
                <span class="rel-title">{name(r.id)}</span>
                <span class="rel-missing">
                  {t('abc.scoring.missing', { list: r.missing.map(criterionName).join(', ') })}
                </span>
                <A
                  href={`/abc/scoring?r=${encodeURIComponent(r.id)}`}
                  aria-label={t('abc.classes.scoreNowFor', { name: name(r.id) })}
                >
                  {t('abc.classes.scoreNow')}
                </A>
              </li>
            )}
          </For>
        </ul>
        <Show when={!expanded() && props.relations.length > PAGE}>
          <button type="button" class="link" onClick={() => setExpanded(true)}>
            {t('abc.classes.showMore', { count: props.relations.length })}
          </button>
        </Show>
      </section>
    </Show>
  );
}
