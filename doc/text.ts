/**
 * Replace the content of a Y.Text with `value` by a minimal edit: keep the common prefix and suffix, delete
 * and insert only the middle. Someone typing elsewhere in the same text at the same time keeps their edit
 * (delete-all + insert would duplicate or drop it). Never splits a UTF-16 surrogate pair.
 */
import type * as Y from 'yjs';
import { wellFormed } from './json.ts';

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

export interface TextDiff {
  index: number;
  remove: number;
  insert: string;
}

/** The single replace-range that turns `from` into `to`; null when they are equal. */
export function textDiff(from: string, to: string): TextDiff | null {
  if (from === to) return null;
  const max = Math.min(from.length, to.length);
  let start = 0;
  while (start < max && from.charCodeAt(start) === to.charCodeAt(start)) start++;
  // Do not end the prefix between the two halves of a surrogate pair.
  if (start > 0 && isHighSurrogate(from.charCodeAt(start - 1))) start--;
  let end = 0;
  while (end < max - start && from.charCodeAt(from.length - 1 - end) === to.charCodeAt(to.length - 1 - end)) {
    end++;
  }
  if (end > 0 && isLowSurrogate(from.charCodeAt(from.length - end))) end--;
  return {
    index: start,
    remove: from.length - start - end,
    insert: to.slice(start, to.length - end),
  };
}

/** Apply the minimal diff to `text`; returns whether anything changed. Call inside a transaction. */
export function setTextContent(text: Y.Text, value: string): boolean {
  const diff = textDiff(text.toString(), wellFormed(value));
  if (!diff) return false;
  if (diff.remove > 0) text.delete(diff.index, diff.remove);
  if (diff.insert) text.insert(diff.index, diff.insert);
  return true;
}
