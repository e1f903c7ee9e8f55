import { createSignal, For, Show } from 'solid-js';
import { useWorkspace } from '../app/context.tsx';
import { createInvite, createWorkspace, inviteLink, type ApiResult } from '../app/api.ts';
import { knownWorkspaces, rememberInvite } from '../app/invites.ts';
import { readInvite } from '../sync/invite.ts';
import { InviteList } from './InviteList.tsx';
import { locale, t } from '../i18n/index.ts';

/** How long a new invite link stays valid. */
const INVITE_DAYS = 30;

/** Switch workspace, create a new one, invite colleagues (editor or viewer). */
export function WorkspaceMenu() {
  const ws = useWorkspace();
  const invite = ws.session.invite;
  const [newName, setNewName] = createSignal('');
  const [role, setRole] = createSignal<'editor' | 'viewer'>('editor');
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
    const result = await createInvite(invite.token, role(), INVITE_DAYS);
    if (!result.ok) return failed(result);
    setError(null);
    setLink(inviteLink(result.value.token));
    setInviteVersion((v) => v + 1);
  };

  return (
    <details
      class="ws-menu"
      onToggle={(e) => {
        if (e.currentTarget.open) setInviteVersion((v) => v + 1);
      }}
    >
      <summary>{t('menu.workspaces')}</summary>
      <div class="ws-menu-panel">
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
          <div class="row">
            <label>
              <span class="visually-hidden">{t('menu.role')}</span>
              <select value={role()} onChange={(e) => setRole(e.currentTarget.value as 'editor' | 'viewer')}>
                <option value="editor">{t('menu.role.editor')}</option>
                <option value="viewer">{t('menu.role.viewer')}</option>
              </select>
            </label>
            <button type="button" onClick={() => void makeInvite()}>
              {t('menu.makeInvite')}
            </button>
          </div>
          <Show when={link()}>
            <label class="invite-link">
              <span>{t('menu.inviteLink', { days: INVITE_DAYS })}</span>
              <input readOnly value={link()!} onFocus={(e) => e.currentTarget.select()} />
            </label>
          </Show>
          <Show when={inviteVersion() > 0}>
            <InviteList token={invite.token} version={inviteVersion()} onFailed={failed} />
          </Show>
          <h3>{t('menu.new')}</h3>
          <form class="row" onSubmit={(e) => void create(e)}>
            <label>
              <span class="visually-hidden">{t('menu.newName')}</span>
              <input
                placeholder={t('menu.newName')}
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
