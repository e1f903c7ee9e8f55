/**
 * Step 1 of the CSV import: how the file is read — delimiter, character set, numbers, dates — each as
 * Haard guessed it, and changeable; the steps below read the file again at once (issue 11 §2).
 */
import { For, Show } from 'solid-js';
import { DELIMITERS, ENCODINGS, type Delimiter, type Encoding } from '../../io/csv.ts';
import type { DateReading } from '../../io/csvImport.ts';
import type { DateOrder } from '../../io/dates.ts';
import type { DetectedFormat, NumberFormat } from '../../io/numbers.ts';
import { t, type MessageKey } from '../../i18n/index.ts';
import { dateText } from './dateText.ts';

const DELIMITER_KEY: Record<Delimiter, MessageKey> = {
  ',': 'data.import.delimiter.comma',
  ';': 'data.import.delimiter.semicolon',
  '\t': 'data.import.delimiter.tab',
  '|': 'data.import.delimiter.pipe',
};
const DELIMITER_VALUE: Record<Delimiter, string> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
  '|': 'pipe',
};
const fromValue = (v: string): Delimiter | 'auto' =>
  DELIMITERS.find((d) => DELIMITER_VALUE[d] === v) ?? 'auto';

export interface ReadingChoice {
  delimiter: Delimiter | 'auto';
  encoding: Encoding | 'auto';
  numbers: NumberFormat | 'auto';
  dates: DateOrder | 'auto';
}

export function ImportReading(props: {
  choice: ReadingChoice;
  guessedDelimiter: Delimiter;
  guessedEncoding: Encoding;
  bom: boolean;
  detectedNumbers: DetectedFormat;
  /** Some number in the file reads differently as Dutch and English ("1.234"). */
  ambiguousNumbers: boolean;
  dates: DateReading | null;
  onChange: (patch: Partial<ReadingChoice>) => void;
}) {
  const numbersGuess = (): string =>
    props.detectedNumbers === 'nl' || props.detectedNumbers === 'en'
      ? t(`data.import.numbers.${props.detectedNumbers}`)
      : props.detectedNumbers === 'conflict'
        ? '?'
        : t('data.import.numbers.none');
  const datesGuess = () => (props.dates ? t(`data.import.dates.${props.dates.used}`) : '');
  return (
    <section class="io-step" aria-labelledby="io-read-title" data-testid="import-reading">
      <h3 id="io-read-title">{t('data.import.step.read')}</h3>
      <p class="muted io-lead">{t('data.import.read.intro')}</p>
      <div class="io-reading">
        <label class="io-field">
          <span>{t('data.import.read.delimiter')}</span>
          <select
            aria-label={t('data.import.read.delimiter')}
            value={props.choice.delimiter === 'auto' ? 'auto' : DELIMITER_VALUE[props.choice.delimiter]}
            onChange={(e) => props.onChange({ delimiter: fromValue(e.currentTarget.value) })}
          >
            <option value="auto">
              {t('data.import.read.auto', { guess: t(DELIMITER_KEY[props.guessedDelimiter]) })}
            </option>
            <For each={DELIMITERS}>
              {(d) => <option value={DELIMITER_VALUE[d]}>{t(DELIMITER_KEY[d])}</option>}
            </For>
          </select>
        </label>
        <label class="io-field">
          <span>{t('data.import.read.encoding')}</span>
          <select
            aria-label={t('data.import.read.encoding')}
            value={props.choice.encoding}
            onChange={(e) => props.onChange({ encoding: e.currentTarget.value as Encoding | 'auto' })}
          >
            <option value="auto">
              {t('data.import.read.auto', { guess: t(`data.import.encoding.${props.guessedEncoding}`) })}
            </option>
            <For each={ENCODINGS}>
              {(enc) => <option value={enc}>{t(`data.import.encoding.${enc}`)}</option>}
            </For>
          </select>
        </label>
        <label class="io-field">
          <span>{t('data.import.read.numbers')}</span>
          <select
            aria-label={t('data.import.read.numbers')}
            value={props.choice.numbers}
            onChange={(e) => props.onChange({ numbers: e.currentTarget.value as NumberFormat | 'auto' })}
          >
            <option value="auto">{t('data.import.read.auto', { guess: numbersGuess() })}</option>
            <option value="nl">{t('data.import.numbers.nl')}</option>
            <option value="en">{t('data.import.numbers.en')}</option>
          </select>
        </label>
        <Show when={props.dates}>
          <label class="io-field">
            <span>{t('data.import.read.dates')}</span>
            <select
              aria-label={t('data.import.read.dates')}
              value={props.choice.dates}
              onChange={(e) => props.onChange({ dates: e.currentTarget.value as DateOrder | 'auto' })}
            >
              <option value="auto">{t('data.import.read.auto', { guess: datesGuess() })}</option>
              <option value="dmy">{t('data.import.dates.dmy')}</option>
              <option value="mdy">{t('data.import.dates.mdy')}</option>
            </select>
          </label>
        </Show>
      </div>
      <ul class="io-notes" data-testid="import-reading-notes">
        <Show when={props.choice.encoding === 'auto' && props.guessedEncoding === 'windows-1252'}>
          <li class="warn">{t('data.import.encoding.notUtf8')}</li>
        </Show>
        <Show when={props.bom}>
          <li class="muted">{t('data.import.encoding.bom')}</li>
        </Show>
        <Show when={props.choice.numbers === 'auto' && props.detectedNumbers === 'conflict'}>
          <li class="warn">{t('data.import.numbers.conflict')}</li>
        </Show>
        <Show
          when={props.choice.numbers === 'auto' && props.detectedNumbers === null && props.ambiguousNumbers}
        >
          <li>{t('data.import.numbers.noneNote')}</li>
        </Show>
        <Show when={props.dates}>
          {(d) => (
            <>
              <Show when={props.choice.dates === 'auto' && d().detected === 'conflict'}>
                <li class="warn">{t('data.import.dates.conflict')}</li>
              </Show>
              <Show when={props.choice.dates === 'auto' && d().evidence}>
                {(e) => <li>{t('data.import.dates.evidence', { value: e().text, line: e().line })}</li>}
              </Show>
              <Show when={d().assumed && d().detected !== 'conflict' && d().ambiguous > 0}>
                <li class="warn">{t('data.import.dates.assumed')}</li>
              </Show>
              <Show when={d().example}>
                {(x) => (
                  <li data-testid="date-example">
                    {t('data.import.dates.example', {
                      value: x().text,
                      line: x().line,
                      date: dateText(x().date),
                    })}
                  </li>
                )}
              </Show>
            </>
          )}
        </Show>
      </ul>
    </section>
  );
}
