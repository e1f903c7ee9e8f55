import { createSignal, For, onCleanup, Show } from 'solid-js';
import { useWorkspace } from '../app/context.tsx';
import { createInvite, createWorkspace, inviteLink, type ApiResult } from '../app/api.ts';
import { knownWorkspaces, rememberInvite } from '../app/invites.ts';
import { readInvite } from '../sync/invite.ts';
import { InviteList } from './InviteList.tsx';
import { locale, t } from '../i18n/index.ts';
import { INVITE_LABEL_MAX } from '../../../protocol/index.ts';

/** How long a new invite link stays valid. */
const INVITE_DAYS = 30;

/**
 * Switch workspace, create a new one, invite colleagues (editor or viewer) and copy the link. The panel
 * opens below the navigation tabs (never over them) and closes on Escape and on a click outside.
 */
export function WorkspaceMenu() {
  let details: HTMLDetailsElement | undefined;
  const [place, setPlace] = createSignal<{ top: number; left: number } | null>(null);
  const [copied, setCopied] = createSignal(false);
  const close = () => {
    if (details?.open) details.open = false;
  };
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && details?.open) {
      close();
      details.querySelector('summary')?.focus();
    }
  };
  // On pointerdown, and by the event's path: a click inside may re-render (and detach) its own target.
  const onClick = (e: PointerEvent) => {
    if (details?.open && !e.composedPath().includes(details)) close();
  };
  document.addEventListener('keydown', onKey);
  document.addEventListener('pointerdown', onClick);
  onCleanup(() => {
    document.removeEventListener('keydown', onKey);
    document.removeEventListener('pointerdown', onClick);
  });
  /** Below the tab bar when there is one (else below the button), lined up with the button. */
  const placePanel = () => {
    const nav = document.querySelector('header + nav, nav.tabs, body nav');
    const own = details!.getBoundingClientRect();
    const below = nav?.getBoundingClientRect().bottom ?? own.bottom;
    const width = Math.min(416, window.innerWidth - 32);
    setPlace({
      top: Math.round(below + 6),
      left: Math.round(Math.min(own.left, window.innerWidth - width - 16)),
    });
  };
  const copy = async () => {
    const value = link();
    if (!value) return;
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      // No clipboard permission: the link is selected in its field, ready for Ctrl+C.
      (details?.querySelector('.invite-link input') as HTMLInputElement | null)?.select();
    }
  };
  const ws = useWorkspace();
  const invite = ws.session.invite;
  const [newName, setNewName] = createSignal('');
  const [role, setRole] = createSignal<'editor' | 'viewer'>('editor');
  /** Whom the next link is for, and whom the link shown was made for. */
  const [inviteFor, setInviteFor] = createSignal('');
  const [linkFor, setLinkFor] = createSignal('');
  const [link, setLink] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  /** Bumped when the menu opens or an invite was made: the invite list loads again. */
  const [inviteVersion, setInviteVersion] = createSignal(0);
  const others = () => knownWorkspaces().filter((w) => w.workspaceId !== invite.workspaceId);
  const failed = (result: Extract<ApiResult<unknown>, { ok: false }>) =>
    setError(result.reason === 'offline' ? t('menu.offline') : t('menu.failed', { detail: result.message }));

  const create = async (e: SubmitEvent) => {
    e.preventDefault();
    const result = await createWorkspace(invite.token, newName().trim(), locale());
    if (!result.ok) return failed(result);
    openWorkspaceToken(result.value.token);
  };
  /** Make `token` the current invite and reopen the app in that workspace. */
  const openWorkspaceToken = (token: string) => {
    const next = readInvite(token);
    if (!next) return;
    rememberInvite(next);
    location.assign('/relations');
  };
  const makeInvite = async () => {
    // The previous link goes first: while the new one is being made, nobody copies the old one as if new.
    setLink(null);
    setCopied(false);
    const label = inviteFor().trim();
    const result = await createInvite(invite.token, role(), INVITE_DAYS, label);
    if (!result.ok) return failed(result);
    setError(null);
    setCopied(false);
    setLinkFor(label);
    setInviteFor('');
    setLink(inviteLink(result.value.token));
    setInviteVersion((v) => v + 1);
  };

  return (
    <details
      ref={(el) => (details = el)}
      class="ws-menu"
      onToggle={(e) => {
        if (!e.currentTarget.open) return;
        placePanel();
        setInviteVersion((v) => v + 1);
      }}
    >
      <summary>{t('menu.workspaces')}</summary>
      <div
        class="ws-menu-panel"
        style={place() ? { top: `${place()!.top}px`, left: `${place()!.left}px` } : undefined}
      >
        <Show when={others().length > 0}>
          <h3>{t('menu.switch')}</h3>
          <ul>
            <For each={others()}>
              {(w) => (
                <li>
                  <button type="button" class="link" onClick={() => openWorkspaceToken(w.token)}>
                    {w.name}
                  </button>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={invite.role === 'editor'}>
          <h3>{t('menu.invite')}</h3>
          <label class="invite-for">
            <span>{t('menu.inviteFor')}</span>
            <input
              value={inviteFor()}
              maxLength={INVITE_LABEL_MAX}
              placeholder={t('menu.inviteForPlaceholder')}
              autocomplete="off"
              onInput={(e) => setInviteFor(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') void makeInvite();
              }}
            />
          </label>
          <div class="row">
            <label>
              <span class="visually-hidden">{t('menu.role')}</span>
              <select
                aria-label={t('menu.role')}
                value={role()}
                onChange={(e) => setRole(e.currentTarget.value as 'editor' | 'viewer')}
              >
                <option value="editor">{t('menu.role.editor')}</option>
                <option value="viewer">{t('menu.role.viewer')}</option>
              </select>
            </label>
            <button type="button" onClick={() => void makeInvite()}>
              {t('menu.makeInvite')}
            </button>
          </div>
          <Show when={link()}>
            <div class="invite-link">
              <label for="ws-invite-link">
                {linkFor()
                  ? t('menu.inviteLinkFor', { label: linkFor(), days: INVITE_DAYS })
                  : t('menu.inviteLink', { days: INVITE_DAYS })}
              </label>
              <div class="row">
                <input
                  id="ws-invite-link"
                  readOnly
                  value={link()!}
                  onFocus={(e) => e.currentTarget.select()}
                />
                <button type="button" onClick={() => void copy()}>
                  {copied() ? t('menu.copied') : t('menu.copy')}
                </button>
              </div>
            </div>
          </Show>
          <Show when={inviteVersion() > 0}>
            <InviteList token={invite.token} version={inviteVersion()} onFailed={failed} />
          </Show>
          <h3>{t('menu.new')}</h3>
          <form class="row" onSubmit={(e) => void create(e)}>
            <label>
              <span class="visually-hidden">{t('menu.newName')}</span>
              <input
                placeholder={t('menu.newPlaceholder')}
                value={newName()}
                required
                onInput={(e) => setNewName(e.currentTarget.value)}
              />
            </label>
            <button type="submit">{t('menu.create')}</button>
          </form>
        </Show>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </details>
  );
}
