import { describe, expect, it } from 'vitest';
import type { Check, MisconceptionKind } from '../../src/lib/grader/checks';
import { grade, gradeInSlices, gradeOne } from '../../src/lib/grader/grade';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { build, laptop, web } from './records';

const title = 'a check';
const listening7: Check = { id: 'l', title, kind: 'listening', host: 'web', port: 7 };
const connection80: Check = { id: 'c', title, kind: 'connection', client: { host: 'laptop' }, server: { host: 'web', port: 80 } };
const pairs3: Check = { id: 'p', title, kind: 'distinct-pairs', server: { host: 'web', port: 7 }, atLeast: 3 };
const ephemeral80: Check = { id: 'e', title, kind: 'ephemeral-client-port', client: { host: 'laptop' }, server: { host: 'web', port: 80 } };
const echoed: Check = { id: 'b', title, kind: 'bytes-delivered', to: { host: 'laptop', role: 'connector', peerPort: 7 }, text: 'hello', every: true };
const resetHandled: Check = { id: 'h', title, kind: 'error-handled', host: 'laptop', code: 'ECONNRESET' };
const printed: Check = { id: 'o', title, kind: 'console-includes', file: 'client.ts', text: 'WELCOME' };
const clean: Check = { id: 'r', title, kind: 'ran-without-error' };

interface Case {
  name: string;
  check: Check;
  record: RunRecord;
  passed: boolean;
  /** A phrase the message must contain: the "why". */
  says: string;
}

