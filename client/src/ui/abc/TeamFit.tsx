/** Team-fit findings from core (owners of A and B relations), and each professional's load. */
import { For, Show, createSignal } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { teamFindingText } from './messages.ts';

const MAX_SHOWN = 8;

export function TeamFit() {
  const ws = useWorkspace();
  const fit = () => ws.derived.teamFit();
  const [expanded, setExpanded] = createSignal(false);
  const all = () => fit()?.findings ?? [];
  const findings = () => (expanded() ? all() : all().slice(0, MAX_SHOWN));
  const load = () => (fit()?.load ?? []).filter((l) => l.A + l.B + l.C > 0);
  return (
    <section class="panel abc-section" aria-labelledby="teamfit-title" data-testid="teamfit">
      <div class="panel-head">
        <h2 id="teamfit-title">{t('abc.team.title')}</h2>
      </div>
      <Show
        when={findings().length > 0}
        fallback={
          <p class="abc-callout ok">
            <span aria-hidden="true">✓</span> {t('abc.team.ok')}
          </p>
        }
      >
        <ul class="findings">
          <For each={findings()}>
            {(f) => (
              <li data-severity={f.severity}>
                <span class="sev">{t(`abc.team.severity.${f.severity}`)}</span>
                <span>{teamFindingText(f, ws.data())}</span>
              </li>
            )}
          </For>
        </ul>
        <Show when={!expanded() && all().length > MAX_SHOWN}>
          <button type="button" class="link" onClick={() => setExpanded(true)}>
            {t('abc.classes.showMore', { count: all().length })}
          </button>
        </Show>
      </Show>
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
