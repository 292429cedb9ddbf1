/**
 * The assignment link and the hand-in round-trip (file and code), with their versions; and every way one
 * can be bad — tampered, truncated, a wrong version, the wrong kind of code, huge, bomb-like, hostile
 * fields — is refused or trimmed with a reason, never thrown.
 */
import { describe, expect, it, vi } from 'vitest';
import {
  ASSIGNMENT_CODE,
  assignmentCodeOf,
  assignmentId,
  assignmentLink,
  decodeAssignment,
  encodeAssignment,
  readAssignment,
} from '../../src/lib/classroom/assignment';
import {
  HAND_IN_CODE,
  HAND_IN_LIMITS,
  decodeHandInCode,
  handInCode,
  handInFile,
  handInFileName,
  itemStatus,
  readHandInText,
} from '../../src/lib/classroom/hand-in';
import { crc32, decodeCode, deflate, encodeCode, fromBase64Url, toBase64Url } from '../../src/lib/classroom/text-code';
import { AT, ECHO_SOLUTION, course, handInOf, portsAssignment, progressOf } from './fixtures';

describe('the text code', () => {
  it('round-trips any JSON text, unicode included, in URL-safe characters', async () => {
    const json = JSON.stringify({ name: 'Zoë 🙂 “quoted”', list: [1, 2, 3], long: 'x'.repeat(5000) });
    const code = await encodeCode(HAND_IN_CODE, json);
    expect(code).toMatch(/^EPH1\.[A-Za-z0-9_-]+\.[0-9a-f]{8}$/);
    expect(code.length).toBeLessThan(json.length / 4);
    expect(await decodeCode(HAND_IN_CODE, code)).toEqual({ ok: true, json });
  });

  it('reads a code wrapped over lines and indented, as e-mail and class tools do', async () => {
    const code = await encodeCode(HAND_IN_CODE, JSON.stringify({ a: 'b'.repeat(300) }));
    const wrapped = `  ${code.match(/.{1,20}/g)!.join('\n    ')}\n`;
    expect((await decodeCode(HAND_IN_CODE, wrapped)).ok).toBe(true);
  });

  it('base64url round-trips every length of bytes', () => {
    for (let length = 0; length < 20; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 0xff);
      expect(fromBase64Url(toBase64Url(bytes))).toEqual(bytes);
    }
    expect(fromBase64Url('ab+c')).toBeNull();
    expect(fromBase64Url('a')).toBeNull();
  });

  it('has the CRC-32 everyone has', () => {
    expect(crc32('123456789')).toBe('cbf43926');
  });

  it('says a code is cut off, damaged, of a newer or older format, or of another kind', async () => {
    const code = await encodeCode(HAND_IN_CODE, JSON.stringify({ hello: 'world'.repeat(50) }));
    const problem = async (text: string) => {
      const decoded = await decodeCode(HAND_IN_CODE, text, [ASSIGNMENT_CODE]);
      return decoded.ok ? 'read' : decoded.problem.kind;
    };
    expect(await problem(code.slice(0, code.length - 12))).toBe('truncated');
    expect(await problem(code.slice(0, code.length - 3))).toBe('truncated');
    const middle = Math.floor(code.length / 2);
    expect(await problem(`${code.slice(0, middle)}${code[middle] === 'A' ? 'B' : 'A'}${code.slice(middle + 1)}`)).toBe('damaged');
    expect(await problem(code.replace('EPH1.', 'EPH2.'))).toBe('wrong-version');
    expect(await problem(code.replace('EPH1.', 'EPH0.'))).toBe('wrong-version');
    expect(await problem(code.replace('EPH1.', 'EPA1.'))).toBe('other-kind');
    expect(await problem('hello teacher')).toBe('not-a-code');
    const newer = await decodeCode(HAND_IN_CODE, code.replace('EPH1.', 'EPH2.'));
    expect(!newer.ok && newer.problem.message).toContain('newer version of the course');
  });

  it('refuses a code past its length before reading it, and stops unpacking a bomb at the limit', async () => {
    const long = await decodeCode(ASSIGNMENT_CODE, `EPA1.${'A'.repeat(ASSIGNMENT_CODE.maxChars + 10)}.00000000`);
    expect(!long.ok && long.problem.kind).toBe('huge');
    // 2 MB of zeros packs into about 2 KB: unpacking stops at the assignment's 100 KB.
    const payload = toBase64Url(await deflate('0'.repeat(2_000_000)));
    const bombCode = `EPA1.${payload}.${crc32(payload)}`;
    expect(bombCode.length).toBeLessThan(ASSIGNMENT_CODE.maxChars);
    const decoded = await decodeCode(ASSIGNMENT_CODE, bombCode);
    expect(!decoded.ok && decoded.problem.kind).toBe('huge');
    expect(!decoded.ok && decoded.problem.message).toContain('unpacks to more than 100,000 bytes');
  });
});

