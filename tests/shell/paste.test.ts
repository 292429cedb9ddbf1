/**
 * Pastes of any size: handled in a loop (never a recursion between the shell and its line editor), a piece
 * per turn of the event loop, cut with a sentence past the input bound, and the shell answers afterwards.
 */
import { describe, expect, it } from 'vitest';
import { INPUT_SLICE, InputQueue, MAX_PENDING_INPUT } from '../../src/lib/shell/input-queue';
import { batchOutput } from '../../src/lib/runner/output-batch';
import { echo, startSession } from './harness';

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => `${line(i)}\r`).join('');
const count = (text: string, part: string) => text.split(part).length - 1;

// Thousands of commands each: on a machine shared by several test runs that takes more than vitest's 5 s
// default. How fast a paste is handled is the benchmark's to say, not this test's.
describe('a paste at the prompt', { timeout: 60_000 }, () => {
  it('runs 5,000 lines that are not commands, each with its own error, and answers afterwards', async () => {
    const s = startSession();
    const paste = lines(5_000, (i) => `let x${i} = ${i}`);
    s.shell.input(paste);
    // Bounded work per call: the first piece is handled at once, the rest on later turns.
    expect(count(s.transcript(), 'command not found')).toBeLessThan(5_000);
    expect(count(s.transcript(), 'command not found')).toBeGreaterThan(0);
    await s.shell.settled();
    expect(count(s.transcript(), 'bash: let: command not found')).toBe(5_000);
    expect(s.shell.lastStatus).toBe(127);
    expect(await s.run('echo still here')).toBe('still here\n');
  });

  it('survives the paste that killed it: 1,500 empty lines and 1,500 unknown commands', async () => {
    const s = startSession();
    await s.type(lines(1_500, () => '') + lines(1_500, () => 'nope'));
    expect(count(s.transcript(), 'bash: nope: command not found')).toBe(1_500);
    expect(await s.run('whoami')).toBe('learner\n');
  });

  it('runs every command of a pasted script in order, as bash does, not only the first', async () => {
    const s = startSession();
    await s.type(lines(5_000, (i) => `echo line ${i}`));
    const transcript = s.transcript();
    expect(count(transcript, 'learner@laptop:~$ echo line ')).toBe(5_000);
    expect(transcript).toContain('line 0\nlearner@laptop:~$ echo line 1\nline 1\n');
    expect(transcript.endsWith('learner@laptop:~$ echo line 4999\nline 4999\nlearner@laptop:~$ ')).toBe(true);
  });

  it('gives the rest of a paste to a command that reads input (nc), line by line', async () => {
    const s = startSession();
    await s.serve('web', 7, echo);
    await s.type(`nc web 7\r${lines(2_000, (i) => `message ${i}`)}`);
    await s.type('\x03');
    const transcript = s.transcript();
    // Each line twice: echoed as typed, then echoed back by the server.
    expect(count(transcript, 'message 1999\n')).toBe(2);
    expect(count(transcript, 'message ')).toBe(4_000);
    expect(s.shell.lastStatus).toBe(130);
  });

  it('echoes one long pasted line in one pass, not a redraw per piece', async () => {
    const s = startSession('laptop', 80);
    const long = 'y'.repeat(300_000);
    let written = 0;
    const before = s.transcript().length;
    await s.type(long);
    written = s.transcript().length - before;
    expect(written).toBeLessThan(long.length * 1.1);
    expect(s.screen.text().split('\n').at(-1)).toBe('y'.repeat((300_000 + 'learner@laptop:~$ '.length) % 80));
    await s.type('\x15'); // Ctrl+U clears the line
    expect(await s.run('echo ok')).toBe('ok\n');
  });

  it('cuts a paste past the bound where it stops, says so in a sentence, and runs what it kept', async () => {
    const s = startSession('laptop', 4_000); // wide enough that no line wraps on the test's screen
    const line = `${'z'.repeat(999)}\r`; // 1,000 characters a line
    const paste = line.repeat(Math.ceil((MAX_PENDING_INPUT * 1.5) / line.length));
    await s.type(paste);
    const transcript = s.transcript();
    const kept = Math.floor(MAX_PENDING_INPUT / line.length);
    expect(count(transcript, 'command not found')).toBe(kept);
    const dropped = paste.length - kept * line.length;
    expect(s.screen.text()).toContain(
      `bash: ${'z'.repeat(999)}: command not found\nThis paste was too long: the terminal holds at most 1,000,000 characters of input at once, so the last ${dropped.toLocaleString('en-US')} of its ${paste.length.toLocaleString('en-US')} characters were dropped.\nlearner@laptop:~$`,
    );
    expect(await s.run('echo after the cut')).toBe('after the cut\n');
  }, 60_000);

  it('drops the rest of a paste on Ctrl+C, says so, and is at a fresh prompt', async () => {
    const s = startSession();
    s.shell.input(lines(5_000, () => 'nope'));
    s.shell.input('\x03');
    await s.shell.settled();
    const transcript = s.transcript();
    const ran = count(transcript, 'bash: nope: command not found');
    expect(ran).toBeLessThan(5_000);
    expect(transcript).toMatch(/\nlearner@laptop:~\$ \^C\nCtrl\+C dropped the rest of what was pasted \([\d,]+ characters\)\.\nlearner@laptop:~\$ $/);
    expect(await s.run('echo ok')).toBe('ok\n');
  });

  it('Ctrl+C stops a command that does not read input, and the paste waiting behind it is dropped', async () => {
    // A clock that lets the test's keystrokes in between the shell's waits, as wall time does.
    const s = startSession('laptop', 120, { sleep: () => new Promise((resolve) => setImmediate(resolve)) });
    s.shell.input(`ping web\r${lines(100, () => 'echo never')}`);
    while (!s.transcript().includes('icmp_seq=2 ')) await new Promise((resolve) => setImmediate(resolve));
    // ping does not read input: the pasted lines wait, unechoed, for the next prompt.
    expect(s.transcript()).not.toContain('echo never');
    s.shell.input('\x03');
    await s.shell.settled();
    expect(s.transcript()).toMatch(/\^C\nCtrl\+C dropped the rest of what was pasted \(1,100 characters\)\.\n--- web ping statistics ---\n/);
    expect(s.transcript()).not.toContain('never');
    expect(await s.run('echo ok')).toBe('ok\n');
  });
});

