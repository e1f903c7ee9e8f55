/**
 * An open workspace: its Y.Doc persisted in IndexedDB and synced through the relay, the Solid store over
 * it, and presence. Created once per invite; components receive it and never touch Y types.
 */
import * as Y from 'yjs';
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import { openDocument, type ConnectionState } from '../sync/connection.ts';
import { roomName, type Invite } from '../sync/invite.ts';
import { createWorkspaceStore, type WorkspaceStore } from '../stores/workspaceStore.ts';
import type { Me } from './identity.ts';

export interface PresenceEntry {
  clientId: number;
  user: { id: string; name: string; color: string };
  location: { view: string } | null;
  self: boolean;
}

export interface WorkspaceSession {
  invite: Invite;
  store: WorkspaceStore;
  connection: Accessor<ConnectionState>;
  presence: Accessor<PresenceEntry[]>;
  readOnly: Accessor<boolean>;
  setLocation(view: string): void;
  setMe(me: Me): void;
  reconnect(): void;
}

export const relayUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;

export function openWorkspace(invite: Invite, me: Me): WorkspaceSession {
  const doc = new Y.Doc();
  const origin = { user: me.id }; // this tab's edits: what its undo tracks
  // Migrations run on every load path: after IndexedDB (`ready`) and after each relay sync (`onLoad`).
  let loadStore: (() => void) | null = null;
  const conn = openDocument({
    doc,
    room: roomName(invite.workspaceId, 'workspace', 'main'),
    token: invite.token,
    relayUrl: relayUrl(),
    onLoad: (source) => {
      if (source === 'relay') loadStore?.();
    },
  });
  const store = createWorkspaceStore(doc, {
    origin,
    now: () => new Date().toISOString(),
    ready: conn.loaded,
  });
  loadStore = () => store.load();

  const [connection, setConnection] = createSignal<ConnectionState>(conn.state());
  onCleanup(conn.subscribe(setConnection));

  const awareness = conn.awareness;
  let location: PresenceEntry['location'] = null;
  let user = { id: me.id, name: me.name, color: me.color };
  const publish = () => awareness.setLocalState({ user, location });
  publish();

  const readPresence = (): PresenceEntry[] =>
    [...awareness.getStates().entries()]
      .filter(([, s]) => s && typeof s === 'object' && 'user' in s)
      .map(([clientId, s]) => ({
        clientId,
        user: (s as { user: PresenceEntry['user'] }).user,
        location: (s as { location?: PresenceEntry['location'] }).location ?? null,
        self: clientId === doc.clientID,
      }))
      .sort((a, b) => Number(b.self) - Number(a.self) || a.user.name.localeCompare(b.user.name));
  const [presence, setPresence] = createSignal<PresenceEntry[]>(readPresence());
  const onAwareness = () => setPresence(readPresence());
  awareness.on('change', onAwareness);

  onCleanup(() => {
    awareness.off('change', onAwareness);
    void conn.destroy();
    doc.destroy();
  });

  return {
    invite,
    store,
    connection,
    presence,
    readOnly: () => invite.role === 'viewer' || store.state.status !== 'ready',
    setLocation(view) {
      location = { view };
      publish();
    },
    setMe(next) {
      user = { id: next.id, name: next.name, color: next.color };
      publish();
    },
    reconnect: () => conn.reconnect(),
  };
}
