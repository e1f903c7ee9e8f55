import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { t, type MessageKey } from '../i18n/index.ts';

const ITEMS: { href: string; label: MessageKey }[] = [
  { href: '/relations', label: 'nav.relations' },
  { href: '/plans', label: 'nav.plans' },
  { href: '/meetings', label: 'nav.meetings' },
  { href: '/fire', label: 'nav.fire' },
  { href: '/tournament', label: 'nav.tournament' },
  { href: '/team', label: 'nav.team' },
  { href: '/abc', label: 'nav.abc' },
  { href: '/data', label: 'nav.data' },
  { href: '/settings', label: 'nav.settings' },
];

export function Nav() {
  return (
    <nav class="nav" aria-label={t('nav.label')}>
      <For each={ITEMS}>
        {(item) => (
          <A href={item.href} activeClass="active">
            {t(item.label)}
          </A>
        )}
      </For>
    </nav>
  );
}
