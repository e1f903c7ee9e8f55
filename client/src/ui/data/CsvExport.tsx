/** CSV export of relations and contacts; the file imports back without loss (see io/csvExport.ts). */
import { Show, createSignal } from 'solid-js';
import { useWorkspace } from '../../app/context.tsx';
import { exportCsv } from '../../io/csvExport.ts';
import type { NumberFormat } from '../../io/numbers.ts';
import { locale, t, tn } from '../../i18n/index.ts';
import { downloadText } from './download.ts';
import { todayIso } from '../relations/common.tsx';

export function CsvExport() {
  const ws = useWorkspace();
  const [format, setFormat] = createSignal<NumberFormat>(locale() === 'nl' ? 'nl' : 'en');
  const [personal, setPersonal] = createSignal(false);
  const counts = () => ({
    relations: Object.keys(ws.data()?.relations ?? {}).length,
    contacts: Object.keys(ws.data()?.contacts ?? {}).length,
  });
  const run = () => {
    const d = ws.data();
    if (!d) return;
    // "Excel in Dutch" is Dutch throughout: headers and values too; the international file is English.
    const text = exportCsv(d, { locale: format(), format: format(), includePersonal: personal() });
    // A BOM so that Excel reads the file as UTF-8; the importer removes it.
    downloadText(`${t('data.export.file')}-${todayIso()}.csv`, `\uFEFF${text}`, 'text/csv;charset=utf-8');
  };
  return (
    <section class="panel io-panel" aria-labelledby="io-export-title" data-testid="csv-export">
      <h2 id="io-export-title">{t('data.export.title')}</h2>
      <p class="muted io-lead">{t('data.export.intro')}</p>
      <fieldset class="io-choice">
        <legend>{t('data.export.format')}</legend>
        <label>
          <input type="radio" name="io-format" checked={format() === 'nl'} onChange={() => setFormat('nl')} />
          <span>{t('data.export.format.nl')}</span>
        </label>
        <label>
          <input type="radio" name="io-format" checked={format() === 'en'} onChange={() => setFormat('en')} />
          <span>{t('data.export.format.en')}</span>
        </label>
      </fieldset>
      <label class="io-check">
        <input type="checkbox" checked={personal()} onChange={(e) => setPersonal(e.currentTarget.checked)} />
        <span>{t('data.export.personal')}</span>
      </label>
      <div class="io-actions">
        <button type="button" class="primary" onClick={run} disabled={!ws.data()}>
          {t('data.export.submit')}
        </button>
        <Show when={ws.data()}>
          <span class="muted">
            {t('data.export.count', {
              relations: tn('rel.count', counts().relations),
              contacts: tn('rel.delete.contacts', counts().contacts),
            })}
          </span>
        </Show>
      </div>
    </section>
  );
}
