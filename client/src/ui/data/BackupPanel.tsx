/**
 * Full JSON backup (download) and restore: the backup is migrated and checked first (a bad one changes
 * nothing and says why), the user sees what restoring would add, change and remove, then it is applied as
 * edits in one undoable transaction.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { formatIssue } from '../../../../core/model/issues.ts';
import type { WorkspaceDoc } from '../../../../core/model/workspace.ts';
import { useWorkspace } from '../../app/context.tsx';
import {
  COLLECTIONS,
  backupText,
  diffBackup,
  makeBackup,
  readBackup,
  type BackupProblem,
} from '../../io/backup.ts';
import { formatDate, locale, t, tn } from '../../i18n/index.ts';
import { FilePicker } from './FilePicker.tsx';
import { downloadText } from './download.ts';
import { todayIso } from '../relations/common.tsx';

interface Candidate {
  fileName: string;
  workspace: WorkspaceDoc;
  exportedAt: string | null;
  migrated: string[];
}
type Outcome = 'done' | 'undone' | { failed: string };

const MAX_LISTED = 30;

export function BackupPanel() {
  const ws = useWorkspace();
  const store = ws.session.store;
  const [candidate, setCandidate] = createSignal<Candidate | null>(null);
  const [problem, setProblem] = createSignal<BackupProblem | null>(null);
  const [readError, setReadError] = createSignal<string | null>(null);
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  const download = () => {
    const d = ws.data();
    if (!d) return;
    const text = backupText(makeBackup(d as unknown as Record<string, unknown>, new Date().toISOString()));
    const slug =
      d.settings.name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '') || 'haard';
    downloadText(`${t('data.backup.file')}-${slug}-${todayIso()}.json`, text, 'application/json');
  };

  const choose = async (file: File) => {
    setOutcome(null);
    setCandidate(null);
    setProblem(null);
    setReadError(null);
    let text: string;
    try {
      text = await file.text();
    } catch (error) {
      setReadError(t('data.file.unreadable', { name: file.name, detail: String(error) }));
      return;
    }
    const read = readBackup(text);
    if (!read.ok) setProblem(read.problem);
    else
      setCandidate({
        fileName: file.name,
        workspace: read.workspace,
        exportedAt: read.exportedAt,
        migrated: read.migrated,
      });
  };

  const diff = createMemo(() => {
    const c = candidate();
    const d = ws.data();
    return c && d ? diffBackup(d, c.workspace) : null;
  });

  const restore = () => {
    const c = candidate();
    if (!c) return;
    const result = store.intents.restoreBackup(c.workspace);
    if (!result.ok) {
      setOutcome({ failed: result.issues.map((i) => formatIssue(i, locale())).join('; ') });
      return;
    }
    setCandidate(null);
    setOutcome('done');
  };

  const problemText = (p: BackupProblem): string => {
    switch (p.code) {
      case 'notJson':
        return t('data.restore.problem.notJson', { detail: p.detail });
      case 'notBackup':
        return t('data.restore.problem.notBackup');
      case 'newerBackupVersion':
      case 'newerSchema':
        return t(`data.restore.problem.${p.code}`, { version: p.version, known: p.known });
      case 'unreadable':
        return p.reason[locale()];
      case 'invalid':
        return tn('data.restore.problem.invalid', p.issues.length);
    }
  };

  return (
    <section class="panel io-panel" aria-labelledby="io-backup-title" data-testid="backup">
      <h2 id="io-backup-title">{t('data.backup.title')}</h2>
      <p class="muted io-lead">{t('data.backup.intro')}</p>
      <div class="io-actions">
        <button type="button" class="primary" onClick={download} disabled={!ws.data()}>
          {t('data.backup.submit')}
        </button>
      </div>

      <h3 class="io-subtitle">{t('data.restore.title')}</h3>
      <p class="muted io-lead">{t('data.restore.intro')}</p>
      <Show when={!candidate()}>
        <FilePicker
          accept=".json,application/json"
          hint={t('data.file.jsonHint')}
          disabled={ws.readOnly()}
          testId="backup-file"
          onFile={(f) => void choose(f)}
        />
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

      <Show when={candidate() && diff() ? ([candidate()!, diff()!] as const) : null}>
        {(pair) => {
          const c = () => pair()[0];
          const d = () => pair()[1];
          return (
            <div class="io-summary" data-testid="restore-summary">
              <p>
                <strong>
                  {c().exportedAt
                    ? t('data.restore.summary.title', {
                        name: c().workspace.settings.name || c().fileName,
                        date: formatDate(locale(), c().exportedAt!.slice(0, 10)),
                      })
                    : t('data.restore.summary.noDate', { name: c().workspace.settings.name || c().fileName })}
                </strong>
              </p>
              <Show when={d().otherWorkspace}>
                <p class="io-note warn">{t('data.restore.otherWorkspace', { id: c().workspace.id })}</p>
              </Show>
              <Show when={c().migrated.length > 0}>
                <p class="muted">{t('data.restore.summary.migrated', { steps: c().migrated.join(', ') })}</p>
              </Show>
              <Show when={!d().same} fallback={<p>{t('data.restore.summary.same')}</p>}>
                <ul>
                  <For each={COLLECTIONS}>
                    {(name) => (
                      <li>
                        {t('data.restore.summary.collection', {
                          what: t(`data.restore.collection.${name}`),
                          ...d().collections[name],
                        })}
                      </li>
                    )}
                  </For>
                  <li>
                    {t('data.restore.summary.collection', {
                      what: t('data.restore.collection.scores'),
                      ...d().scores,
                    })}
                  </li>
                  <Show when={d().settings.length > 0}>
                    <li>{t('data.restore.summary.settings', { keys: d().settings.join(', ') })}</li>
                  </Show>
                </ul>
              </Show>
              <div class="io-actions">
                <button type="button" class="primary" onClick={restore} disabled={ws.readOnly() || d().same}>
                  {t('data.restore.submit')}
                </button>
                <button type="button" onClick={() => setCandidate(null)}>
                  {t('data.restore.cancel')}
                </button>
              </div>
            </div>
          );
        }}
      </Show>

      <Show when={outcome()}>
        {(o) => (
          <div class="io-outcome" role="status">
            <Show when={o() === 'done'}>
              <span>{t('data.restore.done')}</span>
              <button
                type="button"
                disabled={!store.undo.state.canUndo}
                onClick={() => store.undo.undo() && setOutcome('undone')}
              >
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
