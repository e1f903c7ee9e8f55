import { createSignal, Show } from 'solid-js';
import { acceptInvite, type InviteProblem } from '../app/invites.ts';
import type { Invite } from '../sync/invite.ts';
import { t } from '../i18n/index.ts';
import { LanguageSwitch } from './LanguageSwitch.tsx';

export function JoinScreen(props: {
  initialProblem: InviteProblem | null;
  onJoin: (invite: Invite) => void;
}) {
  const [text, setText] = createSignal('');
  const [problem, setProblem] = createSignal<InviteProblem | null>(props.initialProblem);
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    const result = acceptInvite(text(), Date.now());
    setProblem(result.problem);
    if (result.invite) props.onJoin(result.invite);
  };
  return (
    <main class="join">
      <div class="join-card">
        <div class="brand">
          <img src="/haard.svg" alt="" width="40" height="40" />
          <div>
            <h1>{t('app.name')}</h1>
            <p class="muted">{t('app.tagline')}</p>
          </div>
          <LanguageSwitch />
        </div>
        <h2>{t('join.title')}</h2>
        <p>{t('join.intro')}</p>
        <form onSubmit={submit}>
          <label for="invite">{t('join.inviteLabel')}</label>
          <input
            id="invite"
            value={text()}
            onInput={(e) => setText(e.currentTarget.value)}
            autocomplete="off"
          />
          <Show when={problem()}>
            {(p) => (
              <p class="error" role="alert">
                {t(p() === 'expired' ? 'join.expired' : 'join.invalid')}
              </p>
            )}
          </Show>
          <button type="submit" class="primary">
            {t('join.submit')}
          </button>
        </form>
      </div>
    </main>
  );
}
