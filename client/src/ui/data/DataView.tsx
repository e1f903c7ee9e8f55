/**
 * Import & export (/data): CSV import and export of relations and contacts, JSON backup and restore, and the
 * workspace's history (what changed in relations, contacts and scores; its versions).
 */
import { Show } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { t } from '../../i18n/index.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { CsvExport } from './CsvExport.tsx';
import { CsvImport } from './CsvImport.tsx';
import { WorkspaceHistory } from '../history/WorkspaceHistory.tsx';
import './data.css';

export default function DataView() {
  const ws = useWorkspace();
  return (
    <div class="io-screen wide">
      <header class="io-head">
        <h1>{t('data.title')}</h1>
        <p class="muted">{t('data.intro')}</p>
        <Show when={ws.readOnly()}>
          <p class="io-note warn">{t('data.readOnly')}</p>
        </Show>
      </header>
      <CsvImport />
      <CsvExport />
      <BackupPanel />
      <WorkspaceHistory />
    </div>
  );
}
