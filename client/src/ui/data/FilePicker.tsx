/** A file input that also takes a dropped file. The input is the real control (keyboard, screen readers). */
import { createSignal, createUniqueId } from 'solid-js';
import { t } from '../../i18n/index.ts';

export function FilePicker(props: {
  accept: string;
  hint: string;
  disabled?: boolean;
  testId?: string;
  onFile: (file: File) => void;
}) {
  const id = createUniqueId();
  const [over, setOver] = createSignal(false);
  const take = (files: FileList | null | undefined) => {
    const file = files?.[0];
    if (file && !props.disabled) props.onFile(file);
  };
  return (
    <div
      class="io-drop"
      classList={{ over: over(), disabled: !!props.disabled }}
      onDragOver={(e) => {
        e.preventDefault();
        if (!props.disabled) setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        take(e.dataTransfer?.files);
      }}
    >
      <input
        id={id}
        type="file"
        class="io-file-input"
        accept={props.accept}
        disabled={props.disabled}
        data-testid={props.testId}
        aria-describedby={`${id}-hint`}
        onChange={(e) => {
          take(e.currentTarget.files);
          e.currentTarget.value = ''; // choosing the same file again still fires
        }}
      />
      <label for={id} class="io-file-button">
        {t('data.file.choose')}
      </label>
      <span class="muted">{t('data.file.drop')}</span>
      <p id={`${id}-hint`} class="io-hint">
        {props.hint}
      </p>
    </div>
  );
}
