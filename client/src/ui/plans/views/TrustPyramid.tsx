/**
 * The trust pyramid (seed 002, DOMAIN.md §9) with the plan's activities on their layers: references by
 * ambassadors at the narrow top (most trust-building), then independent sources, media, and our own sales
 * effort at the base. Seed 002: work top-down. The top layer also names the relations' ambassadors
 * (core/kpi.ts `ambassadors`); activities without a layer are counted apart. Cancelled actions build no trust
 * and are left out (core/trust.ts `pyramidCounts`).
 */
import { createMemo, For, Show } from 'solid-js';
import { ambassadors } from '../../../../../core/kpi.ts';
import {
  PYRAMID_LAYERS,
  type AccountPlanDoc,
  type PyramidLayer,
  type WorkspaceDoc,
} from '../../../../../core/model/index.ts';
import { pyramidCounts } from '../../../../../core/trust.ts';
import { t, tn } from '../../../i18n/index.ts';

/** Top (most trust) first, as the pyramid is drawn. */
const TOP_DOWN = [...PYRAMID_LAYERS].reverse() as PyramidLayer[];

export function TrustPyramid(props: {
  plan: Pick<AccountPlanDoc, 'actions' | 'relationIds'>;
  workspace: WorkspaceDoc | null;
  today: string;
}) {
  const counts = createMemo(() => pyramidCounts(props.plan.actions));
  const onLayer = createMemo(() => {
    const by = Object.fromEntries(PYRAMID_LAYERS.map((l) => [l, [] as string[]])) as Record<
      PyramidLayer,
      string[]
    >;
    const sorted = Object.values(props.plan.actions).sort((a, b) => a.order - b.order);
    for (const a of sorted) {
      if (a.status === 'cancelled' || !a.pyramidLayer) continue;
      by[a.pyramidLayer]?.push(a.what);
    }
    return by;
  });
  const champions = createMemo(() =>
    props.workspace ? ambassadors(props.plan.relationIds, props.workspace, props.today) : [],
  );

  return (
    <div class="pyramid" data-testid="trust-pyramid">
      <ol class="pyramid-layers">
        <For each={TOP_DOWN}>
          {(layer, i) => (
            <li class="pyramid-layer" data-layer={layer}>
              <div class="pyramid-band" style={{ '--w': `${46 + i() * 18}%` }}>
                <span class="pyramid-name">{t(`pv.pyramid.${layer}`)}</span>
                <span class="pyramid-count">{counts()[layer]}</span>
              </div>
              <div class="pyramid-detail">
                <Show
                  when={onLayer()[layer].length > 0}
                  fallback={<span class="muted">{t('pv.pyramid.none')}</span>}
                >
                  <ul class="pyramid-list">
                    <For each={onLayer()[layer]}>{(what) => <li>{what || t('pv.untitled')}</li>}</For>
                  </ul>
                </Show>
                <Show when={layer === 'references' && champions().length > 0}>
                  <p class="pyramid-ambassadors">
                    {t('pv.pyramid.ambassadors', {
                      names: champions()
                        .map((a) => a.name)
                        .join(', '),
                    })}
                  </p>
                </Show>
              </div>
            </li>
          )}
        </For>
      </ol>
      <p class="muted pyramid-foot">
        <Show when={counts().none > 0}>{tn('pv.pyramid.unlayered', counts().none)} </Show>
        {t('pv.pyramid.advice')}
      </p>
    </div>
  );
}
