/**
 * The relation's own fields. Short text fields save while the person types (LiveText), the notes are a shared
 * text edited live like a plan text (RelationNotes), choices save when they change,
 * like a shared document: a colleague sees it at once. Revenue and potential are money in the workspace's
 * currency, read in the person's number format. A refused change keeps what was typed and shows the
 * intent's reason.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import { RELATION_KINDS, type Relation, type RelationKind } from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { formatAmount, locale, localeTag, t } from '../../i18n/index.ts';
import { parseNumber } from '../../io/numbers.ts';
import { issueTexts } from './common.tsx';
import { LiveText } from '../LiveText.tsx';
import { RelationNotes } from './RelationNotes.tsx';
import { parseTags } from './tableModel.ts';

type Field = 'name' | 'kind' | 'sector' | 'revenue' | 'potential' | 'ownerId' | 'teamIds' | 'notes' | 'tags';

/**
 * '' → null; an amount as the person writes it in their language ("€ 1.250.000" in Dutch, "1,250,000.50"
 * in English); NaN when it is not one, which the intent then refuses at the field.
 */
const parseMoney = (text: string): number | null => {
  if (text.trim() === '') return null;
  const parsed = parseNumber(text, locale());
  return parsed.ok ? parsed.value : NaN;
};
const moneyText = (n: number | null) => (n === null ? '' : formatAmount(locale(), n));
/** The currency's sign in the person's language: "€", "US$", "£". */
const currencySign = (currency: string) =>
  new Intl.NumberFormat(localeTag(locale()), { style: 'currency', currency })
    .formatToParts(0)
    .find((p) => p.type === 'currency')?.value ?? currency;

export function RelationDetails(props: { relation: Relation }) {
  const ws = useWorkspace();
  const [errors, setErrors] = createSignal<Partial<Record<Field, string>>>({});
  const ro = () => ws.readOnly();
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const teamCandidates = createMemo(() => professionals().filter((p) => p.id !== props.relation.ownerId));

  const save = <K extends Field>(field: K, value: Relation[K]) => {
    if (field === 'name' && typeof value === 'string' && !value.trim()) {
      setErrors((e) => ({ ...e, name: t('rel.nameRequired') }));
      return;
    }
    const result = ws.session.store.intents.updateRelation(props.relation.id, { [field]: value });
    setErrors((e) => {
      const next = { ...e };
      delete next[field];
      return result.ok ? next : { ...next, [field]: issueTexts(result.issues) };
    });
  };
  const err = (f: Field) => errors()[f];
  const errId = (f: Field) => (err(f) ? `rel-err-${f}` : undefined);
  const ErrorText = (p: { field: Field }) => (
    <Show when={err(p.field)}>
      <span class="field-error" id={`rel-err-${p.field}`}>
        {err(p.field)}
      </span>
    </Show>
  );

  return (
    <section class="panel" aria-labelledby="rel-details-title">
      <h2 id="rel-details-title">{t('rel.details')}</h2>
      <div class="form-grid">
        <label class="field">
          <span>{t('relations.name')}</span>
          <LiveText
            value={props.relation.name}
            readOnly={ro()}
            aria-invalid={err('name') ? true : undefined}
            aria-describedby={errId('name')}
            onSave={(text) => save('name', text.trim())}
          />
          <ErrorText field="name" />
        </label>
        <label class="field">
          <span>{t('relations.kind')}</span>
          <select
            aria-label={t('relations.kind')}
            value={props.relation.kind}
            disabled={ro()}
            onChange={(e) => save('kind', e.currentTarget.value as RelationKind)}
          >
            <For each={RELATION_KINDS}>{(k) => <option value={k}>{t(`kind.${k}`)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('rel.field.sector')}</span>
          <LiveText
            value={props.relation.sector}
            readOnly={ro()}
            onSave={(text) => save('sector', text.trim())}
          />
          <ErrorText field="sector" />
        </label>
        <label class="field">
          <span>{t('rel.field.owner')}</span>
          <select
            aria-label={t('rel.field.owner')}
            value={props.relation.ownerId ?? ''}
            disabled={ro()}
            onChange={(e) => save('ownerId', e.currentTarget.value || null)}
          >
            <option value="">{t('rel.noOwner')}</option>
            <For each={professionals()}>
              {(p) => (
                <option value={p.id} selected={p.id === props.relation.ownerId}>
                  {p.name}
                </option>
              )}
            </For>
          </select>
        </label>
        <label class="field">
          <span>
            {t('rel.field.revenue')} <span class="hint">({t('rel.field.revenueHint')})</span>
          </span>
          <span class="money-input">
            <span class="money-sign" aria-hidden="true">
              {currencySign(ws.data()?.settings.currency ?? 'EUR')}
            </span>
            <input
              inputmode="decimal"
              value={moneyText(props.relation.revenue)}
              readOnly={ro()}
              aria-invalid={err('revenue') ? true : undefined}
              aria-describedby={errId('revenue')}
              onChange={(e) => save('revenue', parseMoney(e.currentTarget.value))}
            />
          </span>
          <ErrorText field="revenue" />
        </label>
        <label class="field">
          <span>
            {t('rel.field.potential')} <span class="hint">({t('rel.field.potentialHint')})</span>
          </span>
          <span class="money-input">
            <span class="money-sign" aria-hidden="true">
              {currencySign(ws.data()?.settings.currency ?? 'EUR')}
            </span>
            <input
              inputmode="decimal"
              value={moneyText(props.relation.potential)}
              readOnly={ro()}
              aria-invalid={err('potential') ? true : undefined}
              aria-describedby={errId('potential')}
              onChange={(e) => save('potential', parseMoney(e.currentTarget.value))}
            />
          </span>
          <ErrorText field="potential" />
        </label>
        <fieldset class="checks wide">
          <legend>{t('rel.field.team')}</legend>
          <For each={teamCandidates()} fallback={<span class="muted">{t('rel.noTeam')}</span>}>
            {(p) => (
              <label>
                <input
                  type="checkbox"
                  checked={props.relation.teamIds.includes(p.id)}
                  disabled={ro()}
                  onChange={(e) => {
                    const others = props.relation.teamIds.filter((id) => id !== p.id);
                    save('teamIds', e.currentTarget.checked ? [...others, p.id] : others);
                  }}
                />
                {p.name}
              </label>
            )}
          </For>
        </fieldset>
        <label class="field wide">
          <span>
            {t('rel.field.tags')} <span class="hint">({t('rel.field.tagsHint')})</span>
          </span>
          <LiveText
            value={props.relation.tags.join(', ')}
            readOnly={ro()}
            onSave={(text) => save('tags', parseTags(text))}
          />
          <ErrorText field="tags" />
        </label>
        <div class="field wide">
          <span>{t('rel.field.notes')}</span>
          <Show when={props.relation.id} keyed>
            {(id) => <RelationNotes relationId={id} value={props.relation.notes} readOnly={ro()} />}
          </Show>
        </div>
      </div>
    </section>
  );
}
