/**
 * Versions of a document (issue 9, history design §2): named points in its past that anyone can open or
 * restore. They live in the document itself, in the root Y.Map `versions` (key = version id, value = a plain
 * `DocVersion`), so they sync, work offline and survive a restart, kill -9 and compaction like any content.
 *
 * The same root map also holds the schema-migration marks of layout.ts (`"2" → "migrationName"`, string
 * values): `readVersions` reads only values that are version records, and `effectiveVersion` only string
 * values, so the two never mix. A version id is never an integer string (`named:…`, `daily:…`, `meeting:…`).
 *
 * A version is a Yjs snapshot (state vector + delete set). Opening one needs a document that never garbage
 * collects (`new Y.Doc({ gc: false })`, history design §1) — `openVersion` refuses a gc document.
 * Writes here are bookkeeping: origin `HISTORY_ORIGIN` (like `UPKEEP_ORIGIN`, never in anybody's undo; its
 * own object so the sync status does not count a version as a person's unsent change).
 */
import * as Y from 'yjs';
import * as z from 'zod/mini';
import { fromBase64, toBase64 } from 'lib0/buffer';
import { VERSIONS, type DocKind } from '../layout.ts';
import type { RawDoc } from '../read.ts';
import { HISTORY_ORIGIN } from './origin.ts';
import { readDocumentAt } from './readAt.ts';
import { newId } from '../ids.ts';
import { fail, issue, ok, type Result } from '../result.ts';

export { HISTORY_ORIGIN };

export const VERSION_AUTO = ['daily', 'meeting'] as const;

/** One version, exactly as stored in the `versions` map. */
export const DocVersion = z.object({
  id: z.string().check(z.minLength(1)),
  /** What a person calls it ("Before the QBR"); automatic versions get a descriptive name. */
  name: z.string().check(z.maxLength(200)),
  /** When it was made (ISO date-time). */
  at: z.string().check(z.minLength(10)),
  /** The person (Me.id) who made it; null for unknown. */
  by: z.nullable(z.string()),
  byName: z.nullable(z.string()),
  /** null: saved by a person; `daily`: the first edit of a day; `meeting`: a meeting started presenting it. */
  auto: z.nullable(z.enum(VERSION_AUTO)),
  /** base64 of `Y.encodeSnapshot`. */
  snapshot: z.string(),
});
export type DocVersion = z.infer<typeof DocVersion>;

/** Who makes a version and when: the caller's clock and identity (tests pass fixed values). */
export interface VersionAuthor {
  /** ISO date-time of now. */
  at: string;
  by: string | null;
  byName: string | null;
}

/** The deterministic key of the automatic version of `day` (YYYY-MM-DD): two clients making it converge. */
export const dailyVersionId = (day: string): string => `daily:${day}`;
/** The deterministic key of the version made when a meeting board starts presenting an agenda item. */
export const meetingVersionId = (boardId: string, agendaItemId: string): string =>
  `meeting:${boardId}:${agendaItemId}`;

/** The board of a meeting version's id (`meeting:<boardId>:<agendaItemId>`), or null for any other version. */
export const meetingBoardOf = (versionId: string): string | null =>
  versionId.startsWith('meeting:') ? versionId.split(':')[1] || null : null;

const versionsOf = (doc: Y.Doc) => doc.getMap<unknown>(VERSIONS);

/** Every valid version of `doc`, oldest first (ties by id). Schema-migration marks and bad entries are skipped. */
export function readVersions(doc: Y.Doc): DocVersion[] {
  const out: DocVersion[] = [];
  versionsOf(doc).forEach((value, key) => {
    const parsed = DocVersion.safeParse(value);
    if (parsed.success && parsed.data.id === key) out.push(parsed.data);
  });
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : 1));
}

/** The version stored under `id`, or null. */
export function getVersion(doc: Y.Doc, id: string): DocVersion | null {
  const parsed = DocVersion.safeParse(versionsOf(doc).get(id));
  return parsed.success && parsed.data.id === id ? parsed.data : null;
}

export interface SaveVersionInput extends VersionAuthor {
  name: string;
  /** Default: a new `named:<id>`. A deterministic id that exists already is kept as it is. */
  id?: string;
  auto?: DocVersion['auto'];
  /** The state to keep (default: the document now). */
  snapshot?: Y.Snapshot;
}

/**
 * Store a version of `doc` as it is now (or as `input.snapshot`). Errors: the document is not initialised
 * (nothing to keep), the name is empty or longer than 200 characters. When `input.id` is already a version
 * (the daily or a meeting version another client made first) that one is returned and nothing is written.
 */
