/**
 * Full JSON backup (download) and restore of the whole workspace — its document and every account plan, meeting
 * board and tournament (client/src/app/backup.ts). A backup is read, checked and dry-run first (a bad one
 * changes nothing and says why); the user sees what restoring would add, change and remove, then it is applied
 * as edits, undoable.
 */
import { For, Show, createMemo, createSignal, onCleanup } from 'solid-js';
import { formatIssue } from '../../../../core/model/issues.ts';
import type { ReadBackup } from '../../../../doc/backup.ts';
import { useWorkspace } from '../../app/context.tsx';
import {
  collectBackup,
  prepareRestore,
  type CollectedBackup,
  type PreparedRestore,
} from '../../app/backup.ts';
import { backupText, diffBackup, readBackup, type BackupProblem } from '../../io/backup.ts';
import { locale, t, tn } from '../../i18n/index.ts';
import { FilePicker } from './FilePicker.tsx';
import { RestoreSummary } from './RestoreSummary.tsx';
import { downloadText } from './download.ts';
import { todayIso } from '../relations/common.tsx';

interface Candidate {
  fileName: string;
  read: Extract<ReadBackup, { ok: true }>;
  prepared: Extract<PreparedRestore, { ok: true }>;
}
type Outcome = 'done' | 'undone' | { failed: string };
type Refusal = Extract<PreparedRestore, { ok: false }>['refused'];

const MAX_LISTED = 30;

