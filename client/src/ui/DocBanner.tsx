import { Match, Switch } from 'solid-js';
import { t } from '../i18n/index.ts';

/** What is wrong with the document itself: newer version (read-only), not yet there, quarantined parts. */
export function DocBanner(props: { status: string; reason: string | null; quarantine: number }) {
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
      <Match when={props.quarantine > 0}>
        <div class="banner warn" role="alert">
          <strong>{t('quarantine.title')}</strong> {t('quarantine.body', { count: props.quarantine })}
        </div>
      </Match>
    </Switch>
  );
}
