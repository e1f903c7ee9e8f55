/**
 * CSV import: choose a file → link columns → check (every bad row with its line, duplicates, preview) →
 * import everything in one transaction (one undo step). Nothing is written until the plan is clean.
 */
import { For, Show, createMemo, createSignal } from 'solid-js';
import { formatIssue } from '../../../../core/model/issues.ts';
import { useWorkspace } from '../../app/context.tsx';
import { newId } from '../../../../doc/ids.ts';
import { decodeBytes, parseCsv, type DecodedText, type ParsedCsv } from '../../io/csv.ts';
import { planImport, previewRows, type DuplicateMode } from '../../io/csvImport.ts';
import { suggestMapping, type Field, type Target } from '../../io/fields.ts';
import type { NumberFormat } from '../../io/numbers.ts';
import { locale, t, tn, type MessageKey } from '../../i18n/index.ts';
import { FilePicker } from './FilePicker.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { rowIssueText } from './issueText.ts';

interface Loaded {
  name: string;
  decoded: DecodedText;
  csv: ParsedCsv;
}

const DELIMITER_KEY: Record<string, MessageKey> = {
  ',': 'data.import.delimiter.comma',
  ';': 'data.import.delimiter.semicolon',
  '\t': 'data.import.delimiter.tab',
  '|': 'data.import.delimiter.pipe',
};
const PREVIEW_ROWS = 8;

type Outcome =
  | { kind: 'done'; relations: number; contacts: number }
  | { kind: 'undone' }
  | { kind: 'failed'; detail: string };

