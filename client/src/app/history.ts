/**
 * The history of an open plan or workspace for screens (issue 9): its versions (reactive), saving one, what
 * changed between two states with who and when, a version's content, and restoring one. The one place the
 * history UI reaches the Y.Doc (doc/history does the work); screens never touch Y types.
 */
import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Change } from '../../../core/history/index.ts';
import { fail, issue, type Result } from '../../../doc/index.ts';
import {
  changesBetween,
  personNames,
  readVersions,
  saveMeetingVersion,
  saveVersion,
  versionSince,
  versionJson,
  type DocVersion,
} from '../../../doc/history/index.ts';
import { serverNow } from './clock.ts';
import type { DocHandle } from './docs.ts';
import type { Me } from './identity.ts';

export interface HistorySession {
  /** Every version, oldest first; updates when a version is saved here or arrives from a colleague. */
  versions: Accessor<DocVersion[]>;
  /** Person id → display name (the document's person entries, version authors, people here now). */
  nameOf(personId: string): string | null;
  /** Save a named version of the document now. */
  save(name: string): Result<DocVersion>;
  /** The version "since `day`" (YYYY-MM-DD, local) counts from, and how it relates to the day (versionSince). */
  versionForDay(day: string): ReturnType<typeof versionSince>;
  /** What changed from `from` to `to` (null: now), attributed. */
  changes(from: DocVersion, to: DocVersion | null): Result<Change[]>;
  /** The document's JSON as it was at `version` (read-only). */
  content(version: DocVersion): Result<Record<string, unknown>>;
}

/** What history needs of an open plan or workspace (a DocHandle, or the workspace session). */
export type HistoryHandle =
  | Pick<DocHandle<'plan'>, 'kind' | 'binding' | 'store' | 'ready' | 'presence'>
  | Pick<DocHandle<'workspace'>, 'kind' | 'binding' | 'store' | 'ready' | 'presence'>;

/** History of `handle`'s document, for a component's lifetime. `me` makes the versions this user saves. */
export function useHistory(handle: HistoryHandle, me: () => Me): HistorySession {
  const doc = handle.binding.doc;
  const versionsMap = doc.getMap('versions');
  const [versions, setVersions] = createSignal<DocVersion[]>(readVersions(doc));
  const [names, setNames] = createSignal(personNames(doc));
  const refresh = () => {
    setVersions(readVersions(doc));
    setNames(personNames(doc));
  };
  versionsMap.observe(refresh);
  const users = doc.getMap('users');
  users.observe(refresh);
  onCleanup(() => {
    versionsMap.unobserve(refresh);
    users.unobserve(refresh);
  });
  // The store's `ready` may land after this runs: read once more then.
  void handle.ready.then(refresh);

  return {
    versions,
    nameOf(personId) {
      const stored = names().get(personId);
      if (stored) return stored;
      const author = versions().find((v) => v.by === personId && v.byName)?.byName;
      if (author) return author;
      const here = handle.presence().find((p) => p.user.id === personId)?.user.name;
      if (here) return here;
      return personId === me().id ? me().name || null : null;
    },
    save: (name) =>
      saveVersion(doc, { name, at: new Date().toISOString(), by: me().id, byName: me().name || null }),
    // The day starts at local midnight; versions store UTC times.
    versionForDay: (day) => versionSince(versions(), new Date(`${day}T00:00:00`).toISOString()),
    changes: (from, to) => changesBetween(handle.kind, doc, from, to),
    content: (version) => versionJson(handle.kind, doc, version),
  };
}

/**
 * For the meeting board: make the version of a plan when its presentation starts — key
 * `meeting:<boardId>:<agendaItemId>`, made once (presenting the item again keeps the first). Call it once the
 * plan's handle is `ready`. Refused for a read-only handle (a viewer, or a plan not loaded). `name` is what the
 * version list shows after "Meeting: ", e.g. the board's date.
 */
export function saveMeetingVersionOf(
  handle: DocHandle<'plan'>,
  input: { boardId: string; agendaItemId: string; name: string },
  me: Me,
): Result<DocVersion> {
  if (handle.readOnly())
    return fail([
      issue(
        '',
        'read_only',
        'the plan is read-only here; no version was made',
        'het plan is hier alleen-lezen; er is geen versie gemaakt',
      ),
    ]);
  return saveMeetingVersion(handle.binding.doc, {
    ...input,
    at: new Date(serverNow()).toISOString(),
    by: me.id,
    byName: me.name || null,
  });
}
