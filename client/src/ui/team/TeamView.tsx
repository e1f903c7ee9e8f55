/**
 * /team: the professionals (add, edit in place, remove with undo), each one's load of A/B/C relations,
 * the team's mix beside the reference, and the team-fit findings about owners — all from core/abc via
 * the shared derived state.
 */
import { createMemo, createSignal, For, Show } from 'solid-js';
import {
  PROFILES,
  SENIORITIES,
  type Professional,
  type Profile,
  type Seniority,
} from '../../../../core/model/index.ts';
import { useWorkspace } from '../../app/context.tsx';
import { locale, t, tn } from '../../i18n/index.ts';
import { nameKey } from '../../../../doc/index.ts';
import { issuesText, issueTexts } from '../relations/common.tsx';
import { createToast } from '../Toast.tsx';
import { TeamMixChart } from './TeamMixChart.tsx';
import { TeamFitList } from './TeamFitList.tsx';
import '../relations/relations.css';
import './team.css';

export default function TeamView() {
  const ws = useWorkspace();
  const intents = ws.session.store.intents;
  const toast = createToast();
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const loadOf = createMemo(
    () => new Map((ws.derived.teamFit()?.load ?? []).map((l) => [l.professionalId, l] as const)),
  );
  const [rowErrors, setRowErrors] = createSignal<Record<string, string>>({});

  const update = (
    p: Professional,
    patch: { name?: string; email?: string; profile?: Profile; seniority?: Seniority },
  ) => {
    if (patch.name !== undefined && !patch.name.trim()) {
      setRowErrors((e) => ({ ...e, [p.id]: t('team.nameRequired') }));
      return;
    }
    const r = intents.updateProfessional(p.id, patch);
    setRowErrors((e) => {
      const next = { ...e };
      delete next[p.id];
      return r.ok ? next : { ...next, [p.id]: issueTexts(r.issues) };
    });
    return r.ok;
  };
  /** A refused text edit shows the stored value again (nothing was saved), with the reason under the row. */
  const revertUnless = (saved: boolean | undefined, input: HTMLInputElement, stored: string) => {
    if (!saved) input.value = stored;
  };
  /** Names shared by more than one professional (a colleague's offline edit or an import can still make them). */
  const sameNames = createMemo(() => {
    const byKey = new Map<string, string[]>();
    for (const p of professionals())
      byKey.set(nameKey(p.name), [...(byKey.get(nameKey(p.name)) ?? []), p.name]);
    return [...byKey.values()].filter((names) => names.length > 1).map((names) => names[0]!);
  });
  const remove = (p: Professional) => {
    const r = intents.removeProfessional(p.id);
    toast.show(
      r.ok
        ? { text: t('team.removed', { name: p.name }), undo: ws.session.store.undo }
        : { text: issuesText(r.issues), undo: null },
    );
  };

  return (
    <div class="team-screen">
      <section class="panel" aria-labelledby="team-title">
        <div class="panel-head">
          <h1 id="team-title" class="screen-title">
            {t('team.title')}
          </h1>
          <span class="muted">{tn('team.count', professionals().length)}</span>
        </div>
        <p class="muted section-intro">{t('team.intro')}</p>
        <Show when={!ws.readOnly()}>
          <AddProfessionalForm />
        </Show>
        <For each={sameNames()}>
          {(name) => (
            <p class="field-error" data-testid="same-name">
              {t('team.sameName', { name })}
            </p>
          )}
        </For>
        <Show when={professionals().length > 0} fallback={<p class="empty muted">{t('team.empty')}</p>}>
          <table class="team-table" data-testid="team">
            <thead>
              <tr>
                <th scope="col">{t('team.name')}</th>
                <th scope="col">{t('team.email')}</th>
                <th scope="col">{t('team.profile')}</th>
                <th scope="col">{t('team.seniority')}</th>
                <th scope="col">{t('team.load')}</th>
                <Show when={!ws.readOnly()}>
                  <th scope="col">
                    <span class="visually-hidden">{t('rel.col.actions')}</span>
                  </th>
                </Show>
              </tr>
            </thead>
            <tbody>
              <For each={professionals()}>
                {(p) => {
                  const load = () => loadOf().get(p.id) ?? { A: 0, B: 0, C: 0 };
                  return (
                    <>
                      <tr>
                        <td>
                          <input
                            class="team-name"
                            value={p.name}
                            readOnly={ws.readOnly()}
                            aria-label={t('team.nameOf', { name: p.name })}
                            aria-invalid={rowErrors()[p.id] ? true : undefined}
                            onChange={(e) =>
                              revertUnless(
                                update(p, { name: e.currentTarget.value.trim() }),
                                e.currentTarget,
                                p.name,
                              )
                            }
                          />
                        </td>
                        <td>
                          <input
                            type="email"
                            value={p.email}
                            placeholder={ws.readOnly() ? '' : t('team.email')}
                            readOnly={ws.readOnly()}
                            aria-label={t('team.emailOf', { name: p.name })}
                            aria-invalid={rowErrors()[p.id] ? true : undefined}
                            onChange={(e) =>
                              revertUnless(
                                update(p, { email: e.currentTarget.value.trim() }),
                                e.currentTarget,
                                p.email,
                              )
                            }
                          />
                        </td>
                        <td>
                          <select
                            value={p.profile}
                            disabled={ws.readOnly()}
                            aria-label={t('team.profileOf', { name: p.name })}
                            onChange={(e) => update(p, { profile: e.currentTarget.value as Profile })}
                          >
                            <For each={PROFILES}>
                              {(x) => <option value={x}>{t(`team.profile.${x}`)}</option>}
                            </For>
                          </select>
                        </td>
                        <td>
                          <select
                            value={p.seniority}
                            disabled={ws.readOnly()}
                            aria-label={t('team.seniorityOf', { name: p.name })}
                            onChange={(e) => update(p, { seniority: e.currentTarget.value as Seniority })}
                          >
                            <For each={SENIORITIES}>
                              {(x) => <option value={x}>{t(`team.seniority.${x}`)}</option>}
                            </For>
                          </select>
                        </td>
                        <td>
                          <span
                            class="load"
                            data-testid="load"
                            role="img"
                            aria-label={t('team.loadOf', {
                              name: p.name,
                              a: load().A,
                              b: load().B,
                              c: load().C,
                            })}
                          >
                            <span class="cls" data-class="A" data-zero={load().A === 0 ? '' : undefined}>
                              A {load().A}
                            </span>
                            <span class="cls" data-class="B" data-zero={load().B === 0 ? '' : undefined}>
                              B {load().B}
                            </span>
                            <span class="cls" data-class="C" data-zero={load().C === 0 ? '' : undefined}>
                              C {load().C}
                            </span>
                          </span>
                        </td>
                        <Show when={!ws.readOnly()}>
                          <td>
                            <button
                              type="button"
                              class="icon"
                              aria-label={t('team.remove', { name: p.name })}
                              title={t('team.remove', { name: p.name })}
                              onClick={() => remove(p)}
                            >
                              ×
                            </button>
                          </td>
                        </Show>
                      </tr>
                      <Show when={rowErrors()[p.id]}>
                        <tr>
                          <td colSpan={6} class="field-error" role="alert">
                            {rowErrors()[p.id]}
                          </td>
                        </tr>
                      </Show>
                    </>
                  );
                }}
              </For>
            </tbody>
          </table>
        </Show>
      </section>
      <div class="team-columns">
        <TeamMixChart />
        <TeamFitList />
      </div>
      <toast.View />
    </div>
  );
}

