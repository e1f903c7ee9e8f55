/**
 * An open workspace: the document registry for its invite (every document of the workspace opens through
 * it) and the handle of the workspace document itself, held for the session's lifetime. Created once per
 * invite; components receive it through context and never touch Y types.
 */
import { onCleanup } from 'solid-js';
import type { Invite } from '../sync/invite.ts';
import { WORKSPACE_DOC_ID } from '../../../protocol/index.ts';
import type { Me } from './identity.ts';
import { createDocRegistry, type DocHandle, type DocRegistry, type PresenceLocation } from './docs.ts';

export type { PresenceEntry, PresenceLocation } from './docs.ts';

export interface WorkspaceSession extends Omit<DocHandle<'workspace'>, 'release' | 'setLocation'> {
  invite: Invite;
  /** Opens any document of this workspace by kind and id (reference-counted). */
  docs: DocRegistry;
  setLocation(view: string, section?: string | null): void;
  setMe(me: Me): void;
}

export const relayUrl = (): string =>
  `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/sync`;

export function openWorkspace(invite: Invite, me: Me): WorkspaceSession {
  const docs = createDocRegistry({
    workspaceId: invite.workspaceId,
    token: invite.token,
    role: invite.role,
    relayUrl: relayUrl(),
    me,
  });
  const handle = docs.open('workspace', WORKSPACE_DOC_ID);
  onCleanup(() => {
    handle.release();
    void docs.dispose();
  });
  return {
    ...handle,
    invite,
    docs,
    setLocation(view, section = null) {
      const location: PresenceLocation = { view, section };
      handle.setLocation(location);
    },
    setMe: (next) => docs.setMe(next),
  };
}
