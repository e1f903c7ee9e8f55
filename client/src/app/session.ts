/**
 * An open workspace: the document registry for its invite (every document of the workspace opens through
 * it) and the handle of the workspace document itself, held for the session's lifetime. Created once per
 * invite; components receive it through context and never touch Y types.
 */
import { createEffect, on, onCleanup } from 'solid-js';
import type { Invite } from '../sync/invite.ts';
import { WORKSPACE_DOC_ID } from '../../../protocol/index.ts';
import type { Me } from './identity.ts';
import { measureClockOffset, serverNow } from './clock.ts';
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
    // Stamps (updatedAt, a meeting's timer start) on the relay's clock, so colleagues' clocks agree on them.
    now: () => new Date(serverNow()).toISOString(),
  });
  void measureClockOffset();
  const handle = docs.open('workspace', WORKSPACE_DOC_ID);
  keepPlansOnDevice(handle, docs);
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

/**
 * Every plan of the workspace on this device after one online visit (issue: "every plan available offline"):
 * once the workspace has synced, each plan in its index that this tab has not fetched yet is brought into
 * IndexedDB and up to date with the relay (registry `prefetch`, a few at a time), then closed again. Plans
 * added later (by a colleague) are fetched when they appear.
 */
function keepPlansOnDevice(handle: DocHandle<'workspace'>, docs: DocRegistry): void {
  const fetched = new Set<string>();
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      for (;;) {
        const ids = Object.keys(handle.store.plain().data?.plans ?? {}).filter((id) => !fetched.has(id));
        if (ids.length === 0 || handle.connection().phase !== 'synced') return;
        ids.forEach((id) => fetched.add(id));
        const result = await docs.prefetch('plan', ids);
        result.failed.forEach((id) => fetched.delete(id));
        if (result.failed.length > 0) return; // offline again: retried at the next sync
      }
    } finally {
      running = false;
    }
  };
  createEffect(
    on(
      () => [handle.connection().phase, handle.store.version()] as const,
      ([phase]) => {
        if (phase === 'synced') void run();
      },
    ),
  );
}
