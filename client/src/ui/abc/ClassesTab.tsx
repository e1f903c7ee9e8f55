/** Classes: the distribution against the target, Pareto, team fit, and per class the relations with overrides. */
import { A } from '@solidjs/router';
import { For, Show, createMemo } from 'solid-js';
import { CLASSES, type AbcClass } from '../../../../core/model/index.ts';
import type { ClassifiedRelation } from '../../../../core/abc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { Distribution } from './Distribution.tsx';
import { ParetoView } from './ParetoView.tsx';
import { TeamFit } from './TeamFit.tsx';
import { ClassList } from './ClassList.tsx';
import { IncompleteList } from './IncompleteList.tsx';

export function ClassesTab() {
  const ws = useWorkspace();
  const classification = () => ws.derived.classification();
  const byClass = createMemo(() => {
    const groups: Record<AbcClass, ClassifiedRelation[]> = { A: [], B: [], C: [] };
    const incomplete: ClassifiedRelation[] = [];
    const d = ws.data();
    const kinds = new Set<string>(d?.settings.classification.kinds ?? []);
    for (const r of classification()?.relations ?? []) {
      if (!kinds.has(r.kind)) continue;
      if (r.class) groups[r.class].push(r);
      else if (r.missing.length > 0) incomplete.push(r);
    }
    // Highest total first; equal totals by name.
    const name = (id: string) => d?.relations[id]?.name ?? '';
    const order = (a: ClassifiedRelation, b: ClassifiedRelation) =>
      (b.total ?? -1) - (a.total ?? -1) || name(a.id).localeCompare(name(b.id));
    for (const c of CLASSES) groups[c].sort(order);
    incomplete.sort((a, b) => name(a.id).localeCompare(name(b.id)));
    return { groups, incomplete };
  });

  return (
    <div class="abc-tabpanel">
      <Show when={classification() && !classification()!.criteriaValid}>
        <p class="abc-callout warn">
          {t('abc.classes.criteriaInvalid')} <A href="/abc/criteria">{t('abc.classes.fixCriteria')}</A>
        </p>
      </Show>
      <div class="abc-overview">
        <Distribution />
        <TeamFit />
      </div>
      <ParetoView />
      <For each={CLASSES}>{(c) => <ClassList cls={c} relations={byClass().groups[c]} />}</For>
      <IncompleteList relations={byClass().incomplete} />
    </div>
  );
}