export function CsvImport() {
  const ws = useWorkspace();
  const store = ws.session.store;
  const [loaded, setLoaded] = createSignal<Loaded | null>(null);
  const [readError, setReadError] = createSignal<string | null>(null);
  const [mapping, setMapping] = createSignal<Target[]>([]);
  const [numberFormat, setNumberFormat] = createSignal<NumberFormat | 'auto'>('auto');
  const [duplicates, setDuplicates] = createSignal<DuplicateMode | null>(null);
  const [excluded, setExcluded] = createSignal<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  const choose = async (file: File) => {
    setOutcome(null);
    setReadError(null);
    try {
      const decoded = decodeBytes(new Uint8Array(await file.arrayBuffer()));
      const csv = parseCsv(decoded.text);
      setLoaded({ name: file.name, decoded, csv });
      setMapping(suggestMapping(csv.headers));
      setNumberFormat('auto');
      setDuplicates(null);
      setExcluded(new Set<number>());
    } catch (error) {
      setLoaded(null);
      setReadError(t('data.file.unreadable', { name: file.name, detail: String(error) }));
    }
  };

  const plan = createMemo(() => {
    const l = loaded();
    const d = ws.data();
    if (!l || !d) return null;
    return planImport(
      l.csv,
      { relations: d.relations, contacts: d.contacts },
      {
        mapping: mapping(),
        numberFormat: numberFormat(),
        duplicates: duplicates(),
        excluded: excluded(),
        newId,
      },
    );
  });
  const headerOf = (f: Field) => {
    const i = mapping().indexOf(f);
    return i >= 0 ? loaded()?.csv.headers[i] : undefined;
  };
  const samples = () => {
    const l = loaded();
    if (!l) return [];
    return l.csv.headers.map(
      (_h, i) => l.csv.rows.find((r) => (r.cells[i] ?? '').trim() !== '')?.cells[i] ?? '',
    );
  };
  const blockedReason = (): string | null => {
    const p = plan();
    if (!p || p.records) return null;
    if (p.mappingProblems.length) return t('data.import.blocked.mapping');
    if (p.issues.length) return t('data.import.blocked.issues');
    if (p.relations.some((r) => r.action === 'undecided')) return t('data.import.blocked.duplicates');
    return t('data.import.blocked.nothing');
  };

  const runImport = () => {
    const records = plan()?.records;
    if (!records) return;
    const result = store.intents.importRecords(records);
    if (!result.ok) {
      setOutcome({ kind: 'failed', detail: result.issues.map((i) => formatIssue(i, locale())).join('; ') });
      return;
    }
    setOutcome({
      kind: 'done',
      relations: result.value.relationsAdded + result.value.relationsUpdated,
      contacts: result.value.contactsAdded + result.value.contactsUpdated,
    });
    setLoaded(null);
  };
  const undoImport = () => {
    if (store.undo.undo()) setOutcome({ kind: 'undone' });
  };
  const exclude = (lines: number[]) => setExcluded((s) => new Set([...s, ...lines]));

  return (
    <section class="panel io-panel" aria-labelledby="io-import-title" data-testid="csv-import">
      <h2 id="io-import-title">{t('data.import.title')}</h2>
      <Show
        when={loaded()}
        fallback={
          <FilePicker
            accept=".csv,.txt,.tsv,text/csv"
            hint={t('data.file.csvHint')}
            disabled={ws.readOnly()}
            testId="csv-file"
            onFile={(f) => void choose(f)}
          />
        }
      >
        {(l) => (
          <>
            <div class="io-fileinfo">
              <p>
                {t('data.import.fileInfo', {
                  name: l().name,
                  rows: l().csv.rows.length,
                  delimiter: t(DELIMITER_KEY[l().csv.delimiter] ?? 'data.import.delimiter.comma'),
                  encoding: t(`data.import.encoding.${l().decoded.encoding}`),
                })}
                <Show when={l().decoded.bom}> ({t('data.import.bom')})</Show>
              </p>
              <button type="button" class="link" onClick={() => setLoaded(null)}>
                {t('data.import.another')}
              </button>
            </div>
            <Show when={l().decoded.encoding === 'windows-1252'}>
              <p class="io-note warn">{t('data.import.notUtf8')}</p>
            </Show>
            <Show when={l().csv.rows.length > 0} fallback={<p class="error">{t('data.import.empty')}</p>}>
              <ImportMapping
                headers={l().csv.headers}
                samples={samples()}
                mapping={mapping()}
                problems={plan()?.mappingProblems ?? []}
                numberFormat={numberFormat()}
                detected={plan()?.detectedFormat ?? null}
                onMap={(i, target) => setMapping((m) => m.map((x, j) => (j === i ? target : x)))}
                onNumberFormat={setNumberFormat}
              />
              <Show when={plan()}>
                {(p) => (
                  <section class="io-step" aria-labelledby="io-check-title">
                    <h3 id="io-check-title">{t('data.import.step.check')}</h3>
                    <Show when={p().duplicates > 0}>
                      <fieldset class="io-choice" data-testid="duplicates">
                        <legend>
                          <strong>{tn('data.import.duplicates.title', p().duplicates)}.</strong>{' '}
                          {t('data.import.duplicates.legend')}
                        </legend>
                        <For each={['skip', 'update'] as const}>
                          {(mode) => (
                            <label>
                              <input
                                type="radio"
                                name="io-duplicates"
                                value={mode}
                                checked={duplicates() === mode}
                                onChange={() => setDuplicates(mode)}
                              />
                              <span>{t(`data.import.duplicates.${mode}`)}</span>
                            </label>
                          )}
                        </For>
                      </fieldset>
                    </Show>
                    <Show when={p().issues.length > 0}>
                      <div class="io-issues" role="alert" data-testid="import-issues">
                        <p>
                          <strong>{tn('data.import.issues.title', p().badLines.length)}</strong>{' '}
                          {t('data.import.issues.intro')}
                        </p>
                        <ul>
                          <For each={p().issues}>
                            {(issue) => (
                              <li>
                                <span>{rowIssueText(issue, headerOf)}</span>
                                <button type="button" class="link" onClick={() => exclude([issue.line])}>
                                  {t('data.import.issues.exclude', { line: issue.line })}
                                </button>
                              </li>
                            )}
                          </For>
                        </ul>
                        <button type="button" onClick={() => exclude(p().badLines)}>
                          {t('data.import.issues.excludeAll')}
                        </button>
                      </div>
                    </Show>
                    <Show when={excluded().size > 0}>
                      <p class="muted io-note">
                        {tn('data.import.excluded', excluded().size)} (
                        {[...excluded()].sort((a, b) => a - b).join(', ')}){' '}
                        <button type="button" class="link" onClick={() => setExcluded(new Set<number>())}>
                          {t('data.import.excluded.restore')}
                        </button>
                      </p>
                    </Show>
                    <Show when={previewRows(p(), PREVIEW_ROWS).length > 0}>
                      <h4 class="io-subtitle">{t('data.import.preview.title')}</h4>
                      <ImportPreview rows={previewRows(p(), PREVIEW_ROWS)} />
                    </Show>
                  </section>
                )}
              </Show>
              <section class="io-step io-final" aria-labelledby="io-go-title">
                <h3 id="io-go-title">{t('data.import.step.import')}</h3>
                <Show when={plan()}>
                  {(p) => <p data-testid="import-summary">{t('data.import.summary', p().counts)}</p>}
                </Show>
                <Show when={blockedReason()}>
                  <p class="io-note warn" id="io-blocked">
                    {t('data.import.blocked', { reason: blockedReason()! })}
                  </p>
                </Show>
                <button
                  type="button"
                  class="primary"
                  disabled={!plan()?.records || ws.readOnly()}
                  aria-describedby={blockedReason() ? 'io-blocked' : undefined}
                  onClick={runImport}
                >
                  {t('data.import.submit')}
                </button>
              </section>
            </Show>
          </>
        )}
      </Show>
      <Show when={readError()}>
        <p class="error" role="alert">
          {readError()}
        </p>
      </Show>
      <Show when={outcome()}>
        {(o) => (
          <div class="io-outcome" role="status" data-kind={o().kind}>
            <Show when={o().kind === 'done' && (o() as Extract<Outcome, { kind: 'done' }>)}>
              {(done) => (
                <>
                  <span>
                    {t('data.import.done', { relations: done().relations, contacts: done().contacts })}
                  </span>
                  <button type="button" onClick={undoImport} disabled={!store.undo.state.canUndo}>
                    {t('data.import.undo')}
                  </button>
                </>
              )}
            </Show>
            <Show when={o().kind === 'undone'}>{t('data.import.undone')}</Show>
            <Show when={o().kind === 'failed' && (o() as Extract<Outcome, { kind: 'failed' }>)}>
              {(f) => <span class="error">{t('data.import.failed', { detail: f().detail })}</span>}
            </Show>
          </div>
        )}
      </Show>
    </section>
  );
}
