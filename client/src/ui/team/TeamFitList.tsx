/** Team-fit findings about owners (core/abc teamFit via the derived state), errors first, in the user's language. */
import { A } from '@solidjs/router';
import { createMemo, For, Show } from 'solid-js';
import type { TeamFinding } from '../../../../core/abc/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t, type MessageKey } from '../../i18n/index.ts';

export function TeamFitList() {
  const ws = useWorkspace();
  const findings = createMemo(() =>
    [...(ws.derived.teamFit()?.findings ?? [])].sort(
      (a, b) =>
        (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1) ||
        (a.params.class < b.params.class ? -1 : a.params.class > b.params.class ? 1 : 0),
    ),
  );
  const message = (f: TeamFinding) => {
    const d = ws.data();
    const owner = f.params.ownerId ? d?.professionals[f.params.ownerId] : undefined;
    const key = `team.finding.${f.id.replace(/^team\./, '')}` as MessageKey;
    return t(key, {
      cls: f.params.class,
      owner: owner?.name ?? '',
      profile: owner ? t(`team.profile.${owner.profile}`) : '',
    });
  };
  return (
    <section class="panel" aria-labelledby="team-fit-title">
      <h2 id="team-fit-title">{t('team.fit.title')}</h2>
      <Show when={findings().length > 0} fallback={<p class="ok-text">✓ {t('team.fit.ok')}</p>}>
        <ul class="findings" data-testid="team-fit">
          <For each={findings()}>
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
      </Show>
    </section>
  );
}
