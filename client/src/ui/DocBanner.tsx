import { For, Match, Switch } from 'solid-js';
import type { QuarantineEntry } from '../../../doc/check.ts';
import { formatIssue } from '../../../core/model/issues.ts';
import { locale, t } from '../i18n/index.ts';

/**
 * What is wrong with the document itself: a newer version (read-only), not there yet, unreadable, or
 * records from a peer that do not fit the schema — kept aside, listed with what is wrong, never deleted.
 */
export function DocBanner(props: { status: string; reason: string | null; quarantine: QuarantineEntry[] }) {
  return (
    <Switch>
      <Match when={props.status === 'newerVersion'}>
        <div class="banner warn" role="alert">
          {t('doc.newerVersion')}
        </div>
      </Match>
      <Match when={props.status === 'uninitialised'}>
        <div class="banner">{t('doc.uninitialised')}</div>
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