describe('the input queue', () => {
  const drain = (queue: InputQueue, max: number) => {
    const pieces: string[] = [];
    for (let piece = queue.peek(max); piece; piece = queue.peek(max)) {
      if (piece.kind !== 'text') throw new Error('no cut expected');
      pieces.push(piece.text);
      queue.take(piece.text.length);
    }
    return pieces;
  };

  it('cuts pieces after line ends, never inside \\r\\n, a key sequence or a surrogate pair', () => {
    const queue = new InputQueue();
    queue.push('ab\r\ncd\x1b[Aef');
    expect(drain(queue, 3)).toEqual(['ab\r\n', 'cd', '\x1b[A', 'ef']);
    queue.push('x😀y');
    expect(drain(queue, 2)).toEqual(['x', '😀', 'y']);
    expect(queue.size).toBe(0);
  });

  it('keeps at most its bound, up to a line end, and marks the cut', () => {
    const queue = new InputQueue(10);
    queue.push('1234\r5678\r9abc\r');
    const first = queue.peek(INPUT_SLICE);
    expect(first).toEqual({ kind: 'text', text: '1234\r5678\r' });
    queue.take(10);
    expect(queue.peek(INPUT_SLICE)).toEqual({ kind: 'cut', reason: 'too-long', received: 15, dropped: 5 });
  });
});

describe('terminal output on its way to the page', () => {
  it('leaves at most once per frame, all of it, in order', () => {
    let clock = 0;
    const timers: { at: number; run: () => void }[] = [];
    const sent: string[] = [];
    const batch = batchOutput((text) => sent.push(text), {
      now: () => clock,
      setTimer: (run, ms) => timers.push({ at: clock + ms, run }),
      clearTimer: () => {},
    });
    const tick = (to: number) => {
      clock = to;
      const due = timers.filter((t) => t.at <= to);
      timers.splice(0, timers.length, ...timers.filter((t) => t.at > to));
      for (const timer of due) timer.run();
    };
    for (let i = 0; i < 1000; i++) batch.write(`${i},`);
    tick(0);
    expect(sent).toHaveLength(1);
    for (let i = 1000; i < 2000; i++) batch.write(`${i},`);
    tick(8);
    expect(sent).toHaveLength(1);
    tick(16);
    expect(sent).toHaveLength(2);
    expect(sent.join('')).toBe(Array.from({ length: 2000 }, (_, i) => `${i},`).join(''));
  });
});