const cases: Case[] = [
  // listening
  { name: 'a server on every address of web:7', check: listening7, record: build().listen('web', '0.0.0.0', 7).done(), passed: true, says: 'on every address' },
  { name: "a server on web's NIC address", check: listening7, record: build().listen('web', '10.0.0.2', 7).done(), passed: true, says: 'on 10.0.0.2' },
  { name: 'a server on loopback only', check: listening7, record: build().listen('web', '127.0.0.1', 7).done(), passed: false, says: 'other hosts cannot reach' },
  { name: 'a server on another port', check: listening7, record: build().listen('web', '0.0.0.0', 8080).done(), passed: false, says: 'listened on 0.0.0.0:8080 instead' },
  { name: 'no server at all', check: listening7, record: build().done(), passed: false, says: 'No server is listening on web:7' },
  { name: 'a server on the wrong host', check: listening7, record: build().listen('laptop', '0.0.0.0', 7).done(), passed: false, says: 'no TCP socket on web ever listened' },
  { name: 'a UDP check against a TCP server', check: { ...listening7, protocol: 'udp' }, record: build().listen('web', '0.0.0.0', 7).done(), passed: false, says: 'no UDP socket' },
  { name: 'an explicit address list that excludes 0.0.0.0', check: { ...listening7, addresses: ['10.0.0.2'] }, record: build().listen('web', '0.0.0.0', 7).done(), passed: false, says: 'should listen on 10.0.0.2' },
  // connection
  { name: 'a completed connection laptop → web:80', check: connection80, record: build().connect(laptop(40000), web(80)).done(), passed: true, says: 'joined laptop (10.0.0.10:40000) to web (10.0.0.2:80)' },
  { name: 'a refused attempt', check: connection80, record: build().attempt(laptop(40000), { ip: '10.0.0.2', port: 80 }).done(), passed: false, says: 'no server there accepted' },
  { name: 'a connection to another port', check: connection80, record: build().connect(laptop(40000), web(8080)).done(), passed: false, says: 'connected to 10.0.0.2:8080 instead' },
  { name: 'no connection at all', check: connection80, record: build().done(), passed: false, says: 'never connected' },
  // distinct pairs
  {
    name: 'three clients on distinct ports',
    check: pairs3,
    record: build().connect(laptop(40001), web(7)).connect(laptop(40002), web(7)).connect(laptop(40003), web(7)).done(),
    passed: true,
    says: '10.0.0.10:40001, 10.0.0.10:40002 and 10.0.0.10:40003',
  },
  { name: 'two of three', check: pairs3, record: build().connect(laptop(40001), web(7)).connect(laptop(40002), web(7)).done(), passed: false, says: 'at least 3' },
  { name: 'none accepted', check: pairs3, record: build().listen('web', '0.0.0.0', 7).done(), passed: false, says: 'accepted no connection' },
  // ephemeral client port
  { name: 'an ephemeral client port', check: ephemeral80, record: build().connect(laptop(41234), web(80)).done(), passed: true, says: 'chosen by the operating system' },
  { name: 'the client bound port 80', check: ephemeral80, record: build().connect(laptop(80), web(80)).done(), passed: false, says: 'used port 80' },
  { name: 'a port below the ephemeral range', check: ephemeral80, record: build().connect(laptop(5000), web(80)).done(), passed: false, says: '32768–60999' },
  { name: 'no connection to judge', check: ephemeral80, record: build().done(), passed: false, says: 'no client port to look at' },
  // bytes delivered
  {
    name: 'every client got its bytes back',
    check: echoed,
    record: build().connect(laptop(40001), web(7), { clientSent: 'hello 1', serverSent: 'hello 1' }).connect(laptop(40002), web(7), { clientSent: 'hello 2', serverSent: 'hello 2' }).done(),
    passed: true,
    says: '2 client sockets received it',
  },
  {
    name: 'one client got nothing back',
    check: echoed,
    record: build().connect(laptop(40001), web(7), { clientSent: 'hello 1', serverSent: 'hello 1' }).connect(laptop(40002), web(7), { clientSent: 'hello 2' }).done(),
    passed: false,
    says: '1 socket of 2 went without it',
  },
  { name: 'nothing came back at all', check: echoed, record: build().connect(laptop(40001), web(7), { clientSent: 'hello' }).done(), passed: false, says: 'received no bytes at all' },
  { name: 'other bytes came back', check: echoed, record: build().connect(laptop(40001), web(7), { clientSent: 'hello', serverSent: 'HTTP/1.1 400' }).done(), passed: false, says: 'received "HTTP/1.1 400"' },
  { name: 'no client socket existed', check: echoed, record: build().done(), passed: false, says: 'No client socket on laptop talking to port 7' },
  // error handled
  { name: 'a reset reached a listener', check: resetHandled, record: build().error('laptop', 'ECONNRESET', true, 'read ECONNRESET').done(), passed: true, says: 'reached your program and it went on' },
  { name: 'a reset with no listener', check: resetHandled, record: build().error('laptop', 'ECONNRESET', false).done(), passed: false, says: "An ECONNRESET error reached your program on laptop and the program died of it: in Node an 'error' event nobody listens for" },
  { name: 'a failed listen with no listener', check: { ...resetHandled, host: 'web', code: 'EADDRINUSE' }, record: build().error('web', 'EADDRINUSE', false, 'listen EADDRINUSE').done(), passed: false, says: "An EADDRINUSE error reached your program on web and the program died of it" },
  { name: 'another error instead', check: resetHandled, record: build().error('laptop', 'ECONNREFUSED', true).done(), passed: false, says: 'it saw ECONNREFUSED instead' },
  { name: 'no error at all', check: resetHandled, record: build().done(), passed: false, says: 'no proof' },
  // console
  { name: 'the reply was printed', check: printed, record: build().print('client.ts', 'web says: WELCOME ada').done(), passed: true, says: '"web says: WELCOME ada"' },
  { name: 'another program printed it', check: printed, record: build().print('greeter.ts', 'WELCOME').done(), passed: false, says: 'client.ts printed nothing' },
  { name: 'something else was printed', check: printed, record: build().print('client.ts', 'connected').done(), passed: false, says: 'last: "connected"' },
  // ran without error
  { name: 'a clean run', check: clean, record: build().done(), passed: true, says: 'without an error' },
  { name: 'a throw with its line', check: clean, record: build().outcome('threw', { message: 'boom', file: 'server.ts', line: 4 }).done(), passed: false, says: 'server.ts crashed at line 4: boom' },
  { name: 'a compile error', check: clean, record: build().outcome('did-not-compile', { message: 'Unexpected token', file: 'server.ts', line: 2 }).done(), passed: false, says: 'did not compile (server.ts:2)' },
  { name: 'a timeout', check: clean, record: build().outcome('timed-out').done(), passed: false, says: 'endless loop' },
  { name: 'an unhandled socket error', check: clean, record: build().error('web', 'EPIPE', false, 'write EPIPE').done(), passed: false, says: 'EPIPE on web' },
];

