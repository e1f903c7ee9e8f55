import { createEffect, createSignal, For, Show } from 'solid-js';
import { listInvites, revokeAllInvites, revokeInvite, type ApiResult, type InviteInfo } from '../app/api.ts';
import { formatDate, locale, t, tn } from '../i18n/index.ts';
import { AskFirst } from './AskFirst.tsx';

/**
 * The invite links made in this workspace from the Workspaces menu, each with Revoke, and "revoke all other
 * links made before now" (the caller's own link keeps working). Loaded whenever `props.version` changes.
 */
export function InviteList(props: {
  /** The editor invite the calls are made with. */
  token: string;
  /** Bumped by the menu when it opens or made a new invite: the list is loaded again. */
  version: number;
  /** Reports a failed call the menu's way. */
  onFailed: (result: Extract<ApiResult<unknown>, { ok: false }>) => void;
}) {
  const [invites, setInvites] = createSignal<InviteInfo[] | null>(null);
  const [done, setDone] = createSignal<string | null>(null);

  const load = async () => {
    const result = await listInvites(props.token);
    if (!result.ok) return props.onFailed(result);
    setInvites(result.value.invites);
  };
  createEffect(() => {
    void props.version;
    setDone(null);
    void load();
  });

  const date = (ms: number) => formatDate(locale(), new Date(ms).toISOString().slice(0, 10));
  const describe = (invite: InviteInfo) => {
    const params = {
      role: t(invite.role === 'editor' ? 'menu.role.editor' : 'menu.role.viewer'),
      made: date(invite.createdAt),
      until: date(invite.expiresAt),
    };
    // Invites listed by an older server have no label.
    return invite.label
      ? t('menu.invites.itemFor', { ...params, label: invite.label })
      : t('menu.invites.item', params);
  };
  const finished = async (result: ApiResult<{ closedConnections: number }>) => {
    if (!result.ok) return props.onFailed(result);
    setDone(tn('menu.invites.done', result.value.closedConnections));
    await load();
  };
  const revoke = async (invite: InviteInfo) => finished(await revokeInvite(props.token, invite.id));
  const revokeAll = async () => {
    await finished(await revokeAllInvites(props.token));
  };

  return (
    <section class="invite-list" aria-labelledby="invite-list-title">
      <h3 id="invite-list-title">{t('menu.invites')}</h3>
      <Show when={invites()}>
        {(list) => (
          <Show when={list().length > 0} fallback={<p class="muted">{t('menu.invites.none')}</p>}>
            <ul>
              <For each={list()}>
                {(invite) => (
                  <li data-testid="invite">
                    <span>{describe(invite)}</span>
                    <Show
                      when={invite.revokedAt === null}
                      fallback={<span class="muted">{t('menu.invites.revoked')}</span>}
                    >
                      <button
                        type="button"
                        class="link"
                        aria-label={t('menu.invites.revokeLabel', { item: describe(invite) })}
                        onClick={() => void revoke(invite)}
                      >
                        {t('menu.invites.revoke')}
                      </button>
                    </Show>
                  </li>
                )}
              </For>
            </ul>
          </Show>
        )}
      </Show>
      <AskFirst
        label={t('menu.invites.revokeAll')}
        question={t('menu.invites.confirm')}
        yes={t('menu.invites.confirmYes')}
        no={t('menu.cancel')}
        buttonClass="link"
        class="confirm"
        onYes={() => void revokeAll()}
      />
      <Show when={done()}>
        <p aria-live="polite">{done()}</p>
      </Show>
    </section>
  );
}
