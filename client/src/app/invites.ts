/**
 * The invites this browser holds, one per workspace. An invite arrives in the URL fragment
 * (`/#invite=<token>`, never sent to the server's logs), is remembered, and the fragment is cleared.
 */
import { inviteExpired, readInvite, type Invite } from '../sync/invite.ts';

const KEY = 'haard.invites';

export type InviteProblem = 'invalid' | 'expired';

function loadAll(): Record<string, string> {
  try {
    return (JSON.parse(localStorage.getItem(KEY) ?? '{}') as Record<string, string>) ?? {};
  } catch {
    return {};
  }
}

export function rememberInvite(invite: Invite): void {
  localStorage.setItem(KEY, JSON.stringify({ ...loadAll(), [invite.workspaceId]: invite.token }));
  localStorage.setItem(`${KEY}.last`, invite.workspaceId);
}

/** The invite to open now: from the URL when there is one, else the last one used. */
export function currentInvite(nowMs: number): { invite: Invite | null; problem: InviteProblem | null } {
  const fromUrl = /[#&]invite=([^&]+)/.exec(location.hash)?.[1];
  if (fromUrl) {
    history.replaceState(null, '', location.pathname + location.search);
    return acceptInvite(decodeURIComponent(fromUrl), nowMs);
  }
  const last = localStorage.getItem(`${KEY}.last`);
  const token = last ? loadAll()[last] : undefined;
  const invite = token ? readInvite(token) : null;
  return { invite, problem: null };
}

/** Reads a pasted invite link or code, and remembers it when it is usable. */
export function acceptInvite(
  text: string,
  nowMs: number,
): { invite: Invite | null; problem: InviteProblem | null } {
  const token = /invite=([^&\s]+)/.exec(text)?.[1] ?? text.trim();
  const invite = readInvite(decodeURIComponent(token));
  if (!invite) return { invite: null, problem: 'invalid' };
  if (inviteExpired(invite, nowMs)) return { invite: null, problem: 'expired' };
  rememberInvite(invite);
  return { invite, problem: null };
}

const NAMES_KEY = 'haard.workspaceNames';

/** Remembers a workspace's name for the workspace menu (names live in the documents; this is a label cache). */
export function rememberName(workspaceId: string, name: string): void {
  try {
    const names = JSON.parse(localStorage.getItem(NAMES_KEY) ?? '{}') as Record<string, string>;
    if (names[workspaceId] === name) return;
    localStorage.setItem(NAMES_KEY, JSON.stringify({ ...names, [workspaceId]: name }));
  } catch {
    localStorage.setItem(NAMES_KEY, JSON.stringify({ [workspaceId]: name }));
  }
}

/** The workspaces this browser holds an invite for, with their last known names. */
export function knownWorkspaces(): { workspaceId: string; token: string; name: string }[] {
  let names: Record<string, string> = {};
  try {
    names = JSON.parse(localStorage.getItem(NAMES_KEY) ?? '{}') as Record<string, string>;
  } catch {
    // a broken cache only loses labels
  }
  return Object.entries(loadAll()).map(([workspaceId, token]) => ({
    workspaceId,
    token,
    name: names[workspaceId] ?? workspaceId,
  }));
}
