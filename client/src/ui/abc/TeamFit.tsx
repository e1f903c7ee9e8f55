/**
 * Team fit on the classes tab: the same findings, in the same words and with the same links, as the team
 * screen (team/TeamFitFindings.tsx), and each professional's workload of A, B and C relations.
 */
import { For, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { TeamFitFindings } from '../team/TeamFitFindings.tsx';

export function TeamFit() {
  const ws = useWorkspace();
  const fit = () => ws.derived.teamFit();
  const load = () => (fit()?.load ?? []).filter((l) => l.A + l.B + l.C > 0);
  return (
    <section class="panel abc-section" aria-labelledby="teamfit-title" data-testid="teamfit">
      <div class="panel-head">
        <h2 id="teamfit-title">{t('team.fit.title')}</h2>
      </div>
      <TeamFitFindings testId="teamfit-findings" limit />
      <Show when={load().length > 0}>
        <h3 class="sub">{t('abc.team.load')}</h3>
        <ul class="load">
          <For each={load()}>
            {(l) => (
              <li>
                <span>{ws.data()?.professionals[l.professionalId]?.name}</span>
                <span class="muted">{t('abc.team.loadRow', { a: l.A, b: l.B, c: l.C })}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