describe('an assignment link', () => {
  it('round-trips through a link whose code is in the hash, never the query', async () => {
    const code = await encodeAssignment(portsAssignment);
    const link = assignmentLink('https://example.github.io/endpoints/assignments/', code);
    expect(new URL(link).search).toBe('');
    expect(assignmentCodeOf(new URL(link).hash)).toBe(code);
    const decoded = await decodeAssignment(code, course);
    expect(decoded).toEqual({ ok: true, assignment: portsAssignment, id: assignmentId(portsAssignment), notes: [] });
  });

  it('has the same id for the same assignment, another for any change', () => {
    expect(assignmentId(portsAssignment)).toMatch(/^[0-9a-f]{8}$/);
    expect(assignmentId({ ...portsAssignment })).toBe(assignmentId(portsAssignment));
    expect(assignmentId({ ...portsAssignment, due: '2026-12-04' })).not.toBe(assignmentId(portsAssignment));
  });

  it('leaves out what the course does not have, sorts the rest, and drops unknown fields', () => {
    const read = readAssignment(
      {
        title: '  Ports \u202e and\u0000 sockets ',
        items: ['quiz:ports-echo-server', 'exercise:echo-server', 'exercise:gone', 'exercise:echo-server', 42, 'lesson:../../etc', '__proto__'],
        due: '2026-02-30',
        note: 'x'.repeat(1001),
        extra: { deep: [[[[]]]] },
        __proto__: { polluted: true },
      },
      course,
    );
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.assignment).toEqual({ title: 'Ports and sockets', items: [{ kind: 'exercise', id: 'echo-server' }, { kind: 'quiz', id: 'ports-echo-server' }] });
    expect(read.notes.join('\n')).toMatch(/exercise “gone” is not part of this course/);
    expect(read.notes.join('\n')).toMatch(/due date "2026-02-30" is not a date/);
    expect(read.notes.join('\n')).toMatch(/note .* is not a text of at most 1,000 characters/);
    expect(read.notes.join('\n')).toMatch(/1 field the course does not use was left out/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses what has nothing usable, without walking a huge list', () => {
    // A list that counts every look at its entries: its length is read, never an entry.
    let looked = 0;
    const huge = new Proxy(new Array<string>(10_000_000), {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) looked++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    expect(readAssignment({ title: 'x', items: huge }, course)).toEqual({ ok: false, reason: 'lists 10,000,000 items; an assignment lists at most 300' });
    expect(looked).toBe(0);
    expect(readAssignment({ title: 'x', items: ['exercise:gone'] }, course)).toEqual({ ok: false, reason: 'lists nothing this course has' });
    expect(readAssignment({ title: '', items: [] }, course)).toEqual({ ok: false, reason: 'has an empty title' });
    expect(readAssignment([], course)).toEqual({ ok: false, reason: 'is a list, not an assignment' });
  });

  it('refuses a link whose code was cut or damaged, saying so', async () => {
    const code = await encodeAssignment(portsAssignment);
    const cut = await decodeAssignment(code.slice(0, 30), course);
    expect(cut).toMatchObject({ ok: false, problem: 'truncated' });
    expect(!cut.ok && cut.reason).toContain('is cut off');
  });
});

describe('a hand-in', () => {
  const handIn = handInOf('Ada Lovelace');

  it('holds the assignment, the name, the code, the quiz answers and when each was done', () => {
    expect(handIn).toEqual({
      learner: 'Ada Lovelace',
      madeAt: '2026-12-01T09:00:00.000Z',
      assignment: portsAssignment,
      lessons: { 'ports/echo-server': AT },
      exercises: { 'echo-server': { files: { 'server.ts': ECHO_SOLUTION }, passedAt: AT } },
      quizzes: { 'ports-echo-server': { 'which-port': { answer: '7', correct: true, at: AT }, 'who-chooses': { answer: 'os', correct: true, at: AT } } },
    });
    expect(handInFileName(handIn)).toBe('ada-lovelace-week-3-ports.endpoints.json');
    expect(handInFileName({ ...handIn, learner: '../../etc/passwd', assignment: { ...portsAssignment, title: '<script>' } })).toBe('etcpasswd-script.endpoints.json');
  });

  it('round-trips as a file and as a code, with the same content', async () => {
    const file = handInFile(handIn);
    expect(JSON.parse(file)).toMatchObject({ format: 'endpoints-hand-in', version: 1, checksum: expect.stringMatching(/^[0-9a-f]{8}$/) });
    const fromFile = readHandInText(file, course);
    expect(fromFile).toEqual({ ok: true, handIn, assignmentId: assignmentId(portsAssignment), notes: [] });
    const code = await handInCode(handIn);
    expect(code.startsWith('EPH1.')).toBe(true);
    expect(await decodeHandInCode(code, course)).toEqual(fromFile);
  });

  it('is made from unfinished work too, and says what is unfinished', () => {
    const progress = progressOf({ exercises: { 'echo-server': { draft: { 'server.ts': '// not yet' } } } });
    for (const item of portsAssignment.items) expect(itemStatus(item, progress, course).state).not.toBe('done');
    expect(itemStatus(portsAssignment.items[1]!, progress, course)).toEqual({ state: 'started', detail: 'started, not passed yet' });
    expect(itemStatus(portsAssignment.items[2]!, progress, course)).toEqual({ state: 'not-started', detail: '0 of 2 answered right' });
  });

  it('says when an exercise that passed fails on its last run: the hand-in holds the code as it is now', () => {
    const broken = { ...progressOf({}), exercise: () => ({ draft: { 'server.ts': '// changed' }, passedAt: AT, lastRunPassed: false }) };
    expect(itemStatus(portsAssignment.items[1]!, broken, course)).toEqual({
      state: 'done',
      detail: "passed 30 Nov, but your last run failed: the teacher's page runs your code as it is now",
      at: AT,
    });
    const still = { ...progressOf({}), exercise: () => ({ draft: {}, passedAt: AT, lastRunPassed: true }) };
    expect(itemStatus(portsAssignment.items[1]!, still, course).detail).toBe('passed 30 Nov');
  });

  it('names an edited file as altered, a cut file as cut off, and other versions and kinds', async () => {
    const file = handInFile(handIn);
    const refusal = (text: string) => {
      const read = readHandInText(text, course);
      return read.ok ? 'read' : `${read.kind}: ${read.reason}`;
    };
    expect(refusal(file.replace('"passedAt": "2026-11-30T10:00:00.000Z"', '"passedAt": "2026-11-29T10:00:00.000Z"'))).toMatch(/^altered: does not match its checksum/);
    expect(refusal(file.replace('socket.write(chunk)', 'socket.end()'))).toMatch(/^altered/);
    expect(refusal(file.slice(0, file.length / 2))).toMatch(/^truncated: is cut off/);
    expect(refusal(file.replace('"version": 1', '"version": 2'))).toMatch(/^wrong-version: was made by a newer version of the course \(format 2\)/);
    expect(refusal(file.replace('"version": 1', '"version": "1"'))).toMatch(/^wrong-version: is in format "1"/);
    expect(refusal(file.replace('endpoints-hand-in', 'endpoints-progress'))).toMatch(/^not-a-hand-in/);
    expect(refusal('<html>Not found</html>')).toMatch(/^malformed: is not a hand-in file/);
    expect(refusal(await handInCode(handIn))).toMatch(/^malformed: holds a hand-in code, not a file/);
    expect(refusal(`${'['.repeat(200_000)}${']'.repeat(200_000)}`)).toMatch(/^not-a-hand-in/);
    const code = await handInCode(handIn);
    const read = await decodeHandInCode(await encodeAssignment(portsAssignment), course);
    expect(read.ok ? 'read' : read.reason).toBe('is an assignment link, not a hand-in code');
    const cut = await decodeHandInCode(code.slice(0, -20), course);
    expect(cut.ok ? 'read' : cut.kind).toBe('truncated');
  });

  it('refuses a huge text before parsing it', () => {
    const parse = vi.spyOn(JSON, 'parse');
    try {
      const read = readHandInText(`{"format":"endpoints-hand-in","pad":"${'x'.repeat(HAND_IN_LIMITS.fileBytes)}"}`, course);
      expect(read.ok ? 'read' : read.kind).toBe('huge');
      expect(parse).not.toHaveBeenCalled();
    } finally {
      parse.mockRestore();
    }
  });

  it('reads a hostile but correctly summed hand-in field by field: bounds, unknown fields, items of the assignment only', () => {
    const body = {
      learner: '\u202eecilA\u0000  Smith',
      madeAt: AT,
      assignment: { title: 'Week 3: ports', items: ['exercise:echo-server', 'quiz:ports-echo-server', 'lesson:ports/echo-server'] },
      lessons: { 'ports/echo-server': 'yesterday', 'nic/network-card': AT },
      exercises: {
        'echo-server': { files: { 'server.ts': 'ok', 'evil.ts': 'x', '__proto__': 'y' }, passedAt: 1e308, grade: 'A+' },
        'first-client': { files: { 'client.ts': 'not assigned' }, passedAt: AT },
      },
      quizzes: { 'ports-echo-server': { 'which-port': { answer: 'x'.repeat(201), correct: true, at: AT }, 'who-chooses': { answer: 'os', correct: 'yes', at: AT }, bonus: { answer: '1', correct: true, at: AT } } },
      score: 100,
    };
    const text = JSON.stringify({ format: 'endpoints-hand-in', version: 1, checksum: crc32(JSON.stringify(body)), handIn: body });
    const read = readHandInText(text, course);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.handIn.learner).toBe('ecilA Smith');
    expect(read.handIn.lessons).toEqual({});
    expect(read.handIn.exercises).toEqual({ 'echo-server': { files: { 'server.ts': 'ok' } } });
    expect(read.handIn.quizzes).toEqual({ 'ports-echo-server': {} });
    expect(read.notes.join('\n')).toMatch(/lesson “ports\/echo-server”: the time it was opened is "yesterday"/);
    expect(read.notes.join('\n')).toMatch(/the time it passed is 1e\+308/);
    expect(read.notes.join('\n')).toMatch(/question “which-port” is not one the course wrote/);
  });

  it('refuses one with no name, an over-long name or an unusable assignment', () => {
    const make = (patch: Record<string, unknown>) => {
      const body = { ...JSON.parse(handInFile(handIn)).handIn, ...patch };
      const read = readHandInText(JSON.stringify({ format: 'endpoints-hand-in', version: 1, checksum: crc32(JSON.stringify(body)), handIn: body }), course);
      return read.ok ? 'read' : read.reason;
    };
    expect(make({ learner: ' \u0000 ' })).toBe('has no learner name');
    expect(make({ learner: 'a'.repeat(81) })).toBe('has a learner name of 81 characters; at most 80');
    expect(make({ assignment: { title: 'x', items: ['exercise:gone'] } })).toBe('holds an assignment that lists nothing this course has');
    expect(make({ madeAt: '1970-01-01T00:00:00.000Z' })).toBe('has "1970-01-01T00:00:00.000Z" as the time it was made');
  });
});
