/**
 * The checks about the two ends of a connection, on hand-built records: names-endpoints (a server tells each
 * client both ends of its own connection) and socket-pair (two programs print their sockets' ends, which
 * mirror each other, and bytes go both ways); each beginner's mistake said as such, and the detectors that
 * name it.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/lib/grader/checks';
import { gradeOne } from '../../src/lib/grader/grade';
import { endpointsIn } from '../../src/lib/grader/kinds/endpoints';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { build, laptop, web } from './records';

const names: Check = { id: 'n', title: 'a check', kind: 'names-endpoints', server: { host: 'web', port: 9000 }, atLeast: 2 };
const detectors: Check = { ...names, misconceptions: [{ kind: 'named-listening-address' }, { kind: 'swapped-end-points' }, { kind: 'kept-another-clients-socket' }] };

/** Two clients on laptop ask web:9000; `answer` says what each is told, from the server's end and the client's. */
function twoAsk(answer: (server: string, client: string, other: string) => string): RunRecord {
  const a = laptop(40001);
  const b = laptop(40002);
  return build()
    .connect(a, web(9000), { clientSent: 'who am I?\n', serverSent: answer('10.0.0.2:9000', '10.0.0.10:40001', '10.0.0.10:40002') })
    .connect(b, web(9000), { clientSent: 'who am I?\n', serverSent: answer('10.0.0.2:9000', '10.0.0.10:40002', '10.0.0.10:40001') })
    .done();
}

describe('names-endpoints', () => {
  it.each([
    ['both ends, local first', twoAsk((s, c) => `local ${s} remote ${c}\n`), true, 'Each of the 2 clients (on laptop) got the two ends of its own connection'],
    ['the listening address', twoAsk((_s, c) => `local 0.0.0.0:9000 remote ${c}\n`), false, "0.0.0.0 is the listening socket's address (server.address())"],
    ['swapped', twoAsk((s, c) => `local ${c} remote ${s}\n`), false, 'the two ends the other way round. Seen from the server, local is its own end, 10.0.0.2:9000'],
    ["another client's end", twoAsk((s, _c, other) => `local ${s} remote ${other}\n`), false, "another client's end-point: this connection's remote end is 10.0.0.10:40001"],
    ['the client only', twoAsk((_s, c) => `you are ${c}\n`), false, 'which names one end-point; it should name both'],
    ["the server's port for the client", twoAsk((s) => `local ${s} remote 10.0.0.10:9000\n`), false, "its port is 40001, the ephemeral port its operating system picked"],
    ['no line break', twoAsk((s, c) => `local ${s} remote ${c}`), false, 'with no line break after it'],
    ['words only', twoAsk(() => 'you are you\n'), false, 'which names no end-point (address:port)'],
  ])('%s', (_name, record, passed, says) => {
    const result = gradeOne(record, names);
    expect(result.message).toContain(says);
    expect(result.passed).toBe(passed);
  });

  it('names the misconception a detector recognises', () => {
    expect(gradeOne(twoAsk((_s, c) => `local 0.0.0.0:9000 remote ${c}\n`), detectors).misconception).toBe('named-listening-address');
    expect(gradeOne(twoAsk((s, c) => `local ${c} remote ${s}\n`), detectors).misconception).toBe('swapped-end-points');
    expect(gradeOne(twoAsk((s, _c, other) => `local ${s} remote ${other}\n`), detectors).misconception).toBe('kept-another-clients-socket');
  });

  it('reads end-points out of a line', () => {
    expect(endpointsIn('local 10.0.0.2:9000 remote 127.0.0.1:41234.')).toEqual([{ ip: '10.0.0.2', port: 9000 }, { ip: '127.0.0.1', port: 41234 }]);
  });
});

const pair: Check = { id: 'p', title: 'a check', kind: 'socket-pair', client: { host: 'laptop', file: 'client.ts' }, server: { host: 'web', port: 4000, file: 'server.ts' } };

/** client.ts on laptop:40001 and server.ts on web:4000, with what each printed and sent. */
function talk(printed: { client: string; server: string }, bytes: { clientSent?: string; serverSent?: string } = { clientSent: 'ping\n', serverSent: 'pong\n' }): RunRecord {
  return build().connect(laptop(40001), web(4000), bytes).print('client.ts', printed.client).print('server.ts', printed.server).done();
}
const right = { client: 'client: local 10.0.0.10:40001 remote 10.0.0.2:4000', server: 'server: local 10.0.0.2:4000 remote 10.0.0.10:40001' };

describe('socket-pair', () => {
  it.each([
    ['one pair, bytes both ways', talk(right), true, "each side's local end is the other's remote"],
    ['printed before connecting', talk({ ...right, client: 'local undefined:undefined remote undefined:undefined' }), false, "a socket's ends are known once it is connected"],
    ['the client swapped its ends', talk({ ...right, client: 'local 10.0.0.2:4000 remote 10.0.0.10:40001' }), false, "the two ends the other way round. For client.ts's own socket, local is its own end, 10.0.0.10:40001"],
    ['the server named its listening socket', talk({ ...right, server: 'local 0.0.0.0:4000 remote 10.0.0.10:40001' }), false, "server.ts printed \"local 0.0.0.0:4000 remote 10.0.0.10:40001\": 0.0.0.0 is the listening socket's address"],
    ['the server never answered', talk(right, { clientSent: 'ping\n' }), false, 'server.ts sent nothing back (client.ts sent "ping\\n")'],
    ['nobody said anything', talk(right, {}), false, 'no bytes went over the connection, either way'],
  ])('%s', (_name, record, passed, says) => {
    const result = gradeOne(record, pair);
    expect(result.message).toContain(says);
    expect(result.passed).toBe(passed);
  });

  it('says where the client connected when it missed the server', () => {
    const record = build().attempt(laptop(40001), { ip: '127.0.0.1', port: 4000 }).done();
    expect(gradeOne(record, pair).message).toBe('client.ts connected to 127.0.0.1:4000, not to web:4000.');
  });
});
