/** The scoring grid's keyboard model (client/src/ui/abc/gridModel.ts), one line per case. */
import { describe, expect, it } from 'vitest';
import {
  advanceFrom,
  clampPos,
  gridKey,
  type Advance,
  type GridAction,
} from '../../client/src/ui/abc/gridModel.ts';

const size = { rows: 5, cols: 4, page: 2 };
const key = (
  k: string,
  row: number,
  col: number,
  o: { advance?: Advance; readOnly?: boolean; ctrl?: boolean } = {},
) =>
  gridKey({ key: k, ctrlKey: o.ctrl }, { row, col }, size, {
    advance: o.advance ?? 'right',
    readOnly: o.readOnly ?? false,
  });
const move = (row: number, col: number): GridAction => ({ type: 'move', to: { row, col } });

describe('gridKey: navigation', () => {
  it.each([
    ['ArrowDown', 0, 0, move(1, 0)],
    ['ArrowDown', 4, 2, move(4, 2)], // stays on the last row
    ['ArrowUp', 0, 1, move(0, 1)], // stays on the first row
    ['ArrowRight', 1, 3, move(1, 3)], // stays on the last column (no wrap when moving)
    ['ArrowLeft', 1, 2, move(1, 1)],
    ['Home', 3, 2, move(3, 0)],
    ['End', 3, 1, move(3, 3)],
    ['PageDown', 1, 1, move(3, 1)],
    ['PageDown', 4, 1, move(4, 1)],
    ['PageUp', 1, 1, move(0, 1)],
  ] as const)('%s from (%i, %i)', (k, row, col, expected) => {
    expect(key(k, row, col)).toEqual(expected);
  });

  it('Ctrl+Home and Ctrl+End go to the first and last cell', () => {
    expect(key('Home', 3, 2, { ctrl: true })).toEqual(move(0, 0));
    expect(key('End', 1, 1, { ctrl: true })).toEqual(move(4, 3));
  });

  it('Tab, letters and Alt combinations are left to the browser', () => {
    expect(key('Tab', 0, 0).type).toBe('ignore');
    expect(key('a', 0, 0).type).toBe('ignore');
    expect(
      gridKey({ key: '1', altKey: true }, { row: 0, col: 0 }, size, { advance: 'right', readOnly: false })
        .type,
    ).toBe('ignore');
  });

  it('an empty grid ignores every key', () => {
    expect(
      gridKey(
        { key: 'ArrowDown' },
        { row: 0, col: 0 },
        { rows: 0, cols: 4, page: 3 },
        { advance: 'right', readOnly: false },
      ).type,
    ).toBe('ignore');
  });

  it('a position outside the grid (rows removed by a peer) is clamped first', () => {
    expect(key('ArrowLeft', 9, 9)).toEqual(move(4, 2));
  });
});

describe('gridKey: scoring', () => {
  it.each([
    ['right', 0, 0, { row: 0, col: 1 }],
    ['right', 0, 3, { row: 1, col: 0 }], // wraps to the next relation's first criterion
    ['right', 4, 3, { row: 4, col: 3 }], // the very last cell stays
    ['down', 2, 1, { row: 3, col: 1 }],
    ['down', 4, 1, { row: 4, col: 1 }],
    ['stay', 2, 2, { row: 2, col: 2 }],
  ] as const)('advance %s from (%i, %i)', (advance, row, col, then) => {
    expect(key('3', row, col, { advance })).toEqual({ type: 'score', at: { row, col }, score: 3, then });
  });

  it.each(['1', '2', '3', '4'])('%s scores', (k) => {
    expect(key(k, 0, 0)).toMatchObject({ type: 'score', score: Number(k) });
  });

  it.each(['0', '5', '9'])('%s is not a score', (k) => {
    expect(key(k, 0, 0).type).toBe('ignore');
  });

  it('Backspace and Delete clear in place', () => {
    expect(key('Backspace', 2, 1)).toEqual({ type: 'clear', at: { row: 2, col: 1 } });
    expect(key('Delete', 2, 1)).toEqual({ type: 'clear', at: { row: 2, col: 1 } });
  });

  it('Ctrl+digit is a browser shortcut, not a score', () => {
    expect(key('1', 0, 0, { ctrl: true }).type).toBe('ignore');
  });

  it('read-only: editing keys are refused, moving still works', () => {
    expect(key('2', 0, 0, { readOnly: true })).toEqual({ type: 'readOnly' });
    expect(key('Delete', 0, 0, { readOnly: true })).toEqual({ type: 'readOnly' });
    expect(key('ArrowDown', 0, 0, { readOnly: true })).toEqual(move(1, 0));
  });
});

describe('helpers', () => {
  it('clampPos keeps positions inside, and at 0 for an empty grid', () => {
    expect(clampPos({ row: -1, col: 7 }, { rows: 3, cols: 2 })).toEqual({ row: 0, col: 1 });
    expect(clampPos({ row: 2, col: 2 }, { rows: 0, cols: 0 })).toEqual({ row: 0, col: 0 });
  });
  it('scoring a whole grid with advance "right" visits every cell once, in reading order', () => {
    const seen: string[] = [];
    let pos = { row: 0, col: 0 };
    for (let i = 0; i < size.rows * size.cols; i++) {
      seen.push(`${pos.row},${pos.col}`);
      pos = advanceFrom(pos, size, 'right');
    }
    expect(new Set(seen).size).toBe(20);
    expect(seen.at(-1)).toBe('4,3');
  });
});
