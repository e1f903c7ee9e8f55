import { createSignal, Show } from 'solid-js';
import { currentInvite } from '../app/invites.ts';
import { loadMe } from '../app/identity.ts';
import type { Invite } from '../sync/invite.ts';
import { locale, setLocale } from '../i18n/index.ts';
import { JoinScreen } from './JoinScreen.tsx';
import { WorkspaceScreen } from './WorkspaceScreen.tsx';

export function App() {
  setLocale(locale());
  const initial = currentInvite(Date.now());
  const [invite, setInvite] = createSignal<Invite | null>(initial.invite);
  const me = loadMe();
  return (
    <Show when={invite()} keyed fallback={<JoinScreen initialProblem={initial.problem} onJoin={setInvite} />}>
      {(inv) => <WorkspaceScreen invite={inv} me={me} />}
    </Show>
  );
}
