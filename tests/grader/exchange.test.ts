/**
 * The checks that relate what one side sent to what the other received (echo, reply, request,
 * prints-received), on hand-built records: each passes on the right exchange and, on a wrong one, says what
 * went wrong the way a teacher would. Also the facts that come before the data: a crash still lets the
 * detector whose premise it is speak, and detectors read only the learner's errors.
 */
import { describe, expect, it } from 'vitest';
import type { Check } from '../../src/lib/grader/checks';
import { grade, gradeOne } from '../../src/lib/grader/grade';
import type { RunRecord } from '../../src/lib/runner/protocol';
import { build, laptop, web } from './records';

const title = 'a check';
const echo: Check = { id: 'e', title, kind: 'echo', client: { host: 'laptop' }, server: { host: 'web', port: 7 }, atLeast: 2 };
const reply: Check = {
  id: 'r',
  title,
  kind: 'reply',
  client: { host: 'laptop' },
  server: { host: 'web', port: 80 },
  atLeast: 1,
  request: '^HELLO (?<name>[A-Za-z]+)\\n',
  reply: 'WELCOME {name}, you are {client.address}:{client.port}\n',
};
const request: Check = { id: 'q', title, kind: 'request', client: { host: 'laptop' }, server: { host: 'web', port: 80 }, pattern: '^HELLO [A-Za-z]+\\n', describe: 'HELLO and a name' };
const prints: Check = { id: 'p', title, kind: 'prints-received', file: 'client.ts', client: { host: 'laptop' }, server: { host: 'web', port: 80 } };

const A = 'client 1: amber kite\nclient 1: basil moon\n';
const B = 'client 2: cedar lake\n';
/** Two clients on laptop talk to web:7; `answer` says what each got back. */
const twoClients = (answer: (sent: string, n: number) => string) =>
  build()
    .connect(laptop(40001), web(7), { clientSent: A, serverSent: answer(A, 1) })
    .connect(laptop(40002), web(7), { clientSent: B, serverSent: answer(B, 2) })
    .done();

interface Case {
  name: string;
  check: Check;
  record: RunRecord;
  passed: boolean;
  says: string;
}