describe('grade: each check passes and fails on hand-built records, and says why', () => {
  it.each(cases)('$check.kind — $name', ({ check, record, passed, says }) => {
    const [result] = grade(record, [check]);
    expect(result!.passed).toBe(passed);
    expect(result!.message).toContain(says);
    expect(result!.id).toBe(check.id);
  });
});

interface MisconceptionCase {
  name: string;
  check: Check;
  record: RunRecord;
  expects: MisconceptionKind;
  says: string;
}

const withDetectors = (check: Check, ...kinds: MisconceptionKind[]): Check => ({ ...check, misconceptions: kinds.map((kind) => ({ kind })) });

const misconceptionCases: MisconceptionCase[] = [
  { name: 'a server on loopback only', check: withDetectors(listening7, 'wrong-port', 'listened-on-loopback-only'), record: build().listen('web', '127.0.0.1', 7).done(), expects: 'listened-on-loopback-only', says: 'other hosts are refused' },
  { name: 'a server on port 80', check: withDetectors(listening7, 'listened-on-loopback-only', 'wrong-port'), record: build().listen('web', '0.0.0.0', 80).done(), expects: 'wrong-port', says: 'Your server listens on port 80, but the clients connect to port 7' },
  { name: 'a client that bound port 80', check: withDetectors(ephemeral80, 'client-bound-server-port'), record: build().connect(laptop(80), web(80)).done(), expects: 'client-bound-server-port', says: 'Your client bound port 80 too' },
  { name: "a user's client refused port 80", check: withDetectors(ephemeral80, 'client-bound-server-port'), record: build().error('laptop', 'EACCES', true, 'bind EACCES 0.0.0.0:80').done(), expects: 'client-bound-server-port', says: 'and laptop refused: bind EACCES 0.0.0.0:80. A program that is not root' },
  { name: 'a client that connected to 8080', check: withDetectors(connection80, 'connected-to-wrong-host', 'wrong-port'), record: build().attempt(laptop(40000), { ip: '10.0.0.2', port: 8080 }).error('laptop', 'ECONNREFUSED', true).done(), expects: 'wrong-port', says: 'connected to port 8080 of web' },
  { name: 'a refused client whose socket left no stream', check: withDetectors(connection80, 'wrong-port'), record: build().error('laptop', 'ECONNREFUSED', true, 'connect ECONNREFUSED 10.0.0.2:8080').done(), expects: 'wrong-port', says: 'was refused (connect ECONNREFUSED 10.0.0.2:8080)' },
  { name: 'a client that connected to itself', check: withDetectors(connection80, 'wrong-port', 'connected-to-wrong-host'), record: build().attempt(laptop(40000), { ip: '127.0.0.1', port: 80 }).done(), expects: 'connected-to-wrong-host', says: 'which is laptop itself (loopback)' },
  { name: 'a server that never wrote back', check: withDetectors(echoed, 'forgot-to-write'), record: build().connect(laptop(40001), web(7), { clientSent: 'hello' }).done(), expects: 'forgot-to-write', says: 'received 5 bytes from 10.0.0.10:40001 and stayed up, but wrote nothing back' },
  { name: 'a server that never ended', check: withDetectors(echoed, 'forgot-to-end'), record: build().connect(laptop(40001), web(7), { clientSent: 'hello', serverSent: 'hell', serverState: 'CLOSE-WAIT' }).done(), expects: 'forgot-to-end', says: 'stuck in CLOSE-WAIT' },
  { name: 'an error with no listener', check: withDetectors(resetHandled, 'unhandled-error'), record: build().error('laptop', 'ECONNRESET', false).done(), expects: 'unhandled-error', says: "died of it. In Node an 'error' event with no listener crashes the program, and so does a listener that throws the error again. Listen with socket.on('error', (err) => …)" },
  { name: 'a server whose listen failed with no listener', check: withDetectors({ ...resetHandled, host: 'web', code: 'EADDRINUSE' }, 'unhandled-error'), record: build().error('web', 'EADDRINUSE', false, 'listen EADDRINUSE: address already in use 0.0.0.0:7').done(), expects: 'unhandled-error', says: 'An EADDRINUSE error (listen EADDRINUSE: address already in use 0.0.0.0:7) reached your program on web, and the program died of it. EADDRINUSE means a socket on web already listens there' },
  { name: "a user's server that asked for port 80", check: withDetectors({ ...listening7, port: 8080 }, 'privileged-port'), record: build().error('web', 'EACCES', false, 'listen EACCES: permission denied 0.0.0.0:80').done(), expects: 'privileged-port', says: 'Your program asked for port 80, and web refused it: listen EACCES: permission denied 0.0.0.0:80. On Linux only root may listen on a port below 1024, and your program runs as a normal user, as a developer\'s own server does: listen on 8080, where the clients look for it.' },
];