export function saveVersion(doc: Y.Doc, input: SaveVersionInput): Result<DocVersion> {
  if (!doc.getMap('meta').has('id'))
    return fail([
      issue('', 'uninitialised', 'the document has not loaded yet', 'het document is nog niet geladen'),
    ]);
  const name = input.name.trim();
  if (!name || name.length > 200)
    return fail([
      issue(
        'name',
        'too_small',
        'a version needs a name of 1 to 200 characters',
        'een versie heeft een naam van 1 tot 200 tekens nodig',
      ),
    ]);
  const id = input.id ?? `named:${newId()}`;
  const existing = getVersion(doc, id);
  if (existing) return ok(existing);
  const version: DocVersion = {
    id,
    name,
    at: input.at,
    by: input.by,
    byName: input.byName,
    auto: input.auto ?? null,
    snapshot: toBase64(Y.encodeSnapshot(input.snapshot ?? Y.snapshot(doc))),
  };
  doc.transact(() => versionsOf(doc).set(id, version), HISTORY_ORIGIN);
  return ok(version);
}

/**
 * The version a meeting board makes when it starts presenting a plan (history design §2): key
 * `meeting:<boardId>:<agendaItemId>`, made once — presenting the same item again keeps the first one.
 * `name`: the board's title (no UI words: the reader's language adds "Meeting: " when showing it).
 */
export function saveMeetingVersion(
  doc: Y.Doc,
  input: VersionAuthor & { boardId: string; agendaItemId: string; name: string },
): Result<DocVersion> {
  return saveVersion(doc, {
    ...input,
    id: meetingVersionId(input.boardId, input.agendaItemId),
    auto: 'meeting',
  });
}

/** The snapshot of a version. Throws on a damaged snapshot (callers show "cannot be read"). */
export const versionSnapshot = (version: DocVersion): Y.Snapshot =>
  Y.decodeSnapshot(fromBase64(version.snapshot));

/**
 * A new, detached Y.Doc holding `doc` as it was at `version` (read it, never sync it). Errors: `doc` garbage
 * collects (its past is gone), or the snapshot is damaged.
 */
export function openVersion(doc: Y.Doc, version: DocVersion): Result<Y.Doc> {
  if (doc.gc)
    return fail([
      issue(
        '',
        'gc',
        'this copy of the document does not keep its past; versions cannot be opened',
        'deze kopie van het document bewaart zijn verleden niet; versies kunnen niet worden geopend',
      ),
    ]);
  try {
    return ok(Y.createDocFromSnapshot(doc, versionSnapshot(version), new Y.Doc({ gc: false })));
  } catch (error) {
    return fail([
      issue(
        '',
        'unreadable',
        `the version cannot be read (${error instanceof Error ? error.message : String(error)})`,
        `de versie kan niet worden gelezen (${error instanceof Error ? error.message : String(error)})`,
      ),
    ]);
  }
}

/**
 * The plain JSON of `doc` at `version` (unvalidated), read from the live document (readAt.ts — no copy of the
 * document is made). Errors: the document garbage collects, the snapshot is damaged, or the version holds no
 * document.
 */
export function versionJson(kind: DocKind, doc: Y.Doc, version: DocVersion): Result<RawDoc> {
  if (doc.gc) return openVersion(doc, version) as unknown as Result<RawDoc>; // its refusal
  let json: RawDoc | null;
  try {
    json = readDocumentAt(kind, doc, versionSnapshot(version));
  } catch (error) {
    return fail([
      issue(
        '',
        'unreadable',
        `the version cannot be read (${error instanceof Error ? error.message : String(error)})`,
        `de versie kan niet worden gelezen (${error instanceof Error ? error.message : String(error)})`,
      ),
    ]);
  }
  if (!json)
    return fail([
      issue('', 'uninitialised', 'the version holds no document', 'de versie bevat geen document'),
    ]);
  return ok(json);
}

/**
 * The version to count "since `iso`" from (history design §4). A version keeps the state at the moment it was
 * made, and the daily version is made just before the first edit of a day, so the first version made at or
 * after `iso` holds the state at `iso` exactly when every edit since went through a client that makes daily
 * versions (`relation: 'after'`). With no version at or after `iso`, nothing has been edited since: the newest
 * version before it is used (`'before'`). null when the document has no version.
 */
export function versionSince(
  versions: readonly DocVersion[],
  iso: string,
): { version: DocVersion; relation: 'after' | 'before' } | null {
  const sorted = [...versions].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const after = sorted.find((v) => v.at >= iso);
  if (after) return { version: after, relation: 'after' };
  const before = sorted.at(-1);
  return before ? { version: before, relation: 'before' } : null;
}
