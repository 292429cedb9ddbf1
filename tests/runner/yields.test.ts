/**
 * Between two network events a run hands the host a turn, so that the promise continuations a program queued
 * run first, as Node drains its microtasks after every callback. Only a program's code queues them: a step
 * that ran none (a segment on its way, an ACK the kernel handles alone) is followed by the next at once.
 */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim/index';
import { lines, program, run } from './helpers';

const client = program(
  'client.ts',
  lines(
    "import net from 'node:net';",
    "const socket = net.connect(7, 'web', () => socket.write('ping'));",
    "socket.on('data', (d) => { console.log('client got', d.toString()); socket.end(); });",
  ),
  'laptop',
  'driver',
);

describe('the turns a run gives the host', () => {
  it("lets a program's promise chain, however deep, finish before the next event (its own timer included)", async () => {
    const server = program(
      'server.ts',
      lines(
        "import net from 'node:net';",
        'net.createServer((socket) => {',
        "  socket.on('data', (chunk) => {",
        "    setTimeout(() => console.log('timer'), 0);",
        '    (async () => {',
        '      for (let i = 0; i < 500; i++) await null;',
        "      console.log('chain done');",
        '      socket.write(chunk);',
        '    })();',
        '  });',
        '}).listen(7);',
      ),
    );
    const { record } = await run([server, client]);
    expect(record.outcome).toBe('finished');
    const printed = record.console.map((line) => line.text);
    expect(printed.indexOf('chain done')).toBeGreaterThanOrEqual(0);
    expect(printed.indexOf('chain done'), printed.join(' | ')).toBeLessThan(printed.indexOf('timer'));
    expect(printed).toContain('client got ping');
  });

  it('gives no turn after a step that ran no program code: fewer turns than network events', async () => {
    const server = program('server.ts', lines("import net from 'node:net';", "net.createServer((s) => s.on('data', (d) => s.write(d))).listen(7);"));
    let turns = 0;
    const { record } = await run([server, client], {}, {
      createNetwork: (topology) => createNetwork(topology, { yieldToHost: () => (turns++, new Promise<void>((resolve) => setImmediate(resolve))) }),
    });
    expect(record.outcome).toBe('finished');
    expect(record.console.map((line) => line.text)).toEqual(['client got ping']);
    expect(turns).toBeGreaterThan(0);
    expect(turns).toBeLessThan(record.trace.length);
  });
});