describe('misconception detectors replace the generic failure with a targeted message', () => {
  it.each(misconceptionCases)('$expects — $name', ({ check, record, expects, says }) => {
    const result = gradeOne(record, check);
    expect(result.passed).toBe(false);
    expect(result.misconception).toBe(expects);
    expect(result.message).toContain(says);
  });

  it('leaves a passing check alone even when a detector would match elsewhere', () => {
    const record = build().listen('web', '0.0.0.0', 7).listen('web', '127.0.0.1', 8080).done();
    const result = gradeOne(record, withDetectors(listening7, 'listened-on-loopback-only', 'wrong-port'));
    expect(result).toMatchObject({ passed: true });
    expect(result.misconception).toBeUndefined();
  });

  it('keeps the generic message when no detector matches', () => {
    const result = gradeOne(build().done(), withDetectors(listening7, 'listened-on-loopback-only'));
    expect(result.misconception).toBeUndefined();
    expect(result.message).toContain('No server is listening on web:7');
  });

  it("uses the exercise's own message when the detector carries one", () => {
    const check: Check = { ...listening7, misconceptions: [{ kind: 'listened-on-loopback-only', message: 'Loopback is a private door.' }] };
    expect(gradeOne(build().listen('web', '127.0.0.1', 7).done(), check).message).toBe('Loopback is a private door.');
  });
});

describe('grade as a whole', () => {
  it('returns one result per check, in order, with the hint on failures only', () => {
    const record = build().listen('web', '0.0.0.0', 7).done();
    const results = grade(record, [{ ...listening7, hint: 'h1' }, { ...pairs3, hint: 'h2' }]);
    expect(results.map((r) => [r.id, r.passed, r.hint])).toEqual([
      ['l', true, undefined],
      ['p', false, 'h2'],
    ]);
  });

  it('marks every check not checked when the program did not compile', () => {
    const record = build().listen('web', '0.0.0.0', 7).outcome('did-not-compile', { message: 'x' }).done();
    expect(grade(record, [listening7])[0]).toMatchObject({ passed: false, message: 'Not checked: your program did not compile: x.' });
  });

  it('does not change the record it reads', () => {
    const record = build().connect(laptop(40001), web(7), { clientSent: 'hello' }).done();
    const before = JSON.stringify(record);
    grade(record, [listening7, connection80, pairs3, ephemeral80, echoed, resetHandled, printed, clean]);
    expect(JSON.stringify(record)).toBe(before);
  });
});

describe('grade in slices', () => {
  const checks = [listening7, connection80, pairs3, ephemeral80, echoed, resetHandled, printed];
  const records: [string, RunRecord][] = [
    ['a run that finished', build().connect(laptop(40001), web(7), { clientSent: 'hello' }).listen('web', '0.0.0.0', 7).done()],
    ['a run that crashed', build().listen('web', '127.0.0.1', 7).outcome('threw', { message: 'boom', file: 'server.ts', line: 4 }).done()],
    ['a run that did not compile', build().outcome('did-not-compile', { message: 'x' }).done()],
  ];

  it.each(records)('gives what grade gives, pausing between checks once a slice is used up (%s)', async (_name, record) => {
    let pauses = 0;
    const pause = async () => void pauses++;
    expect(await gradeInSlices(record, checks, pause, 0)).toEqual(grade(record, checks));
    expect(pauses).toBe(checks.length - 1);
    pauses = 0;
    expect(await gradeInSlices(record, checks, pause, Number.POSITIVE_INFINITY)).toEqual(grade(record, checks));
    expect(pauses).toBe(0);
  });
});
