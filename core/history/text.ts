/**
 * What changed in a free text (a plan's situation, strategy, …): the words inserted and deleted, with a little
 * unchanged context around each change and the long unchanged stretches between changes left out.
 *
 * The word diff is jsdiff's `diffWordsWithSpace` (the `diff` package: the most used and best maintained text
 * diff for JavaScript, pure, typed, no dependencies): a minimal diff (Myers) on word tokens, so a change reads
 * as whole words struck and added — what a person expects in prose — instead of the letter soup of a
 * character diff.
 */
import { diffWordsWithSpace } from 'diff';

export interface TextPart {
  /** `same`: unchanged context; `ins`: inserted; `del`: deleted; `gap`: unchanged text left out (its length). */
  op: 'same' | 'ins' | 'del' | 'gap';
  text: string;
}

/** How many characters of unchanged text are kept on each side of a change. */
export const TEXT_CONTEXT = 40;

/**
 * The parts that turn `before` into `after`, in reading order; `[]` when they are equal. Unchanged runs longer
 * than twice `context` keep `context` characters on each side of the change and become a `gap` in between
 * (its `text` is the part left out, so a UI can offer to show it).
 */
export function diffText(before: string, after: string, context: number = TEXT_CONTEXT): TextPart[] {
  if (before === after) return [];
  const raw = diffWordsWithSpace(before, after);
  const parts: TextPart[] = [];
  raw.forEach((c, i) => {
    const op: TextPart['op'] = c.added ? 'ins' : c.removed ? 'del' : 'same';
    if (op !== 'same') {
      parts.push({ op, text: c.value });
      return;
    }
    const first = i === 0;
    const last = i === raw.length - 1;
    const keepHead = first ? 0 : context; // context after the previous change
    const keepTail = last ? 0 : context; // context before the next change
    const text = c.value;
    if (text.length <= keepHead + keepTail + 1) {
      parts.push({ op: 'same', text });
      return;
    }
    if (keepHead) parts.push({ op: 'same', text: text.slice(0, keepHead) });
    parts.push({ op: 'gap', text: text.slice(keepHead, text.length - keepTail) });
    if (keepTail) parts.push({ op: 'same', text: text.slice(text.length - keepTail) });
  });
  return parts;
}

/** Characters inserted and deleted by `parts` (for a one-line summary: "+12 −3"). */
export function textChangeSize(parts: readonly TextPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.op === 'ins') inserted += p.text.length;
    else if (p.op === 'del') deleted += p.text.length;
  }
  return { inserted, deleted };
}
