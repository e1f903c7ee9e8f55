/**
 * CSV import: choose a file → how it is read (delimiter, character set, numbers, dates; guessed, and
 * changeable) → link columns → what the values mean → check (every bad row with its line, existing
 * relations, preview) → import everything in one transaction (one undo step). Nothing is written until
 * the plan is clean. The column links and value meanings are remembered in the workspace.
 */
import { Show, createMemo, createSignal } from 'solid-js';
import { formatIssue } from '../../../../core/model/issues.ts';
import { useWorkspace } from '../../app/context.tsx';
import { newId } from '../../../../doc/ids.ts';
import { decodeBytes, parseCsv } from '../../io/csv.ts';
import { fieldColumns, planImport, type DuplicateMode } from '../../io/csvImport.ts';
import { cellText } from '../../io/importRow.ts';
import { FIELDS, normaliseHeader, suggestMapping, type Field, type Target } from '../../io/fields.ts';
import { rememberedMapping, type ValueChoices } from '../../io/importValues.ts';
import { locale, t, translate } from '../../i18n/index.ts';
import { FilePicker } from './FilePicker.tsx';
import { ImportCheck } from './ImportCheck.tsx';
import { ImportMapping } from './ImportMapping.tsx';
import { ImportReading, type ReadingChoice } from './ImportReading.tsx';
import { ImportValues } from './ImportValues.tsx';
import { importExtraSummary } from './importSummary.ts';

const AUTO: ReadingChoice = { delimiter: 'auto', encoding: 'auto', numbers: 'auto', dates: 'auto' };
const isTarget = (t: string): t is Target => t === 'ignore' || (FIELDS as readonly string[]).includes(t);

type Outcome =
  | { kind: 'done'; relations: number; contacts: number }
  | { kind: 'undone' }
  | { kind: 'failed'; detail: string };

