/**
 * What changed in the workspace's relations, contacts and ABC scores (issue 9), since a date or a version,
 * with its version list. A workspace is brought back from a backup (Import & export), not from a version.
 */
import { For } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { HistoryPanel } from './HistoryPanel.tsx';
import type { ValueLookups } from './format.ts';

type Json = Record<string, unknown>;
const records = (v: unknown): Json[] => (v && typeof v === 'object' ? (Object.values(v) as Json[]) : []);

function WorkspaceVersionView(props: { json: Json }) {
  const contactsOf = (relationId: unknown) =>
    records(props.json.contacts)
      .filter((c) => c.relationId === relationId)
      .map((c) => String(c.name ?? ''))
      .join(', ');
  return (
    <ul class="hist-plan">
      <For each={records(props.json.relations).sort((a, b) => String(a.name).localeCompare(String(b.name)))}>
        {(r) => (
          <li>
            {String(r.name ?? '')}
            {contactsOf(r.id) ? ` — ${contactsOf(r.id)}` : ''}
          </li>
        )}
      </For>
    </ul>
  );
}

export function WorkspaceHistory() {
  const ws = useWorkspace();
  const lookups: ValueLookups = {
    person: (id) => ws.data()?.professionals[id]?.name,
    relation: (id) => ws.data()?.relations[id]?.name,
    goal: () => undefined,
    get currency() {
      return ws.data()?.settings.currency ?? 'EUR';
    },
  };
  return (
    <section class="panel hist-ws" aria-labelledby="hist-ws-title">
      <h2 id="hist-ws-title">{t('hist.ws.title')}</h2>
      <HistoryPanel
        handle={ws.session}
        me={ws.me}
        id="hist-ws"
        lookups={lookups}
        readOnly={ws.readOnly()}
        renderVersion={(json) => <WorkspaceVersionView json={json} />}
      />
    </section>
  );
}