export function BackupPanel() {
  const ws = useWorkspace();
  const [candidate, setCandidate] = createSignal<Candidate | null>(null);
  const [preparing, setPreparing] = createSignal<string | null>(null);
  const [problem, setProblem] = createSignal<BackupProblem | null>(null);
  const [refused, setRefused] = createSignal<Refusal | null>(null);
  const [readError, setReadError] = createSignal<string | null>(null);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);
  const [collecting, setCollecting] = createSignal(false);
  const [collected, setCollected] = createSignal<CollectedBackup | { failed: string } | null>(null);
  // The documents of the last restore stay open while it can be undone.
  let held: Extract<PreparedRestore, { ok: true }> | null = null;
  const hold = (next: Extract<PreparedRestore, { ok: true }> | null) => {
    held?.release();
    held = next;
  };
  onCleanup(() => hold(null));

  const download = async () => {
    const d = ws.data();
    if (!d || collecting()) return;
    setCollecting(true);
    setCollected(null);
    try {
      const result = await collectBackup(ws.session, new Date().toISOString());
      const slug =
        d.settings.name
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, '-')
          .replace(/^-|-$/g, '') || 'haard';
      downloadText(
        `${t('data.backup.file')}-${slug}-${todayIso()}.json`,
        backupText(result.backup),
        'application/json',
      );
      setCollected(result);
    } catch (error) {
      setCollected({ failed: error instanceof Error ? error.message : String(error) });
    } finally {
      setCollecting(false);
    }
  };

  const forget = () => {
    setCandidate(null);
    if (outcome() !== 'done') hold(null);
  };

  const choose = async (file: File) => {
    setOutcome(null);
    hold(null);
    setCandidate(null);
    setProblem(null);
    setRefused(null);
    setReadError(null);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setReadError(t('data.file.unreadable', { name: file.name, detail: String(error) }));
      return;
    }
    const read = readBackup(text);
    if (!read.ok) {
      setProblem(read.problem);
      return;
    }
    setPreparing(file.name);
    try {
      const prepared = await prepareRestore(ws.session, read);
      if (!prepared.ok) setRefused(prepared.refused);
      else {
        hold(prepared);
        setCandidate({ fileName: file.name, read, prepared });
      }
    } finally {
      setPreparing(null);
    }
  };

  const diff = createMemo(() => {
    const c = candidate();
    const d = ws.data();
    return c && d ? diffBackup(d, c.read.workspace) : null;
  });

  const restore = () => {
    const c = candidate();
    if (!c) return;
    const result = c.prepared.apply();
    if (!result.ok) {
      setOutcome({ failed: result.message[locale()] });
      return;
    }
    setCandidate(null);
    setOutcome('done');
  };

  const undo = () => {
    held?.undo();
    hold(null);
    setOutcome('undone');
  };

  const problemText = (p: BackupProblem): string => {
    switch (p.code) {
      case 'notJson':
      case 'notBackup':
        return t(`data.restore.problem.${p.code}`);
      case 'unknownKind':
        return t('data.restore.problem.unknownKind', { kind: p.kind });
      case 'newerBackupVersion':
      case 'newerSchema':
        return t(`data.restore.problem.${p.code}`, { version: p.version, known: p.known });
      case 'unreadable':
        return p.reason[locale()];
      case 'invalid':
        return tn('data.restore.problem.invalid', p.issues.length);
    }
  };

  const collectedText = (c: CollectedBackup): string[] => {
    const lines = [
      t('data.backup.done', {
        plans: tn('data.backup.count.plan', c.counts.plan),
        meetings: tn('data.backup.count.meeting', c.counts.meeting),
        tournaments: tn('data.backup.count.tournament', c.counts.tournament),
      }),
    ];
    if (c.missing.length > 0)
      lines.push(t('data.backup.missing', { titles: c.missing.map((m) => `‘${m.title}’`).join(', ') }));
    const setAside = c.setAside.reduce((n, s) => n + s.records, 0);
    if (setAside > 0)
      lines.push(
        tn('data.backup.setAside', setAside, {
          where: c.setAside
            .map((s) => (s.kind === 'workspace' ? t('data.backup.workspace') : `‘${s.title}’`))
            .join(', '),
        }),
      );
    return lines;
  };

  return (
    <section class="panel io-panel" aria-labelledby="io-backup-title" data-testid="backup">
      <h2 id="io-backup-title">{t('data.backup.title')}</h2>
      <p class="muted io-lead">{t('data.backup.intro')}</p>
      <div class="io-actions">
        <button
          type="button"
          class="primary"
          onClick={() => void download()}
          disabled={!ws.data() || collecting()}
        >
          {t('data.backup.submit')}
        </button>
        <Show when={collecting()}>
          <span class="muted" role="status">
            {t('data.backup.busy')}
          </span>
        </Show>
      </div>
      <Show when={collected()}>
        {(c) => (
          <div class="io-outcome" role="status" data-testid="backup-outcome">
            <Show
              when={!('failed' in c()) && (c() as CollectedBackup)}
              fallback={
                <span class="error">
                  {t('data.backup.failed', { detail: (c() as { failed: string }).failed })}
                </span>
              }
            >
              {(ok) => <For each={collectedText(ok())}>{(line) => <p>{line}</p>}</For>}
            </Show>
          </div>
        )}
      </Show>

      <h3 class="io-subtitle">{t('data.restore.title')}</h3>
      <p class="muted io-lead">{t('data.restore.intro')}</p>
      <Show when={!candidate() && !preparing()}>
        <FilePicker
          accept=".json,application/json"
          hint={t('data.file.jsonHint')}
          disabled={ws.readOnly()}
          testId="backup-file"
          onFile={(f) => void choose(f)}
        />
      </Show>
      <Show when={preparing()}>
        {(name) => (
          <p class="muted" role="status">
            {t('data.restore.preparing', { name: name() })}
          </p>
        )}
      </Show>

      <Show when={readError()}>
        <p class="error" role="alert">
          {readError()}
        </p>
      </Show>
      <Show when={problem()}>
        {(p) => (
          <div class="io-issues" role="alert" data-testid="restore-problem">
            <p>
              <strong>{t('data.restore.problem.title')}</strong> {problemText(p())}
            </p>
            <Show when={p().code === 'invalid' && p()}>
              {(inv) => (
                <ul>
                  <For
                    each={(inv() as Extract<BackupProblem, { code: 'invalid' }>).issues.slice(0, MAX_LISTED)}
                  >
                    {(i) => <li>{formatIssue(i, locale())}</li>}
                  </For>
                </ul>
              )}
            </Show>
          </div>
        )}
      </Show>
      <Show when={refused()}>
        {(list) => (
          <div class="io-issues" role="alert" data-testid="restore-problem">
            <p>
              <strong>{t('data.restore.problem.title')}</strong>{' '}
              {tn('data.restore.problem.invalid', list().length)}
            </p>
            <ul>
              <For each={list().slice(0, MAX_LISTED)}>
                {(r) => <li>{t('data.restore.refused', { path: r.path, message: r.message[locale()] })}</li>}
              </For>
            </ul>
          </div>
        )}
      </Show>

      <Show when={candidate() && diff() ? ([candidate()!, diff()!] as const) : null}>
        {(pair) => (
          <RestoreSummary
            name={pair()[0].read.workspace.settings.name || pair()[0].fileName}
            exportedAt={pair()[0].read.exportedAt}
            otherWorkspaceId={pair()[1].otherWorkspace ? pair()[0].read.workspace.id : null}
            migrated={pair()[0].read.migrated}
            version={pair()[0].read.version}
            diff={pair()[1]}
            prepared={pair()[0].prepared}
            readOnly={ws.readOnly()}
            onRestore={restore}
            onCancel={forget}
          />
        )}
      </Show>

      <Show when={outcome()}>
        {(o) => (
          <div class="io-outcome" role="status" data-testid="restore-outcome">
            <Show when={o() === 'done'}>
              <span>{t('data.restore.done')}</span>
              <button type="button" onClick={undo}>
                {t('data.restore.undo')}
              </button>
            </Show>
            <Show when={o() === 'undone'}>{t('data.restore.undone')}</Show>
            <Show when={typeof o() === 'object' && (o() as { failed: string })}>
              {(f) => <span class="error">{t('data.restore.failed', { detail: f().failed })}</span>}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
