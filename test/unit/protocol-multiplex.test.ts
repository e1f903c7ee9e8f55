/** The multiplex frame codec (protocol/multiplex.ts): what goes in comes out; what is broken says so. */
import { describe, expect, it } from 'vitest';
import * as decoding from 'lib0/decoding';
import {
  decodeMuxFrame,
  encodeHello,
  encodeJoin,
  encodeLeave,
  encodeMuxFrame,
  encodeRefuse,
  encodeWelcome,
  MULTIPLEX_VERSION,
  MuxType,
  readHello,
  readRefuse,
  truncateUtf8,
} from '../../protocol/multiplex.ts';

const decode = (frame: Uint8Array) => {
  const result = decodeMuxFrame(frame);
  if (!result.ok) throw new Error(result.reason);
  return result.frame;
};

describe('multiplex frames', () => {
  it('a y-websocket message keeps its bytes behind the room', () => {
    const message = new Uint8Array([MuxType.Sync, 2, 3, 9, 8, 7]);
    const frame = decode(encodeMuxFrame('acme/plan/p1', message));
    expect(frame.room).toBe('acme/plan/p1');
    expect(frame.type).toBe(MuxType.Sync);
    expect([...frame.message]).toEqual([...message]);
    expect(decoding.readVarUint(frame.body)).toBe(2); // the body starts after the type
  });

  it.each([
    ['Hello', encodeHello('v1.abc.def'), '', MuxType.Hello],
    ['Join', encodeJoin('acme/plan/ü'), 'acme/plan/ü', MuxType.Join],
    ['Leave', encodeLeave('acme/plan/x'), 'acme/plan/x', MuxType.Leave],
    ['Refuse', encodeRefuse('acme/plan/x', 4403, 'other workspace'), 'acme/plan/x', MuxType.Refuse],
    ['Welcome', encodeWelcome(), '', MuxType.Welcome],
  ])('%s names its room and type', (_name, bytes, room, type) => {
    const frame = decode(bytes);
    expect(frame.room).toBe(room);
    expect(frame.type).toBe(type);
  });

  it('Hello carries the version and the token; Refuse the code and the reason', () => {
    expect(readHello(decode(encodeHello('v1.abc.def')).body)).toEqual({
      version: MULTIPLEX_VERSION,
      token: 'v1.abc.def',
    });
    expect(readRefuse(decode(encodeRefuse('r', 4500, 'not loadable')).body)).toEqual({
      code: 4500,
      reason: 'not loadable',
    });
  });

  it.each([
    ['empty', []],
    ['a room length past the end', [10, 97]],
    ['a room without a type', [1, 97]],
  ])('a frame that is %s is refused as a value', (_name, bytes) => {
    const result = decodeMuxFrame(new Uint8Array(bytes));
    expect(result.ok).toBe(false);
  });

  it('a Refuse reason is cut to 123 bytes without splitting a character', () => {
    const reason = 'é'.repeat(100); // 200 bytes
    const { reason: sent } = readRefuse(decode(encodeRefuse('r', 1007, reason)).body);
    expect(new TextEncoder().encode(sent).length).toBeLessThanOrEqual(123);
    expect(sent).toBe('é'.repeat(61));
    expect(truncateUtf8('abc', 2)).toBe('ab');
    expect(truncateUtf8('abc', 5)).toBe('abc');
  });
});
