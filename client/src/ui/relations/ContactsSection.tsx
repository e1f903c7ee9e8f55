/** The relation's contacts — its DMU — as cards, deciders first; add and edit in place. */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { DMU_ROLES, type Contact } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, t } from '../../i18n/index.ts';
import { createToast } from '../Toast.tsx';
import { birthdayText, ContactForm } from './ContactForm.tsx';
import { issuesText } from './common.tsx';

const ROLE_RANK = Object.fromEntries(DMU_ROLES.map((r, i) => [r, i])) as Record<string, number>;

/** "Birthday 14 March · Coffee: black" — only what was recorded. */
function personalText(c: Contact): string {
  const p = c.personal;
  if (!p) return '';
  return [
    p.birthday && `${t('rel.personal.birthday')} ${birthdayText(p.birthday)}`,
    p.birthdayAsEntered && t('rel.personal.asEnteredShort', { value: p.birthdayAsEntered }),
    p.hobbies && `${t('rel.personal.hobbies')}: ${p.hobbies}`,
    p.car && `${t('rel.personal.car')}: ${p.car}`,
    p.coffee && `${t('rel.personal.coffee')}: ${p.coffee}`,
  ]
    .filter(Boolean)
    .join(' · ');
}

export function ContactsSection(props: { relationId: string }) {
  const ws = useWorkspace();
  const toast = createToast();
  const [editing, setEditing] = createSignal<string | null>(null); // contact id, 'new', or null
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const nameOf = (id: string) => ws.data()?.professionals[id]?.name;
  const contacts = createMemo(() =>
    Object.values(ws.data()?.contacts ?? {})
      .filter((c) => c.relationId === props.relationId)
      .sort(
        (a, b) =>
          (a.dmuRole ? ROLE_RANK[a.dmuRole]! : 99) - (b.dmuRole ? ROLE_RANK[b.dmuRole]! : 99) ||
          a.name.localeCompare(b.name, locale()),
      ),
  );
  const hasDecider = () => contacts().some((c) => c.dmuRole === 'decider');
  const remove = (c: Contact) => {
    const r = ws.session.store.intents.removeContact(c.id);
    toast.show(
      r.ok
        ? { text: t('rel.contact.removed', { name: c.name }), undo: ws.session.store.undo }
        : { text: issuesText(r.issues), undo: null },
    );
  };

  return (
    <section class="panel" aria-labelledby="rel-contacts-title">
      <h2 id="rel-contacts-title">{t('rel.contacts.title')}</h2>
      <p class="muted section-intro">{t('rel.contacts.intro')}</p>
      <Show when={contacts().length > 0 && !hasDecider()}>
        <p class="warn-text">{t('rel.contacts.noDecider')}</p>
      </Show>
      <ul class="contact-list" data-testid="contacts">
        <For each={contacts()} fallback={<li class="muted">{t('rel.contacts.empty')}</li>}>
          {(c) => (
            <li>
              <Show
                when={editing() === c.id}
                fallback={
                  <div class="contact-card">
                    <div>
                      <div class="who">
                        {c.name}
                        <Show when={c.title}>
                          <span class="muted"> · {c.title}</span>
                        </Show>
                      </div>
                      <div class="meta">
                        <Show when={c.dmuRole}>
                          {(r) => (
                            <span class="role-chip" data-role={r()}>
                              {t(`rel.dmu.${r()}`)}
                            </span>
                          )}
                        </Show>
                        <Show when={c.attitude}>
                          {(a) => (
                            <span class="attitude" data-attitude={a()}>
                              {t(`rel.attitude.${a()}`)}
                            </span>
                          )}
                        </Show>
                        <span class="strength-dots" title={t('rel.contact.strengthValue', { n: c.strength })}>
                          <span aria-hidden="true">
                            {'●'.repeat(c.strength)}
                            <span class="off">{'●'.repeat(5 - c.strength)}</span>
                          </span>
                          <span class="visually-hidden">
                            {t('rel.contact.strengthValue', { n: c.strength })}
                          </span>
                        </span>
                        <Show when={c.knownBy.length > 0}>
                          <span>
                            {t('rel.contact.knownBy')}: {c.knownBy.map(nameOf).filter(Boolean).join(', ')}
                          </span>
                        </Show>
                      </div>
                      <div class="meta">
                        <Show when={c.email}>
                          <a href={`mailto:${c.email}`}>{c.email}</a>
                        </Show>
                        <Show when={c.phone}>
                          <a href={`tel:${c.phone}`}>{c.phone}</a>
                        </Show>
                        <Show when={personalText(c)}>
                          <span class="personal-facts" title={t('rel.personal.recorded')}>
                            {personalText(c)}
                          </span>
                        </Show>
                      </div>
                    </div>
                    <Show when={!ws.readOnly()}>
                      <div class="actions">
                        <button
                          type="button"
                          class="icon"
                          title={t('rel.contact.edit', { name: c.name })}
                          onClick={() => setEditing(c.id)}
                          aria-label={t('rel.contact.edit', { name: c.name })}
                        >
                          ✎
                        </button>
                        <button
                          type="button"
                          class="icon"
                          onClick={() => remove(c)}
                          aria-label={t('rel.contact.remove', { name: c.name })}
                          title={t('rel.contact.remove', { name: c.name })}
                        >
                          ×
                        </button>
                      </div>
                    </Show>
                  </div>
                }
              >
                <ContactForm
                  relationId={props.relationId}
                  contact={c}
                  professionals={professionals()}
                  onDone={() => setEditing(null)}
                />
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={!ws.readOnly()}>
        <Show
          when={editing() === 'new'}
          fallback={
            <p>
              <button type="button" onClick={() => setEditing('new')}>
                + {t('rel.contacts.add')}
              </button>
            </p>
          }
        >
          <div class="spaced">
            <ContactForm
              relationId={props.relationId}
              contact={null}
              professionals={professionals()}
              onDone={() => setEditing(null)}
            />
          </div>
        </Show>
      </Show>
      <toast.View />
    </section>
  );
}
