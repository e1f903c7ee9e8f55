/**
 * The scoring grid's keyboard model, as a pure function: (key, position, grid size) → what to do.
 * The component only carries the result out (move the cursor, write a score, scroll). No DOM, no Solid.
 *
 * Keys: arrows move one cell; Home/End go to the first/last criterion of the row (with Ctrl/Meta: the
 * first/last cell of the grid); PageUp/PageDown move a page of rows; 1–4 score the cell and then advance
 * (`right`: to the next criterion, wrapping to the next relation's first criterion — score a relation in
 * one go; `down`: to the same criterion of the next relation; `stay`); Backspace/Delete clear the cell.
 */

export interface GridPos {
  row: number;
  col: number;
}

export interface GridSize {
  rows: number;
  cols: number;
  /** Rows per page (PageUp/PageDown), at least 1. */
  page: number;
}

export type Advance = 'right' | 'down' | 'stay';
export const ADVANCES: readonly Advance[] = ['right', 'down', 'stay'];

export type GridAction =
  | { type: 'move'; to: GridPos }
  | { type: 'score'; at: GridPos; score: 1 | 2 | 3 | 4; then: GridPos }
  | { type: 'clear'; at: GridPos }
  /** A key that would edit, in a read-only grid. */
  | { type: 'readOnly' }
  /** Not a grid key: let the browser handle it (Tab leaves the grid). */
  | { type: 'ignore' };

export interface GridKey {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

/** Keep a position inside the grid (rows/columns can disappear while someone else edits). */
export function clampPos(pos: GridPos, size: Pick<GridSize, 'rows' | 'cols'>): GridPos {
  return {
    row: clamp(pos.row, 0, Math.max(0, size.rows - 1)),
    col: clamp(pos.col, 0, Math.max(0, size.cols - 1)),
  };
}

/** Where the cursor goes after a score. */
export function advanceFrom(pos: GridPos, size: Pick<GridSize, 'rows' | 'cols'>, advance: Advance): GridPos {
  if (advance === 'down') return { row: Math.min(size.rows - 1, pos.row + 1), col: pos.col };
  if (advance === 'right') {
    if (pos.col < size.cols - 1) return { row: pos.row, col: pos.col + 1 };
    if (pos.row < size.rows - 1) return { row: pos.row + 1, col: 0 };
  }
  return pos;
}

export function gridKey(
  ev: GridKey,
  at: GridPos,
  size: GridSize,
  opts: { advance: Advance; readOnly: boolean },
): GridAction {
  if (size.rows === 0 || size.cols === 0 || ev.altKey) return { type: 'ignore' };
  const pos = clampPos(at, size);
  const mod = ev.ctrlKey || ev.metaKey;
  const move = (row: number, col: number): GridAction => ({
    type: 'move',
    to: clampPos({ row, col }, size),
  });
  const page = Math.max(1, size.page);
  switch (ev.key) {
    case 'ArrowUp':
      return move(pos.row - 1, pos.col);
    case 'ArrowDown':
      return move(pos.row + 1, pos.col);
    case 'ArrowLeft':
      return move(pos.row, pos.col - 1);
    case 'ArrowRight':
      return move(pos.row, pos.col + 1);
    case 'Home':
      return mod ? move(0, 0) : move(pos.row, 0);
    case 'End':
      return mod ? move(size.rows - 1, size.cols - 1) : move(pos.row, size.cols - 1);
    case 'PageUp':
      return move(pos.row - page, pos.col);
    case 'PageDown':
      return move(pos.row + page, pos.col);
    case 'Backspace':
    case 'Delete':
      if (mod) return { type: 'ignore' };
      return opts.readOnly ? { type: 'readOnly' } : { type: 'clear', at: pos };
    case '1':
    case '2':
    case '3':
    case '4':
      if (mod) return { type: 'ignore' };
      if (opts.readOnly) return { type: 'readOnly' };
      return {
        type: 'score',
        at: pos,
        score: Number(ev.key) as 1 | 2 | 3 | 4,
        then: advanceFrom(pos, size, opts.advance),
      };
    default:
      return { type: 'ignore' };
  }
}
