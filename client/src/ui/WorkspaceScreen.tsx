import { Router, type RouteSectionProps } from '@solidjs/router';
import { createEffect, createSignal, Show } from 'solid-js';
import { saveMe, type Me } from '../app/identity.ts';
import { openWorkspace } from '../app/session.ts';
import { createDerived } from '../app/derived.ts';
import { WorkspaceProvider, type UndoTarget, type WorkspaceContextValue } from '../app/context.tsx';
import type { Invite } from '../sync/invite.ts';
import { locale, t } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';
import { Presence } from './Presence.tsx';
import { SyncStatus } from './SyncStatus.tsx';
import { DocBanner } from './DocBanner.tsx';
import { OverwriteNotices } from './OverwriteNotices.tsx';
import { RunningMeeting } from './RunningMeeting.tsx';
import { Nav } from './Nav.tsx';
import { WorkspaceRoutes } from './routes.tsx';
import { WorkspaceMenu } from './WorkspaceMenu.tsx';
import { WorkspaceLocale } from './WorkspaceLocale.tsx';
import { rememberName } from '../app/invites.ts';

export function WorkspaceScreen(props: { invite: Invite; me: Me }) {
  const session = openWorkspace(props.invite, props.me);
  const store = session.store;
  const data = () => store.state.data;
  const [activeUndo, setActiveUndo] = createSignal<UndoTarget | null>(null);
  // Who this person is, as a signal: a name typed in "Your name" reaches every screen at once (the meeting's
  // facilitator and authors, the history's "you"), not only after a reload.
  const [me, setMe] = createSignal<Me>(props.me);
  const renameMe = (name: string) => {
    const next = { ...me(), name: name.trim() };
    saveMe(next);
    session.setMe(next);
    setMe(next);
  };
  const ctx: WorkspaceContextValue = {
    session,
    data,
    // Derived figures read plain objects (no proxy tracking per field), recomputed on each change.
    derived: createDerived(() => {
      store.version();
      return store.plain().data;
    }),
    readOnly: session.readOnly,
    get me() {
      return me();
    },
    renameMe,
    activeUndo: () => activeUndo() ?? store.undo,
    setActiveUndo: (undo) => setActiveUndo(() => undo),
  };

  createEffect(() => {
    const name = data()?.settings.name;
    if (name) rememberName(props.invite.workspaceId, name);
    document.title = name ? `${name} · ${t('app.name')}` : t('app.name');
  });

  /** A workspace needs a name: an empty or refused one puts the current name back (Settings says why). */
  const renameWorkspace = (input: HTMLInputElement) => {
    const name = input.value.trim();
    const result = name ? store.intents.rename(name) : null;
    if (!result?.ok) input.value = data()?.settings.name ?? '';
  };

  const Layout = (p: RouteSectionProps) => {
    createEffect(() => session.setLocation(p.location.pathname));
    // Presenting a plan fills the window on its own: no topbar or navigation to tab through behind it.
    const bare = () => /^\/plans\/[^/]+\/present(\/|$)/.test(p.location.pathname);
    return (
      <Show when={bare()} fallback={<Shell {...p} />}>
        <Show when={data()} fallback={<p class="muted loading">{t('sync.loading')}</p>}>
          {p.children}
        </Show>
      </Show>
    );
  };

  const Shell = (p: RouteSectionProps) => {
    return (
      <div class="shell">
        <header class="topbar">
          <div class="brand">
            <img src="/haard.svg" alt="" width="28" height="28" />
            <label class="visually-hidden" for="ws-name">
              {t('workspace.nameLabel')}
            </label>
            <input
              id="ws-name"
              class="ws-name"
              value={data()?.settings.name ?? ''}
              title={data()?.settings.name ?? ''}
              readOnly={session.readOnly()}
              onChange={(e) => renameWorkspace(e.currentTarget)}
            />
            <WorkspaceMenu />
            <Show when={props.invite.role === 'viewer'}>
              <span class="badge">{t('role.viewer')}</span>
            </Show>
          </div>
          <SyncStatus state={session.connection()} onRetry={session.reconnect} />
          <div class="topbar-right">
            <Presence entries={session.presence()} />
            <label class="me">
              <span class="visually-hidden">{t('me.label')}</span>
              <input
                value={me().name}
                placeholder={t('me.label')}
                title={t('me.placeholder')}
                onChange={(e) => renameMe(e.currentTarget.value)}
              />
            </label>
            <button
              type="button"
              disabled={!ctx.activeUndo().state.canUndo}
              onClick={() => ctx.activeUndo().undo()}
            >
              {t('undo')}
            </button>
            <button
              type="button"
              disabled={!ctx.activeUndo().state.canRedo}
              onClick={() => ctx.activeUndo().redo()}
            >
              {t('redo')}
            </button>
            <LanguageSwitch />
          </div>
        </header>
        <Nav />
        <WorkspaceLocale />
        <DocBanner
          status={store.state.status}
          reason={store.state.reason?.[locale()] ?? null}
          quarantine={store.state.quarantine}
          connection={session.connection()}
        />
        <OverwriteNotices docs={session.docs} readOnly={session.readOnly()} />
        <RunningMeeting meetings={data()?.meetings} path={p.location.pathname} />
        <main class="content">
          <Show
            when={data()}
            fallback={
              <Show when={session.connection().phase === 'loading'}>
                <p class="muted loading">{t('sync.loading')}</p>
              </Show>
            }
          >
            {p.children}
          </Show>
        </main>
      </div>
    );
  };

  return (
    <WorkspaceProvider value={ctx}>
      <Router root={Layout}>
        <WorkspaceRoutes />
      </Router>
    </WorkspaceProvider>
  );
}