function AddProfessionalForm() {
  const ws = useWorkspace();
  const [name, setName] = createSignal('');
  const [email, setEmail] = createSignal('');
  const [profile, setProfile] = createSignal<Profile>('specialist');
  const [seniority, setSeniority] = createSignal<Seniority>('medior');
  const [error, setError] = createSignal<string | null>(null);
  let nameInput: HTMLInputElement | undefined;
  const submit = (e: SubmitEvent) => {
    e.preventDefault();
    if (!name().trim()) {
      setError(t('team.nameRequired'));
      nameInput?.focus();
      return;
    }
    const r = ws.session.store.intents.addProfessional({
      name: name().trim(),
      email: email().trim(),
      profile: profile(),
      seniority: seniority(),
    });
    if (!r.ok) {
      setError(t('error.invalid', { detail: issueTexts(r.issues) }));
      return;
    }
    setError(null);
    setName('');
    setEmail('');
    nameInput?.focus();
  };
  return (
    <form class="add-row rel-add" onSubmit={submit} aria-label={t('team.add')} novalidate>
      <label class="field rel-add-name">
        <span>{t('team.name')}</span>
        <input
          ref={(el) => (nameInput = el)}
          value={name()}
          autocomplete="off"
          onInput={(e) => setName(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('team.email')}</span>
        <input
          type="email"
          value={email()}
          autocomplete="off"
          onInput={(e) => setEmail(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span>{t('team.profile')}</span>
        <select
          aria-label={t('team.profile')}
          value={profile()}
          onChange={(e) => setProfile(e.currentTarget.value as Profile)}
        >
          <For each={PROFILES}>{(x) => <option value={x}>{t(`team.profile.${x}`)}</option>}</For>
        </select>
      </label>
      <label class="field">
        <span>{t('team.seniority')}</span>
        <select
          aria-label={t('team.seniority')}
          value={seniority()}
          onChange={(e) => setSeniority(e.currentTarget.value as Seniority)}
        >
          <For each={SENIORITIES}>{(x) => <option value={x}>{t(`team.seniority.${x}`)}</option>}</For>
        </select>
      </label>
      <button type="submit" class="primary">
        {t('team.add')}
      </button>
      <Show when={error()}>
        <p class="error rel-add-error" role="alert">
          {error()}
        </p>
      </Show>
    </form>
  );
}
