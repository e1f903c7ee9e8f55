/** Seed 004's seven questions: yes / no per question (press again to clear), scored x/7. */
import { createSignal, For, Show } from 'solid-js';
import { sevenQuestionsScore } from '../../../../core/sevenQuestions.ts';
import { SEVEN_QUESTIONS, type Relation, type SevenQuestion } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { t, tn } from '../../i18n/index.ts';
import { issuesText } from './common.tsx';

export function SevenQuestions(props: { relation: Relation }) {
  const ws = useWorkspace();
  // A plain copy: core reads with Object.hasOwn, which a Solid store proxy does not track.
  const score = () => sevenQuestionsScore({ sevenQuestions: { ...props.relation.sevenQuestions } });
  const answer = (q: SevenQuestion) => props.relation.sevenQuestions[q];
  const [error, setError] = createSignal<string | null>(null);
  const set = (q: SevenQuestion, value: boolean) => {
    const result = ws.session.store.intents.answerSevenQuestion(
      props.relation.id,
      q,
      answer(q) === value ? null : value,
    );
    setError(result.ok ? null : issuesText(result.issues));
  };

  return (
    <section class="panel" aria-labelledby="rel-seven-title">
      <div class="seven-head">
        <h2 id="rel-seven-title">{t('rel.seven.title')}</h2>
        <span class="seven-score" data-testid="seven-score">
          {t('rel.seven.score', { yes: score().yes })}
        </span>
      </div>
      <Show when={score().missing.length > 0}>
        <p class="muted section-intro">{tn('rel.seven.unanswered', score().missing.length)}</p>
      </Show>
      <ol class="seven-list">
        <For each={SEVEN_QUESTIONS}>
          {(q) => (
            <li>
              <span id={`q-${q}`}>{t(`rel.seven.q.${q}`)}</span>
              <span class="yesno" role="group" aria-labelledby={`q-${q}`}>
                <button
                  type="button"
                  data-answer="yes"
                  aria-pressed={answer(q) === true}
                  disabled={ws.readOnly()}
                  onClick={() => set(q, true)}
                >
                  {t('rel.yes')}
                </button>
                <button
                  type="button"
                  data-answer="no"
                  aria-pressed={answer(q) === false}
                  disabled={ws.readOnly()}
                  onClick={() => set(q, false)}
                >
                  {t('rel.no')}
                </button>
              </span>
            </li>
          )}
        </For>
      </ol>
      <Show when={error()}>
        <p class="error" role="alert">
          {error()}
        </p>
      </Show>
    </section>
  );
}
