/**
 * The first hour of a new firm (issue 11 §6): while the workspace still has the name the server gave the
 * first one ("Haard"), an editor is asked for the firm's name and its working language — the language
 * colleagues see until they choose their own (WorkspaceLocale.tsx) — and for their own name, which colleagues
 * see in presence, meetings and the history (the top bar's "Your name" holds it later). "Later" hides it on this
 * device.
 * Mounted on the relations screen (the landing page); the app shell may mount it above every screen.
 */
import { createSignal, Show } from 'solid-js';
import type { Locale } from '../../../core/model/index.ts';
import { FIRST_WORKSPACE_NAME } from '../../../protocol/index.ts';
import { useWorkspace } from '../app/context.tsx';
import { locale, t } from '../i18n/index.ts';

/** The workspace still has the server's default name: its language is a default too, not the firm's choice. */
export const unnamedWorkspace = (name: string | undefined): boolean => name === FIRST_WORKSPACE_NAME;

const dismissKey = (workspaceId: string) => `haard.firstStart.later.${workspaceId}`;

export function FirstStart() {
  const ws = useWorkspace();
  const id = ws.session.invite.workspaceId;
  const [later, setLater] = createSignal(!!globalThis.localStorage?.getItem(dismissKey(id)));
  const [name, setName] = createSignal('');
  // Who is filling this in: colleagues see the name in presence, meetings (the facilitator is the team
  // member of that name) and the history. Kept when already given.
  const [myName, setMyName] = createSignal(ws.me.name);
  const [lang, setLang] = createSignal<Locale>(locale());
  const [error, setError] = createSignal<string | null>(null);
  const show = () => !ws.readOnly() && !later() && unnamedWorkspace(ws.data()?.settings.name);

  const save = (e: SubmitEvent) => {
    e.preventDefault();
    const intents = ws.session.store.intents;
    const named = intents.rename(name().trim());
    if (!named.ok) return setError(named.issues.map((i) => i.text[locale()]).join('; '));
    const spoken = intents.setLocale(lang());
    if (!spoken.ok) return setError(spoken.issues.map((i) => i.text[locale()]).join('; '));
    if (myName().trim() && myName().trim() !== ws.me.name) ws.renameMe(myName());
    setError(null);
  };
  const postpone = () => {
    globalThis.localStorage?.setItem(dismissKey(id), '1');
    setLater(true);
  };

  return (
    <Show when={show()}>
      <form class="first-start" onSubmit={save} aria-labelledby="first-start-title" data-testid="first-start">
        <h2 id="first-start-title">{t('first.title')}</h2>
        <p class="muted">{t('first.intro', { name: FIRST_WORKSPACE_NAME })}</p>
        <div class="first-start-fields">
          <label class="field">
            <span>{t('first.name')}</span>
            <input value={name()} required onInput={(e) => setName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('first.me')}</span>
            <input value={myName()} autocomplete="name" onInput={(e) => setMyName(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('first.language')}</span>
            <select
              aria-label={t('first.language')}
              value={lang()}
              onChange={(e) => setLang(e.currentTarget.value as Locale)}
            >
              <option value="nl">{t('lang.nl')}</option>
              <option value="en">{t('lang.en')}</option>
            </select>
          </label>
          <button type="submit" class="primary" disabled={!name().trim()}>
            {t('first.save')}
          </button>
          <button type="button" class="link" onClick={postpone}>
            {t('first.later')}
          </button>
        </div>
        <Show when={error()}>
          <p class="error" role="alert">
            {error()}
          </p>
        </Show>
      </form>
    </Show>
  );
}
