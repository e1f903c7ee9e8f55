/**
 * /relations/:id — one relation: its details, class, fire, the seven questions, the DMU and the contact
 * log. Every section writes through intents and shows what an intent refused.
 */
import { A, useNavigate, useParams } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { ClassBadge, todayIso } from './common.tsx';
import { createRelationDelete } from './DeleteRelation.tsx';
import { createToast } from '../Toast.tsx';
import { RelationDetails } from './RelationDetails.tsx';
import { HereToo } from './HereToo.tsx';
import { ClassCard, FireCard } from './StatusCards.tsx';
import { SevenQuestions } from './SevenQuestions.tsx';
import { ContactsSection } from './ContactsSection.tsx';
import { ContactLogSection } from './ContactLogSection.tsx';
import { RelationPlans } from '../plans/RelationPlans.tsx';
import './relations.css';

export default function RelationPage() {
  const ws = useWorkspace();
  const params = useParams<{ id: string }>();
  const navigate = useNavigate();
  const toast = createToast();
  const today = todayIso();
  const relation = createMemo(() => ws.data()?.relations[params.id] ?? null);
  const classified = createMemo(() => ws.derived.classOf().get(params.id) ?? null);

  // Deleted: the table offers the undo. Asks first when account plans name the relation.
  const deletion = createRelationDelete({
    onDeleted: (name) => navigate('/relations', { state: { deleted: name } }),
    onRefused: (text) => toast.show({ text, undo: null }),
  });

  return (
    <Show
      when={relation()}
      fallback={
        <section class="panel not-found relation-page" aria-labelledby="nf-title">
          <h1 id="nf-title">{t('rel.notFound.title')}</h1>
          <p class="muted">{t('rel.notFound.body')}</p>
          <A href="/relations" class="button primary">
            {t('rel.back')}
          </A>
        </section>
      }
    >
      {(rel) => (
        <article class="relation-page" aria-labelledby="rel-title">
          <div>
            <A href="/relations" class="back">
              ← {t('rel.back')}
            </A>
          </div>
          <header class="rel-header">
            <h1 id="rel-title">{rel().name || '—'}</h1>
            <span class="tag">{t(`kind.${rel().kind}`)}</span>
            <Show when={classified()?.class}>
              {(cls) => (
                <ClassBadge
                  cls={cls()}
                  computed={classified()?.computedClass ?? null}
                  overridden={rel().override !== null}
                />
              )}
            </Show>
            <HereToo relationId={rel().id} />
            <span class="spacer-grow" />
            <Show when={!ws.readOnly()}>
              <button type="button" class="danger" onClick={() => deletion.request(rel().id, rel().name)}>
                {t('rel.deleteRelation')}
              </button>
            </Show>
          </header>
          <div class="rel-columns">
            <div class="rel-side">
              <RelationDetails relation={rel()} />
              <ContactsSection relationId={rel().id} />
              <ContactLogSection relationId={rel().id} ownerId={rel().ownerId} today={today} />
            </div>
            <aside class="rel-side">
              <RelationPlans relation={rel()} />
              <ClassCard relation={rel()} classified={classified()} />
              <FireCard relation={rel()} cls={classified()?.class ?? null} today={today} />
              <SevenQuestions relation={rel()} />
            </aside>
          </div>
          <deletion.Dialog />
          <toast.View />
        </article>
      )}
    </Show>
  );
}
