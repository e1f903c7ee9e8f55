/**
 * What a screen about one document (a plan, a tournament) shows and does around the document itself:
 * - `useDocScreen`: while it is open, the top bar's Undo / Redo act on this document, and <body> carries a
 *   class for the screen's wider layout;
 * - `DocPending`: until the document is readable, "opening …" — and, once the local copy has loaded and the
 *   relay has answered without it, that it does not exist (or cannot be read, with the reason) and a way back.
 *   A document that is only not here yet is never called missing.
 */
import { A } from '@solidjs/router';
import { onCleanup, onMount, Show, type JSX } from 'solid-js';
import type { DocKind } from '../../../protocol/index.ts';
import { useWorkspace } from '../app/context.tsx';
import type { DocHandle } from '../app/docs.ts';
import { locale } from '../i18n/index.ts';

export function useDocScreen(handle: DocHandle<DocKind>, bodyClass: string): void {
  const ws = useWorkspace();
  onMount(() => {
    ws.setActiveUndo(handle.store.undo);
    document.body.classList.add(bodyClass);
  });
  onCleanup(() => {
    ws.setActiveUndo(null);
    document.body.classList.remove(bodyClass);
  });
}

export function DocPending(props: {
  handle: DocHandle<DocKind>;
  class: string;
  loading: JSX.Element;
  notFound: string;
  unreadable: string;
  backHref: string;
  backLabel: string;
}) {
  const status = () => props.handle.store.state.status;
  const settled = () =>
    status() !== 'loading' && !(status() === 'uninitialised' && props.handle.connection().phase !== 'synced');
  return (
    <section class={`panel ${props.class}`} aria-live="polite">
      <Show when={settled()} fallback={<p class="muted loading">{props.loading}</p>}>
        <h1>{status() === 'uninitialised' ? props.notFound : props.unreadable}</h1>
        <p class="muted">{props.handle.store.state.reason?.[locale()] ?? ''}</p>
        <A href={props.backHref} class="button primary">
          {props.backLabel}
        </A>
      </Show>
    </section>
  );
}
