/** The ABC screens (DOMAIN.md §2): criteria, the scoring grid, classes with Pareto and team fit, settings. */
import { A, Navigate, useParams } from '@solidjs/router';
import { For, Match, Show, Switch, createMemo } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t, tn } from '../../i18n/index.ts';
import { CriteriaTab } from './CriteriaTab.tsx';
import { ScoringTab } from './ScoringTab.tsx';
import { ClassesTab } from './ClassesTab.tsx';
import { SettingsTab } from './SettingsTab.tsx';
import './abc.css';

const TABS = ['criteria', 'scoring', 'classes', 'settings'] as const;
type Tab = (typeof TABS)[number];
const isTab = (s: string | undefined): s is Tab => TABS.includes(s as Tab);

export default function AbcView() {
  const ws = useWorkspace();
  const params = useParams<{ tab?: string }>();
  const counts = createMemo(() => ws.derived.classification()?.counts ?? null);
  /** Without a tab: the criteria while they are incomplete, else the classes. */
  const fallback = (): Tab => (ws.derived.classification()?.criteriaValid ? 'classes' : 'criteria');

  return (
    <Show when={params.tab === undefined || isTab(params.tab)} fallback={<Navigate href="/abc/criteria" />}>
      <Show when={isTab(params.tab)} fallback={<Navigate href={`/abc/${fallback()}`} />}>
        <section class="abc" aria-labelledby="abc-title">
          <header class="abc-head">
            <div>
              <h1 id="abc-title">{t('abc.title')}</h1>
              <p class="muted abc-intro">{t('abc.intro')}</p>
            </div>
            <Show when={counts()}>
              {(c) => (
                <p class="abc-summary" data-testid="abc-summary">
                  <span>{t('abc.summary', { a: c().A, b: c().B, c: c().C })}</span>
                  <Show when={c().incomplete > 0}>
                    <span class="abc-summary-incomplete">{tn('abc.summary.incomplete', c().incomplete)}</span>
                  </Show>
                </p>
              )}
            </Show>
          </header>
          <nav class="abc-tabs" aria-label={t('abc.tabs')}>
            <For each={TABS}>
              {(tab) => (
                <A
                  href={`/abc/${tab}`}
                  class="abc-tab"
                  activeClass="active"
                  aria-current={params.tab === tab ? 'page' : undefined}
                >
                  {t(`abc.tab.${tab}`)}
                </A>
              )}
            </For>
          </nav>
          <Show when={ws.readOnly()}>
            <p class="abc-readonly" role="note">
              {t('abc.readOnly')}
            </p>
          </Show>
          <Switch>
            <Match when={params.tab === 'criteria'}>
              <CriteriaTab />
            </Match>
            <Match when={params.tab === 'scoring'}>
              <ScoringTab />
            </Match>
            <Match when={params.tab === 'classes'}>
              <ClassesTab />
            </Match>
            <Match when={params.tab === 'settings'}>
              <SettingsTab />
            </Match>
          </Switch>
        </section>
      </Show>
    </Show>
  );
}