export function CsvImport() {
  const ws = useWorkspace();
  const store = ws.session.store;
  const [file, setFile] = createSignal<{ name: string; bytes: Uint8Array } | null>(null);
  const [readError, setReadError] = createSignal<string | null>(null);
  const [reading, setReading] = createSignal<ReadingChoice>(AUTO);
  /** The person's links, for the headers they were made for (other headers start from the suggestion). */
  const [links, setLinks] = createSignal<{ key: string; mapping: Target[] } | null>(null);
  const [values, setValues] = createSignal<ValueChoices>({});
  const [duplicates, setDuplicates] = createSignal<DuplicateMode | null>(null);
  const [excluded, setExcluded] = createSignal<ReadonlySet<number>>(new Set());
  const [outcome, setOutcome] = createSignal<Outcome | null>(null);

  const choose = async (f: File) => {
    setOutcome(null);
    setReadError(null);
    try {
      setFile({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
      setReading(AUTO);
      setLinks(null);
      setValues({});
      setDuplicates(null);
      setExcluded(new Set<number>());
    } catch (error) {
      setFile(null);
      setReadError(t('data.file.unreadable', { name: f.name, detail: String(error) }));
    }
  };

  const guessed = createMemo(() => {
    const f = file();
    return f ? decodeBytes(f.bytes) : null;
  });
  const decoded = createMemo(() => {
    const f = file();
    const enc = reading().encoding;
    return f ? (enc === 'auto' ? guessed()! : decodeBytes(f.bytes, enc)) : null;
  });
  const csv = createMemo(() => {
    const d = decoded();
    const delimiter = reading().delimiter;
    return d ? parseCsv(d.text, delimiter === 'auto' ? {} : { delimiter }) : null;
  });
  const memory = () => ws.data()?.settings.importMemory;
  const headersKey = () => csv()?.headers.join('\u0000') ?? '';
  const initialMapping = createMemo(() => {
    const c = csv();
    if (!c) return [];
    return rememberedMapping(c.headers, suggestMapping(c.headers), memory(), isTarget) as Target[];
  });
  const mapping = (): Target[] => {
    const l = links();
    return l && l.key === headersKey() ? l.mapping : initialMapping();
  };
  const remembered = () =>
    (csv()?.headers ?? []).map((h, i) => {
      const m = memory()?.columns[normaliseHeader(h)];
      return m !== undefined && m === mapping()[i];
    });
  const onMap = (i: number, target: Target) =>
    setLinks({ key: headersKey(), mapping: mapping().map((x, j) => (j === i ? target : x)) });

  const plan = createMemo(() => {
    const c = csv();
    const d = ws.data();
    const f = file();
    if (!c || !d || !f) return null;
    return planImport(
      c,
      {
        relations: d.relations,
        contacts: d.contacts,
        professionals: d.professionals,
        contactLog: d.contactLog,
        memory: d.settings.importMemory,
      },
      {
        mapping: mapping(),
        numberFormat: reading().numbers,
        dateOrder: reading().dates,
        duplicates: duplicates(),
        excluded: excluded(),
        values: values(),
        newId,
        // In the workspace's language: the note is shared with every colleague.
        historyNote: translate(d.settings.locale, 'data.import.historyNote', { file: f.name }),
      },
    );
  });
  const columns = createMemo(() => fieldColumns(csv()?.headers ?? [], mapping()));
  const headerOf = (f: Field) =>
    columns()
      .get(f)
      ?.map((i) => csv()?.headers[i] ?? '')
      .join(' + ');
  const combined = (): [Field, string[]][] =>
    [...columns()]
      .filter(([, cols]) => cols.length > 1)
      .map(([f, cols]) => [f, cols.map((i) => csv()?.headers[i] ?? '')]);
  const samples = () => {
    const c = csv();
    if (!c) return [];
    return c.headers.map((_h, i) =>
      cellText(c.rows.find((r) => (r.cells[i] ?? '').trim() !== '')?.cells[i] ?? ''),
    );
  };
  const professionals = createMemo(() =>
    Object.values(ws.data()?.professionals ?? {}).sort((a, b) => a.name.localeCompare(b.name, locale())),
  );
  const ownerName = (id: string) =>
    ws.data()?.professionals[id]?.name ?? plan()?.newProfessionals.find((p) => p.id === id)?.name ?? '';
  const blockedReason = (): string | null => {
    const p = plan();
    if (!p || p.records) return null;
    if (p.mappingProblems.length) return t('data.import.blocked.mapping');
    if (p.issues.length) return t('data.import.blocked.issues');
    if (p.openValues > 0) return t('data.import.blocked.values');
    if (p.relations.some((r) => r.action === 'undecided')) return t('data.import.blocked.duplicates');
    return t('data.import.blocked.nothing');
  };
  const nothingNew = () => {
    const p = plan();
    return (
      !!p && !p.issues.length && p.counts.unchanged > 0 && p.counts.add + p.counts.update + p.duplicates === 0
    );
  };
  const steps = () => (plan()?.values.length ? { check: 4, go: 5 } : { check: 3, go: 4 });

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
    setFile(null);
  };
  const undoImport = () => {
    if (store.undo.undo()) setOutcome({ kind: 'undone' });
  };

  return (
    <section class="panel io-panel" aria-labelledby="io-import-title" data-testid="csv-import">
      <h2 id="io-import-title">{t('data.import.title')}</h2>
      <Show
        when={file() && csv() && guessed() ? { f: file()!, c: csv()!, g: guessed()! } : null}
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
              <p>{t('data.import.file', { name: l().f.name, rows: l().c.rows.length })}</p>
              <button type="button" class="link" onClick={() => setFile(null)}>
                {t('data.import.another')}
              </button>
            </div>
            <ImportReading
              choice={reading()}
              guessedDelimiter={l().c.guessedDelimiter}
              guessedEncoding={l().g.encoding}
              bom={decoded()?.bom ?? false}
              detectedNumbers={plan()?.detectedFormat ?? null}
              ambiguousNumbers={plan()?.ambiguousNumbers ?? false}
              dates={plan()?.dates ?? null}
              onChange={(patch) => setReading((r) => ({ ...r, ...patch }))}
            />
            <Show when={l().c.rows.length > 0} fallback={<p class="error">{t('data.import.empty')}</p>}>
              <ImportMapping
                headers={l().c.headers}
                samples={samples()}
                mapping={mapping()}
                remembered={remembered()}
                combined={combined()}
                problems={plan()?.mappingProblems ?? []}
                onMap={onMap}
              />
              <Show when={plan() && plan()!.values.length > 0}>
                <ImportValues
                  columns={plan()!.values}
                  professionals={professionals()}
                  newPeople={plan()!.newProfessionals.length}
                  open={plan()!.openValues}
                  onChoose={(field, key, choice) =>
                    setValues((v) => ({ ...v, [field]: { ...(v[field] ?? {}), [key]: choice } }))
                  }
                />
              </Show>
              <Show when={plan()}>
                {(p) => (
                  <ImportCheck
                    plan={p()}
                    step={steps().check}
                    duplicates={duplicates()}
                    excluded={excluded()}
                    headerOf={headerOf}
                    ownerName={ownerName}
                    onDuplicates={setDuplicates}
                    onExclude={(lines) => setExcluded((s) => new Set([...s, ...lines]))}
                    onRestore={() => setExcluded(new Set<number>())}
                  />
                )}
              </Show>
              <section class="io-step io-final" aria-labelledby="io-go-title">
                <h3 id="io-go-title">
                  {steps().go}. {t('data.import.step.import')}
                </h3>
                <Show when={plan()}>
                  {(p) => (
                    <p data-testid="import-summary">
                      {t('data.import.summary', p().counts)}
                      <Show when={importExtraSummary(p().counts)}>{(extra) => ` ${extra()}`}</Show>
                    </p>
                  )}
                </Show>
                <Show
                  when={!nothingNew()}
                  fallback={
                    <p class="io-note" data-testid="nothing-new">
                      {t('data.import.nothingNew')}
                    </p>
                  }
                >
                  <Show when={blockedReason()}>
                    <p class="io-note warn" id="io-blocked">
                      {t('data.import.blocked', { reason: blockedReason()! })}
                    </p>
                  </Show>
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
