/**
 * "Log as contact moment" for an action just marked done (DOMAIN.md §6: doing an action with the client is
 * contact, and contact warms the relation). Offered, never done silently: not every action is contact with the
 * client (an article in a trade journal is not). One click logs it with today's date, the action's owner and its
 * text as the note (core/promised `contactFromAction`), under an id fixed per plan, action and relation — so a
 * second click, a colleague's click or a retry never logs it twice, and the offer shows it was logged.
 *
 * Used where an action is marked done: the plan's action table (`createDoneOffers` + `DoneOffers`) and the
 * Keep warm screen's promised actions.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { actionContactId, contactFromAction } from '../../../../core/promised.ts';
import type { ContactType } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { todayIso } from '../../app/today.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { ContactTypeField, issuesText } from '../relations/common.tsx';
import { relationNameOf } from '../relations/relationNames.ts';
import './contactOffer.css';

export interface DoneAction {
  id: string;
  what: string;
  ownerId: string | null;
}

/** The offer for one done action of plan `planId`, whose relations are `relationIds`. */
export function ContactOffer(props: {
  planId: string;
  relationIds: readonly string[];
  action: DoneAction;
  onDismiss: () => void;
}) {
  const ws = useWorkspace();
  const relations = createMemo(() => props.relationIds.filter((id) => ws.data()?.relations[id]));
  const [chosen, setChosen] = createSignal<string | null>(null);
  const relationId = () => chosen() ?? relations()[0] ?? null;
  const [type, setType] = createSignal<ContactType>('meeting');
  const [error, setError] = createSignal<string | null>(null);
  const name = (id: string) => relationNameOf(ws.data()?.relations, id);
  const what = () => props.action.what.trim() || t('fire.promised.noWhat');
  /** The entry logged for this action (by anyone), if any: for the chosen relation first, else any of them. */
  const logged = createMemo(() => {
    const log = ws.data()?.contactLog ?? {};
    const ids = [relationId(), ...relations()].filter((id): id is string => id !== null);
    for (const id of ids) {
      const entry = log[actionContactId(props.planId, props.action.id, id)];
      if (entry) return entry;
    }
    return null;
  });
  const log = () => {
    const id = relationId();
    if (!id) return;
    const r = ws.session.store.intents.addContactLogEntry(
      contactFromAction(props.planId, props.action, id, todayIso(), type()),
    );
    // Logged meanwhile by a colleague (same id): what they logged is shown, nothing twice.
    setError(r.ok || r.issues.some((i) => i.code === 'duplicate_id') ? null : issuesText(r.issues));
  };
  return (
    <Show when={relations().length > 0 && !ws.readOnly()}>
      <div class="contact-offer" data-testid="contact-offer" data-action={props.action.id}>
        <Show
          when={logged()}
          fallback={
            <>
              <p class="contact-offer-text">
                {relations().length === 1
                  ? t('fire.contact.offer', { what: what(), relation: name(relations()[0]!) })
                  : t('fire.contact.offerGroup', { what: what() })}
              </p>
              <div class="contact-offer-controls">
                <Show when={relations().length > 1}>
                  <label class="field">
                    <span>{t('fire.contact.relation')}</span>
                    <select
                      aria-label={t('fire.contact.relation')}
                      value={relationId() ?? ''}
                      onChange={(e) => setChosen(e.currentTarget.value)}
                    >
                      <For each={relations()}>
                        {(id) => (
                          <option value={id} selected={id === relationId()}>
                            {name(id)}
                          </option>
                        )}
                      </For>
                    </select>
                  </label>
                </Show>
                <ContactTypeField value={type()} onChange={setType} />
                <button
                  type="button"
                  class="primary"
                  aria-label={t('fire.contact.logFor', { what: what() })}
                  onClick={log}
                >
                  {t('fire.contact.log')}
                </button>
                <button
                  type="button"
                  aria-label={t('fire.contact.dismissFor', { what: what() })}
                  onClick={() => props.onDismiss()}
                >
                  {t('fire.contact.dismiss')}
                </button>
              </div>
            </>
          }
        >
          {(entry) => (
            <p class="contact-offer-text">
              {t('fire.contact.logged', {
                what: what(),
                relation: name(entry().relationId),
                date: formatDate(locale(), entry().date),
              })}
            </p>
          )}
        </Show>
        <Show when={error()}>
          <p class="field-error" role="alert">
            {error()}
          </p>
        </Show>
      </div>
    </Show>
  );
}

/** The actions of one screen just marked done, whose offer is showing (ids, oldest first). */
export function createDoneOffers() {
  const [ids, setIds] = createSignal<string[]>([]);
  return {
    ids,
    /** An action was marked done here: offer to log it (again on top when it was offered before). */
    offer: (id: string) => setIds((list) => [...list.filter((x) => x !== id), id]),
    dismiss: (id: string) => setIds((list) => list.filter((x) => x !== id)),
  };
}
export type DoneOffers = ReturnType<typeof createDoneOffers>;

/**
 * The offers of a plan's action table, under the table: one per action marked done here that is still done
 * (set back to planned, its offer goes). Announced politely to screen readers; focus stays where it was.
 */
export function DoneOffers(props: {
  offers: DoneOffers;
  planId: string;
  relationIds: readonly string[];
  actions: Readonly<Record<string, DoneAction & { status: string }>>;
}) {
  const shown = createMemo(() =>
    props.offers
      .ids()
      .map((id) => props.actions[id])
      .filter((a): a is DoneAction & { status: string } => a?.status === 'done'),
  );
  return (
    <div class="done-offers" role="status" aria-live="polite">
      <For each={shown()}>
        {(action) => (
          <ContactOffer
            planId={props.planId}
            relationIds={props.relationIds}
            action={action}
            onDismiss={() => props.offers.dismiss(action.id)}
          />
        )}
      </For>
    </div>
  );
}
