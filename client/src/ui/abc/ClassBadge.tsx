import { Show } from 'solid-js';
import type { AbcClass } from '../../../../core/model/index.ts';
import { t } from '../../i18n/index.ts';

/** A class as a coloured letter; `null` shows a dash. */
export function ClassBadge(props: { cls: AbcClass | null; label?: string }) {
  return (
    <Show when={props.cls} fallback={<span class="class-badge none">–</span>}>
      {(cls) => (
        <span class="class-badge" data-class={cls()} title={props.label}>
          {t(`abc.class.${cls()}`)}
        </span>
      )}
    </Show>
  );
}
