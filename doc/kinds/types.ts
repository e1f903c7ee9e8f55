/**
 * The shape of a document kind's spec: everything Haard knows about one kind of document, in one place
 * (tldraw's `StoreSchema` is the model: a record type bundles its validator and its migrations).
 *
 * From a `KindSpec` the rest of the document layer is derived: the Yjs layout (layout.ts), the schema checks
 * with quarantine (check.ts), the migration table (migrate.ts), seeding (seed.ts), the collection specs and
 * new-record defaults the intents use (intents/common.ts `collectionSpec`). Adding a field to a record is an
 * edit of its zod schema in core/model and, when new records need a value, of its collection's `defaults`.
 */
import type * as z from 'zod/mini';
import type { DocKind } from '../../protocol/index.ts';
import type { LocalText } from '../result.ts';
import type { FieldsLayout, NestedSpec } from '../layout.ts';
import type { MigrationTable } from '../migrate.ts';

export interface CollectionDef {
  /** JSON key (for plan benefits: `strategy.benefits`). */
  path: string;
  /** Root Y.Map name. */
  root: string;
  /** How non-plain fields of a record are stored (see layout.ts `NestedKind`). */
  nested: NestedSpec;
  /** The record schema (core/model). */
  item: z.ZodMiniType;
  /** For messages: "Relation", "Goal". */
  label: string;
  /** A nested collection inside each record, checked item by item (contact-log signals). */
  sub?: { field: string; item: z.ZodMiniType };
  /** Key each record must be stored under (default: its `id`). */
  keyOf?: (record: Record<string, unknown>) => unknown;
  /** The value of every field a caller may leave out of a new record (intents and imports use it). */
  defaults?: () => Record<string, unknown>;
  /** Records carry a fractional `order`; a new one goes last (intents/common.ts `nextOrder`). */
  ordered?: boolean;
}

export interface KindSpec<K extends DocKind = DocKind> {
  kind: K;
  /** What a person calls it, for messages ("this account plan …"). */
  name: LocalText;
  /** The whole document's schema (core/model). */
  schema: z.ZodMiniType;
  /** The schema version this client knows (core/model/common.ts SCHEMA_VERSION). */
  version: number;
  /** Keys of `meta` that are part of the JSON (besides unknown ones). */
  metaKeys: readonly string[];
  /** Root maps of editable scalars; '' means top level, otherwise the JSON key of a nested object. */
  fields: readonly FieldsLayout[];
  collections: readonly CollectionDef[];
  /** Co-edited texts: JSON path = root Y.Text name. */
  texts: readonly string[];
  /** Root maps of nested maps not covered above (workspace scores). */
  extra: readonly string[];
  /** The score sheet's path, for the workspace. */
  scores?: string;
  /** Fallbacks for document-level fields, by path; a failing field without one makes the valid view null. */
  fallbacks: Record<string, (json: Record<string, unknown>) => unknown>;
  /** Named, numbered migrations (migrate.ts explains how to write one). */
  migrations: MigrationTable;
}

export const emptyText = (): string => '';
