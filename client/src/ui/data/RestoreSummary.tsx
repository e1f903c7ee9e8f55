/**
 * What restoring a backup will do, before anything is written: per collection of the workspace (added,
 * changed, removed), the settings that change (by their readable names), and per kind of document (account
 * plans, meeting boards, tournaments: new, changed, already equal, taken off the list). A version 1 backup
 * says it holds no plans; cards the backup holds without their document are named (they are not restored).
 */
import { For, Show } from 'solid-js';
import type { BackupDocKind } from '../../../../doc/backup.ts';
import { BACKUP_DOC_KINDS } from '../../../../doc/backup.ts';
import type { PreparedRestore } from '../../app/backup.ts';
import { COLLECTIONS, type BackupDiff } from '../../io/backup.ts';
import { formatDate, locale, t } from '../../i18n/index.ts';
import { settingName } from './settingName.ts';

type Ready = Extract<PreparedRestore, { ok: true }>;

export interface RestoreSummaryProps {
  name: string;
  exportedAt: string | null;
  otherWorkspaceId: string | null;
  migrated: string[];
  /** The file's format version (1: the workspace only). */
  version: number;
  diff: BackupDiff;
  prepared: Ready;
  readOnly: boolean;
  onRestore(): void;
  onCancel(): void;
}

export function RestoreSummary(props: RestoreSummaryProps) {
  const kindLine = (kind: BackupDocKind) =>
    t('data.restore.summary.documents', {
      what: t(`data.restore.kind.${kind}`),
      ...props.prepared.documents[kind],
    });
  const showKind = (kind: BackupDocKind) => {
    const c = props.prepared.documents[kind];
    return kind !== 'tournament' || c.added + c.changed + c.same + c.removed > 0;
  };
  return (
    <div class="io-summary" data-testid="restore-summary">
      <p>
        <strong>
          {props.exportedAt
            ? t('data.restore.summary.title', {
                name: props.name,
                date: formatDate(locale(), props.exportedAt.slice(0, 10)),
              })
            : t('data.restore.summary.noDate', { name: props.name })}
        </strong>
      </p>
      <Show when={props.otherWorkspaceId}>
        {(id) => <p class="io-note warn">{t('data.restore.otherWorkspace', { id: id() })}</p>}
      </Show>
      <Show when={props.migrated.length > 0}>
        <p class="muted">{t('data.restore.summary.migrated', { steps: props.migrated.join(', ') })}</p>
      </Show>
      <Show when={props.version < 2}>
        <p class="io-note warn">{t('data.restore.summary.v1')}</p>
      </Show>
      <Show when={props.prepared.leftOut.length > 0}>
        <p class="io-note warn" data-testid="restore-left-out">
          {t('data.restore.summary.leftOut', {
            titles: props.prepared.leftOut.map((c) => `‘${c.title}’`).join(', '),
          })}
        </p>
      </Show>
      <Show when={!props.prepared.same} fallback={<p>{t('data.restore.summary.same')}</p>}>
        <ul>
          <For each={COLLECTIONS}>
            {(name) => (
              <li>
                {t('data.restore.summary.collection', {
                  what: t(`data.restore.collection.${name}`),
                  ...props.diff.collections[name],
                })}
              </li>
            )}
          </For>
          <li>
            {t('data.restore.summary.collection', {
              what: t('data.restore.collection.scores'),
              ...props.diff.scores,
            })}
          </li>
          <Show when={props.diff.settings.length > 0}>
            <li>
              {t('data.restore.summary.settings', { keys: props.diff.settings.map(settingName).join(', ') })}
            </li>
          </Show>
          <For each={BACKUP_DOC_KINDS.filter(showKind)}>{(kind) => <li>{kindLine(kind)}</li>}</For>
        </ul>
      </Show>
      <div class="io-actions">
        <button
          type="button"
          class="primary"
          onClick={() => props.onRestore()}
          disabled={props.readOnly || props.prepared.same}
        >
          {t('data.restore.submit')}
        </button>
        <button type="button" onClick={() => props.onCancel()}>
          {t('data.restore.cancel')}
        </button>
      </div>
    </div>
  );
}
