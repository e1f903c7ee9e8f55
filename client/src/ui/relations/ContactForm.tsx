/**
 * Add or edit one contact of the DMU. Saved as one intent on submit. Personal facts sit behind a
 * disclosure that says they are optional personal data; they can be cleared in one go.
 */
import { createSignal, For, Show } from 'solid-js';
import { birthdayProblem, dateProblemText } from '../../../../core/dates.ts';
import {
  ATTITUDES,
  DMU_ROLES,
  type Attitude,
  type Contact,
  type DmuRole,
  type PersonalFacts,
  type Professional,
} from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, localeTag, t } from '../../i18n/index.ts';
import { issuesByField, issuesText } from './common.tsx';

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const pad = (n: number) => String(n).padStart(2, '0');

const monthName = (m: number) =>
  new Intl.DateTimeFormat(localeTag(locale()), { month: 'long', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2000, m - 1, 1)),
  );

/**
 * "03-14" or "1980-03-14" → "14 March" (the year is never shown). A value that is not a real date is shown
 * as it is, never rolled over into another day.
 */
export function birthdayText(birthday: string): string {
  const m = /(\d{2})-(\d{2})$/.exec(birthday);
  if (!m || birthdayProblem(birthday) !== null) return birthday;
  return new Intl.DateTimeFormat(localeTag(locale()), {
    day: 'numeric',
    month: 'long',
    timeZone: 'UTC',
  }).format(new Date(Date.UTC(2000, Number(m[1]) - 1, Number(m[2]))));
}

/** Only the personal facts that have a value; undefined when none has. */
function cleanPersonal(p: PersonalFacts): PersonalFacts | undefined {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (typeof v === 'string' && v.trim()) out[k] = v.trim();
  return Object.keys(out).length ? (out as PersonalFacts) : undefined;
}

