import { For, Match, Show, Switch } from 'solid-js';
import type { ConnectionState } from '../sync/connection.ts';
import type { QuarantineEntry } from '../../../doc/check.ts';
import { formatIssue } from '../../../core/model/issues.ts';
import { locale, t } from '../i18n/index.ts';

/**
 * What is wrong with the document itself: a newer version (read-only), not there yet (and why: the relay
 * cannot be reached), unreadable, or records from a peer that do not fit the schema — kept aside, listed with
 * what is wrong, never deleted. Above that, when given the connection: that this device keeps no copy (storage
 * refused, unreadable or full) and what that means for unsent changes.
 */
export function DocBanner(props: {
  status: string;
  reason: string | null;
  quarantine: QuarantineEntry[];
  connection?: ConnectionState;
}) {
  const local = () => props.connection?.local ?? 'ok';
  const unreachable = () => props.connection?.phase === 'offline';
  return (
    <>
      <Show when={local() !== 'ok'}>
        <div class="banner warn" role="alert" data-local={local()}>
          {local() === 'full'
            ? t('local.full')
            : local() === 'unreadable'
              ? t('local.unreadable')
              : t('local.unavailable')}
        </div>
      </Show>
      <DocProblems {...props} unreachable={unreachable()} />
    </>
  );
}

function DocProblems(props: {
  status: string;
  reason: string | null;
  quarantine: QuarantineEntry[];
  unreachable: boolean;
}) {
  return (
    <Switch>
      <Match when={props.status === 'newerVersion'}>
        <div class="banner warn" role="alert">
          {t('doc.newerVersion')}
        </div>
      </Match>
      <Match when={props.status === 'uninitialised'}>
        <div class="banner" role={props.unreachable ? 'alert' : undefined}>
          {props.unreachable ? t('doc.notHereYet') : t('doc.uninitialised')}
        </div>
      </Match>
      <Match when={props.status === 'unreadable'}>
        <div class="banner warn" role="alert">
          {props.reason}
        </div>
      </Match>
      <Match when={props.quarantine.length > 0}>
        <div class="banner warn" role="alert">
          <strong>{t('quarantine.title')}</strong> {t('quarantine.body', { count: props.quarantine.length })}
          <details class="quarantine">
            <summary>{t('quarantine.details')}</summary>
            <ul>
              <For each={props.quarantine}>
                {(entry) => (
                  <li>
                    <code>{entry.path}</code>: {entry.issues.map((i) => formatIssue(i, locale())).join('; ')}
                  </li>
                )}
              </For>
            </ul>
          </details>
        </div>
      </Match>
    </Switch>
  );
}
