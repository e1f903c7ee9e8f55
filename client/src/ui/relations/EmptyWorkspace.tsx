/** What a new, empty workspace says: the method in two sentences, and where to start (issue 11 §6). */
import { A } from '@solidjs/router';
import { Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';

export function EmptyWorkspace() {
  const ws = useWorkspace();
  return (
    <div class="empty-workspace" data-testid="empty-workspace">
      <p>{t('empty.method')}</p>
      <p>{t('empty.start')}</p>
      <Show when={!ws.readOnly()}>
        <ul>
          <li>
            <A href="/data">{t('empty.import')}</A>
          </li>
          <li>
            <A href="/abc/criteria">{t('empty.criteria')}</A>
          </li>
          <li>
            <A href="/team">{t('empty.team')}</A>
          </li>
        </ul>
      </Show>
    </div>
  );
}