export function ContactForm(props: {
  relationId: string;
  contact: Contact | null;
  professionals: Professional[];
  onDone: (saved: boolean) => void;
}) {
  const ws = useWorkspace();
  const c = props.contact;
  const [name, setName] = createSignal(c?.name ?? '');
  const [title, setTitle] = createSignal(c?.title ?? '');
  const [role, setRole] = createSignal<DmuRole | ''>(c?.dmuRole ?? '');
  const [attitude, setAttitude] = createSignal<Attitude | ''>(c?.attitude ?? '');
  const [strength, setStrength] = createSignal(c?.strength ?? 0);
  const [knownBy, setKnownBy] = createSignal<string[]>(c?.knownBy ?? []);
  const [email, setEmail] = createSignal(c?.email ?? '');
  const [phone, setPhone] = createSignal(c?.phone ?? '');
  const bday = /^(?:(\d{4})-)?(\d{2})-(\d{2})$/.exec(c?.personal?.birthday ?? '');
  const bYear = bday?.[1] ?? ''; // kept as it was: the form edits day and month only
  const [bMonth, setBMonth] = createSignal(bday ? Number(bday[2]) : 0);
  const [bDay, setBDay] = createSignal(bday ? Number(bday[3]) : 0);
  const [hobbies, setHobbies] = createSignal(c?.personal?.hobbies ?? '');
  const [car, setCar] = createSignal(c?.personal?.car ?? '');
  const [coffee, setCoffee] = createSignal(c?.personal?.coffee ?? '');
  // A birthday stored before dates were checked ("1991-02-31"): kept until a real one is chosen.
  const [asEntered, setAsEntered] = createSignal(c?.personal?.birthdayAsEntered ?? '');
  /**
   * Day and month are chosen apart, in either order, so the day list always offers 1–31: shrinking it to the
   * month's days silently dropped a chosen 31 when "February" came second. An impossible pair is kept as
   * chosen and said at once (`birthdayNow`), not only on save.
   */
  const DAYS = Array.from({ length: 31 }, (_, i) => i + 1);
  const composed = () =>
    bMonth() && bDay() ? `${bYear ? `${bYear}-` : ''}${pad(bMonth())}-${pad(bDay())}` : undefined;
  /** What is wrong with the chosen day and month right now (null when nothing is, or one is missing). */
  const birthdayNow = () => {
    const b = composed();
    const problem = b ? birthdayProblem(b) : null;
    return problem && problem !== 'format' ? dateProblemText(problem)[locale()] : null;
  };
  const birthdayError = () => birthdayNow() ?? errors().birthday;
  const pickBirthday = (set: () => void) => {
    set();
    setErrors(({ birthday: _gone, ...rest }) => rest); // a new choice replaces the last save's message
  };
  const [errors, setErrors] = createSignal<Record<string, string>>({});
  const hasPersonal = () => !!(bMonth() || bDay() || hobbies() || car() || coffee() || asEntered());
  const uid = `cf-${c?.id ?? 'new'}`;
  const openPersonal = hasPersonal(); // open on load when there is something; the user decides after that

  const clearPersonal = () => {
    setBMonth(0);
    setBDay(0);
    setHobbies('');
    setCar('');
    setCoffee('');
    setAsEntered('');
  };

  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!name().trim()) {
      setErrors({ name: t('rel.contact.nameRequired') });
      return;
    }
    if (!bMonth() !== !bDay()) {
      setErrors({ birthday: t('rel.personal.birthdayIncomplete') });
      return;
    }
    const birthday = composed();
    const problem = birthday ? birthdayProblem(birthday) : null;
    if (problem) {
      setErrors({ birthday: problem === 'format' ? birthday! : dateProblemText(problem)[locale()] });
      return;
    }
    const fields = {
      name: name().trim(),
      title: title().trim(),
      dmuRole: role() || null,
      attitude: attitude() || null,
      strength: strength(),
      knownBy: knownBy(),
      email: email().trim() || undefined,
      phone: phone().trim() || undefined,
      personal: cleanPersonal({
        birthday,
        // a real birthday replaces the one kept aside
        birthdayAsEntered: birthday ? undefined : asEntered(),
        hobbies: hobbies(),
        car: car(),
        coffee: coffee(),
      }),
    };
    const intents = ws.session.store.intents;
    const result = c
      ? intents.updateContact(c.id, fields)
      : intents.addContact({ relationId: props.relationId, ...stripUndefined(fields) });
    if (!result.ok) {
      const byField = issuesByField(result.issues);
      setErrors(Object.keys(byField).length ? byField : { '': issuesText(result.issues) });
      return;
    }
    props.onDone(true);
  };

  const Err = (p: { field: string }) => (
    <Show when={errors()[p.field]}>
      <span class="field-error" id={`${uid}-err-${p.field}`}>
        {errors()[p.field]}
      </span>
    </Show>
  );

  return (
    <form class="contact-form" onSubmit={submit} aria-label={c ? c.name : t('rel.contact.new')} novalidate>
      <div class="form-grid">
        <label class="field">
          <span>{t('rel.contact.name')}</span>
          <input
            value={name()}
            onInput={(e) => setName(e.currentTarget.value)}
            aria-invalid={errors().name ? true : undefined}
            aria-describedby={errors().name ? `${uid}-err-name` : undefined}
          />
          <Err field="name" />
        </label>
        <label class="field">
          <span>{t('rel.contact.title')}</span>
          <input value={title()} onInput={(e) => setTitle(e.currentTarget.value)} />
          <Err field="title" />
        </label>
        <label class="field">
          <span>{t('rel.contact.dmuRole')}</span>
          <select
            aria-label={t('rel.contact.dmuRole')}
            value={role()}
            onChange={(e) => setRole(e.currentTarget.value as DmuRole | '')}
          >
            <option value="">{t('rel.notSet')}</option>
            <For each={DMU_ROLES}>{(r) => <option value={r}>{t(`rel.dmu.${r}`)}</option>}</For>
          </select>
        </label>
        <label class="field">
          <span>{t('rel.contact.attitude')}</span>
          <select
            aria-label={t('rel.contact.attitude')}
            value={attitude()}
            onChange={(e) => setAttitude(e.currentTarget.value as Attitude | '')}
          >
            <option value="">{t('rel.notSet')}</option>
            <For each={ATTITUDES}>{(a) => <option value={a}>{t(`rel.attitude.${a}`)}</option>}</For>
          </select>
        </label>
        <fieldset class="strength wide">
          <legend>{t('rel.contact.strength')}</legend>
          <span class="scale">
            <For each={[0, 1, 2, 3, 4, 5]}>
              {(n) => (
                <label title={t('rel.contact.strengthValue', { n })}>
                  <input
                    type="radio"
                    name={`${uid}-strength`}
                    value={n}
                    checked={strength() === n}
                    aria-label={t('rel.contact.strengthValue', { n })}
                    onChange={() => setStrength(n)}
                  />
                  <span aria-hidden="true">{n}</span>
                </label>
              )}
            </For>
          </span>
          <span class="scale-hint">{t('rel.contact.strengthScale')}</span>
        </fieldset>
        <fieldset class="checks wide">
          <legend>{t('rel.contact.knownBy')}</legend>
          <For each={props.professionals} fallback={<span class="muted">{t('rel.log.nobody')}</span>}>
            {(p) => (
              <label>
                <input
                  type="checkbox"
                  checked={knownBy().includes(p.id)}
                  onChange={(e) =>
                    setKnownBy((k) =>
                      e.currentTarget.checked ? [...k, p.id] : k.filter((id) => id !== p.id),
                    )
                  }
                />
                {p.name}
              </label>
            )}
          </For>
        </fieldset>
        <label class="field">
          <span>{t('rel.contact.email')}</span>
          <input type="email" value={email()} onInput={(e) => setEmail(e.currentTarget.value)} />
          <Err field="email" />
        </label>
        <label class="field">
          <span>{t('rel.contact.phone')}</span>
          <input type="tel" value={phone()} onInput={(e) => setPhone(e.currentTarget.value)} />
          <Err field="phone" />
        </label>
      </div>

      <details class="personal" open={openPersonal}>
        <summary>{t('rel.personal.summary')}</summary>
        <p class="privacy-note">{t('rel.personal.note')}</p>
        <div class="form-grid">
          <fieldset class="checks birthday-set">
            <legend>{t('rel.personal.birthday')}</legend>
            <span class="birthday">
              <select
                aria-label={t('rel.personal.day')}
                value={bDay()}
                aria-invalid={birthdayError() ? true : undefined}
                aria-describedby={birthdayError() ? `${uid}-err-birthday` : undefined}
                onChange={(e) => pickBirthday(() => setBDay(Number(e.currentTarget.value)))}
              >
                <option value={0}>{t('rel.personal.day')}</option>
                <For each={DAYS}>{(d) => <option value={d}>{d}</option>}</For>
              </select>
              <select
                aria-label={t('rel.personal.month')}
                value={bMonth()}
                aria-invalid={birthdayError() ? true : undefined}
                aria-describedby={birthdayError() ? `${uid}-err-birthday` : undefined}
                onChange={(e) => pickBirthday(() => setBMonth(Number(e.currentTarget.value)))}
              >
                <option value={0}>{t('rel.personal.month')}</option>
                <For each={MONTHS}>{(m) => <option value={m}>{monthName(m)}</option>}</For>
              </select>
            </span>
            <Show when={asEntered() && !bMonth()}>
              <span class="field-note" data-testid="birthday-as-entered">
                {t('rel.personal.asEntered', { value: asEntered() })}
              </span>
            </Show>
            <Show when={birthdayError()}>
              <span class="field-error" id={`${uid}-err-birthday`} role="alert">
                {birthdayError()}
              </span>
            </Show>
          </fieldset>
          <label class="field">
            <span>{t('rel.personal.hobbies')}</span>
            <input value={hobbies()} onInput={(e) => setHobbies(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('rel.personal.car')}</span>
            <input value={car()} onInput={(e) => setCar(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>{t('rel.personal.coffee')}</span>
            <input
              value={coffee()}
              placeholder={t('rel.personal.coffeePlaceholder')}
              onInput={(e) => setCoffee(e.currentTarget.value)}
            />
          </label>
        </div>
        <Show when={hasPersonal()}>
          <p>
            <button type="button" class="link" onClick={clearPersonal}>
              {t('rel.personal.clear')}
            </button>
          </p>
        </Show>
        <Err field="personal" />
      </details>

      <Err field="" />
      <div class="form-actions">
        <button type="submit" class="primary">
          {t('rel.contact.save')}
        </button>
        <button type="button" onClick={() => props.onDone(false)}>
          {t('rel.contact.cancel')}
        </button>
      </div>
    </form>
  );
}

function stripUndefined<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