const cases: Case[] = [
  { name: 'each client got exactly its own bytes', check: echo, record: twoClients((sent) => sent), passed: true, says: 'Each of the 2 connections got back exactly what its client sent' },
  { name: 'too few clients sent anything', check: { ...echo, atLeast: 3 }, record: twoClients((sent) => sent), passed: false, says: 'Only 2 connections from laptop to web:7 carried bytes; 3 should have' },
  { name: 'every client got the same fixed line', check: echo, record: twoClients(() => 'hello\nhello\n'), passed: false, says: 'Every client got the same "hello" back, whatever it sent' },
  { name: 'a chat room: another client\'s line came too', check: echo, record: twoClients((sent, n) => (n === 1 ? sent + B : sent)), passed: false, says: `got another client's bytes: "client 2: cedar lake", sent from 10.0.0.10:40002` },
  { name: 'everything came back twice', check: echo, record: twoClients((sent) => sent.replace(/.*\n/g, (line) => line + line)), passed: false, says: 'got its bytes back twice (84 bytes for the 42 it sent)' },
  { name: 'a prefix in front of every piece', check: echo, record: twoClients((sent) => sent.replace(/.*\n/g, (line) => `echo: ${line}`)), passed: false, says: 'got "echo: " added in front of what it sent' },
  { name: 'the line breaks left out', check: echo, record: twoClients((sent) => sent.replace(/\n/g, '')), passed: false, says: 'without their line breaks' },
  { name: 'the text in capitals', check: echo, record: twoClients((sent) => sent.toUpperCase()), passed: false, says: 'got its bytes back changed: it sent "client 1: amber kite", got back "CLIENT 1: AMBER KITE"' },
  { name: 'only the first piece came back', check: echo, record: twoClients((sent) => sent.slice(0, 21)), passed: false, says: 'got only the first 21 bytes of 42 back' },
  {
    name: "one client's echo went to the other",
    check: echo,
    record: build().connect(laptop(40001), web(7), { clientSent: A }).connect(laptop(40002), web(7), { clientSent: B, serverSent: A + B }).done(),
    passed: false,
    says: 'the client at 10.0.0.10:40001 got nothing back: its bytes went to the client at 10.0.0.10:40002',
  },
  { name: 'nobody connected', check: echo, record: build().done(), passed: false, says: 'No client on laptop sent anything over a connection to web:7' },
  // reply
  {
    name: 'the reply names the client and its end-point',
    check: reply,
    record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada\n', serverSent: 'WELCOME ada, you are 10.0.0.10:41000\n' }).done(),
    passed: true,
    says: 'Every client got the reply meant for it (e.g. "WELCOME ada, you are 10.0.0.10:41000\\n")',
  },
  {
    name: 'a reply with another name',
    check: reply,
    record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada\n', serverSent: 'WELCOME bob, you are 10.0.0.10:41000\n' }).done(),
    passed: false,
    says: 'should have got "WELCOME ada, you are 10.0.0.10:41000\\n", but got "WELCOME bob',
  },
  {
    name: 'a request the server does not answer that way',
    check: reply,
    record: build().connect(laptop(41000), web(80), { clientSent: 'hello ada\n', serverSent: 'WHO ARE YOU?\n' }).done(),
    passed: false,
    says: 'No reply could be expected: laptop sent "hello ada\\n", which is not the request web:80 answers (web:80 answered "WHO ARE YOU?\\n")',
  },
  { name: 'connected but silent', check: reply, record: build().connect(laptop(41000), web(80)).done(), passed: false, says: 'laptop connected to web:80 but sent no request' },
  // request
  { name: 'the request as the protocol asks', check: request, record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada\n' }).done(), passed: true, says: 'HELLO and a name' },
  { name: 'a request without its line break', check: request, record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada' }).done(), passed: false, says: 'laptop sent "HELLO ada", but web:80 expects HELLO and a name' },
  // prints-received
  {
    name: 'the reply printed',
    check: prints,
    record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada\n', serverSent: 'WELCOME ada\n' }).print('client.ts', 'web says: WELCOME ada').done(),
    passed: true,
    says: 'client.ts printed what it received ("WELCOME ada")',
  },
  {
    name: 'something else printed',
    check: prints,
    record: build().connect(laptop(41000), web(80), { clientSent: 'HELLO ada\n', serverSent: 'WELCOME ada\n' }).print('client.ts', 'got 12 bytes').done(),
    passed: false,
    says: 'client.ts received "WELCOME ada" but did not print it (it printed "got 12 bytes")',
  },
];

describe('checks that relate what was sent to what was received', () => {
  it.each(cases)('$check.kind — $name', ({ check, record, passed, says }) => {
    const result = gradeOne(record, check);
    expect(result.passed, result.message).toBe(passed);
    expect(result.message).toContain(says);
  });
});

describe('misconception detectors read their premise in the record', () => {
  const noErrors: Check = { id: 'n', title, kind: 'ran-without-error', misconceptions: [{ kind: 'unhandled-error' }] };
  const withPrograms = (record: RunRecord): RunRecord => ({
    ...record,
    programs: [
      { file: 'server.ts', host: 'web', pid: 4001, role: 'learner' },
      { file: 'clients.ts', host: 'laptop', pid: 4002, role: 'driver' },
    ],
  });

  it('a crash still lets the detector whose premise is the crash explain it, and says the crash first', () => {
    const record = build().error('laptop', 'ECONNRESET', false, 'read ECONNRESET').outcome('threw', { message: 'read ECONNRESET', name: 'ECONNRESET', file: 'client.ts' }).done();
    const check: Check = { id: 'h', title, kind: 'error-handled', host: 'laptop', code: 'ECONNRESET', misconceptions: [{ kind: 'unhandled-error' }] };
    const results = grade(record, [check]);
    expect(results.map((r) => r.id)).toEqual(['ran-to-the-end', 'h']);
    expect(results[0]!.message).toBe('client.ts crashed: read ECONNRESET.');
    expect(results[1]).toMatchObject({ passed: false, misconception: 'unhandled-error' });
    expect(results[1]!.message).toContain('and so does a listener that throws the error again');
  });

  it('a crash silences the detectors that only guess at the code', () => {
    const record = build().listen('web', '127.0.0.1', 7).outcome('threw', { message: 'boom', file: 'server.ts', line: 3 }).done();
    const check: Check = { id: 'l', title, kind: 'listening', host: 'web', port: 7, misconceptions: [{ kind: 'listened-on-loopback-only' }] };
    const result = gradeOne(record, check);
    expect(result.misconception).toBeUndefined();
    expect(result.message).toMatch(/^server\.ts crashed at line 3: boom\. So: /);
  });

  it('a port already taken is explained as such, with the server\'s error listener', () => {
    const record = withPrograms(build().error('web', 'EADDRINUSE', false, 'listen EADDRINUSE: address already in use 0.0.0.0:7').done());
    record.errors[0] = { ...record.errors[0]!, pid: 4001 };
    const result = gradeOne(record, noErrors);
    expect(result.misconception).toBe('unhandled-error');
    expect(result.message).toContain('only one may: is your program listening twice on the same port?');
  });

  it("an error the exercise's own driver met is not blamed on the learner", () => {
    const record = withPrograms(build().error('laptop', 'ECONNRESET', false, 'read ECONNRESET').done());
    const result = gradeOne(record, noErrors);
    expect(result).toMatchObject({ passed: true });
    expect(result.misconception).toBeUndefined();
  });

  it('names what Node means by a write after end when a program crashes of it', () => {
    const record = build().outcome('threw', { message: 'write after end', name: 'ERR_STREAM_WRITE_AFTER_END', file: 'server.ts', line: 5 }).done();
    expect(gradeOne(record, noErrors).message).toBe('server.ts crashed at line 5: write after end (the program wrote to a socket after ending it with end()).');
  });
});
