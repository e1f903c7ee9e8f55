import { createSignal, Match, onCleanup, Show, Switch } from 'solid-js';
import type { ConnectionState } from '../sync/connection.ts';
import { t, tn } from '../i18n/index.ts';
import { CloseCode } from '../../../protocol/index.ts';

/**
 * Always tells the sync state: loading / connecting / synced / offline (with pending changes) / refused — and,
 * when there is no copy on this device (`state.local` not `ok`), that changes live only in this tab.
 */
export function SyncStatus(props: { state: ConnectionState; onRetry: () => void }) {
  const [now, setNow] = createSignal(Date.now());
  const timer = setInterval(() => setNow(Date.now()), 1000);
  onCleanup(() => clearInterval(timer));
  const seconds = () =>
    props.state.retryAt === null ? null : Math.max(0, Math.ceil((props.state.retryAt - now()) / 1000));
  // Without a working local copy, what the relay has not received exists only in this tab.
  const tabOnly = () => props.state.local === 'unavailable' || props.state.local === 'unreadable';
  return (
    <div class="sync" data-phase={props.state.phase} role="status" aria-live="polite">
      <span class="dot" aria-hidden="true" />
      <Switch>
        <Match when={props.state.phase === 'loading'}>{t('sync.loading')}</Match>
        <Match when={props.state.phase === 'connecting'}>{t('sync.connecting')}</Match>
        <Match when={props.state.phase === 'synced'}>
          {tabOnly() ? t('sync.syncedTabOnly') : t('sync.synced')}
        </Match>
        <Match when={props.state.phase === 'offline'}>
          {tabOnly() ? t('sync.offlineTabOnly') : t('sync.offline')}
          <Show when={seconds() !== null}>
            {' · '}
            {t('sync.retryIn', { seconds: seconds()! })}{' '}
            <button type="button" class="link" onClick={() => props.onRetry()}>
              {t('sync.retryNow')}
            </button>
          </Show>
        </Match>
        <Match when={props.state.phase === 'refused'}>
          {props.state.refusal?.code === CloseCode.Unauthorized
            ? t('sync.refused.4401')
            : props.state.refusal?.code === CloseCode.Forbidden
              ? t('sync.refused.4403')
              : t('sync.refused.other', { code: props.state.refusal?.code ?? 0 })}
        </Match>
      </Switch>
      <Show when={props.state.pending > 0 && props.state.phase !== 'synced'}>
        <span class="pending">{tn('sync.pending', props.state.pending)}</span>
      </Show>
    </div>
  );
}
