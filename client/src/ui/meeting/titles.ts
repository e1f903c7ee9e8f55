/**
 * A new board's default title ("Relationship meeting 30 Nov 2026", catalog `mt.defaultTitle`) made unique among
 * the workspace's boards, and kept in step with the board's date while nobody has given it a title of their own.
 * Pure: the default titles come in as strings (the caller formats them in the UI language).
 */

/** `base`, or `base (2)`, `base (3)`… — the first that no title in `taken` has (case-insensitive, trimmed). */
export function uniqueTitle(base: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.trim().toLowerCase()));
  if (!used.has(base.trim().toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base} (${n})`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * The title a board gets when its date changes: when `title` is still a default for the old date (`oldDefault`,
 * or one of them — the default in each language, as whoever made the board wrote it — or that with ` (n)` as
 * uniqueTitle made it), the default for the new date made unique among `taken` (the other boards' titles); null
 * when the title is someone's own and stays as it is.
 */
export function titleForNewDate(
  title: string,
  oldDefault: string | readonly string[],
  newDefault: string,
  taken: Iterable<string>,
): string | null {
  const t = title.trim();
  const isDefault = (typeof oldDefault === 'string' ? [oldDefault] : oldDefault).some(
    (d) => t === d || (t.startsWith(`${d} (`) && /^ \(\d+\)$/.test(t.slice(d.length))),
  );
  return isDefault ? uniqueTitle(newDefault, taken) : null;
}
