import { describe, expect, it } from 'vitest';
import { formatArgs } from '../../src/lib/runner/console-format';
import { ConsoleLog } from '../../src/lib/runner/console-log';

describe('console formatting, as Node prints it', () => {
  const circular: Record<string, unknown> = { name: 'loop' };
  circular.self = circular;
  it.each([
    [['hello', 'world'], 'hello world'],
    [['port %d on %s', 7, 'web'], 'port 7 on web'],
    [['%i%%', 42.9], '42%'],
    [['%j', { a: 1 }], '{"a":1}'],
    [['%s', { a: 1 }], '{ a: 1 }'],
    [['left over %s'], 'left over %s'],
    [[{ port: 7, host: 'web', tags: ['a', 'b'] }], "{ port: 7, host: 'web', tags: [ 'a', 'b' ] }"],
    [['x', 1, true, null, undefined], 'x 1 true null undefined'],
    [[[1, [2, [3, [4]]]]], '[ 1, [ 2, [ 3, [Array] ] ] ]'],
    [[circular], "{ name: 'loop', self: [Circular *1] }"],
    [[new Map([['a', 1]])], "Map(1) { 'a' => 1 }"],
    [[new Set([1])], 'Set(1) { 1 }'],
    [[new Uint8Array([104, 105])], '<Uint8Array 68 69>'],
    [[() => 1], '[Function: (anonymous)]'],
    [[10n], '10n'],
  ])('formats case %# as %s', (args, expected) => {
    expect(formatArgs(args)).toBe(expected);
  });

  it('prints an error with its stack', () => {
    const error = new Error('boom');
    expect(formatArgs([error])).toBe(error.stack);
  });
});

describe('the console cap', () => {
  it('keeps lines up to the line limit and counts the rest', () => {
    const log = new ConsoleLog({ lines: 3, bytes: 1000 });
    for (let i = 0; i < 5; i++) log.add({ stream: 'log', text: `line ${i}`, at: 0, file: 'a.ts' });
    expect(log.lines.map((l) => l.text)).toEqual(['line 0', 'line 1', 'line 2']);
    expect(log.dropped).toBe(2);
  });

  it('stops at the byte limit and keeps nothing after the first dropped line', () => {
    const log = new ConsoleLog({ lines: 100, bytes: 10 });
    for (const text of ['12345', '1234567', 'a']) log.add({ stream: 'log', text, at: 0, file: 'a.ts' });
    expect(log.lines.map((l) => l.text)).toEqual(['12345']);
    expect(log.dropped).toBe(2);
  });
});
