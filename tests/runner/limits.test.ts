/**
 * Issue 9's floods: a program that goes past a run limit gets a sentence naming the limit and what it did,
 * never the endless-loop message, and the console keeps the crash trace and the driver's lines whatever
 * the learner prints.
 */
import { describe, expect, it } from 'vitest';
import { lines, program, run } from './helpers';

describe('run limits, each in its own words', () => {
  it('100,000 sockets: the run stops at 5,000 and says so', async () => {
    const source = lines("import net from 'node:net';", 'for (let i = 0; i < 100_000; i++) net.connect(9, "127.0.0.1").on("error", () => {});');
    const { record } = await run([program('flood.ts', source)]);
    expect(record.outcome).toBe('limit');
    expect(record.stoppedBy).toBe('limit');
    expect(record.error?.message).toBe('Your programs opened more than 5,000 sockets; a run may open 5,000. Close sockets you are done with, or open fewer.');
  });

  it('a program that catches the limit error still stops', async () => {
    const source = lines(
      "import net from 'node:net';",
      'for (let i = 0; i < 100_000; i++) { try { net.connect(9, "127.0.0.1").on("error", () => {}); } catch {} }',
      "setTimeout(() => console.log('still going'), 10);",
    );
    const { record } = await run([program('flood.ts', source)]);
    expect(record.outcome).toBe('limit');
    expect(record.console.map((l) => l.text)).not.toContain('still going');
  });

  it('timers armed without end', async () => {
    const { record } = await run([program('timers.ts', 'for (let i = 0; i < 50_000; i++) setTimeout(() => {}, 60_000);')]);
    expect(record.outcome).toBe('limit');
    expect(record.error?.message).toMatch(/^Your program armed more than 10,000 timers at once/);
  });

  it('writing without waiting for drain, to a peer that does not read', async () => {
    const server = program('server.ts', lines("import net from 'node:net';", 'net.createServer({ pauseOnConnect: true }, () => {}).listen(7);'));
    const client = program(
      'client.ts',
      lines("import net from 'node:net';", "const s = net.connect(7, 'web', () => { const block = Buffer.alloc(1024 * 1024); for (let i = 0; i < 100; i++) s.write(block); });"),
      'laptop',
    );
    const { record } = await run([server, client]);
    expect(record.outcome).toBe('limit');
    expect(record.error).toMatchObject({ file: 'client.ts' });
    expect(record.error?.message).toMatch(/^Your program queued more than 32 MiB on one socket/);
  });

  it('a 2 GB Buffer is refused with a sentence, not a frozen runner', async () => {
    const { record } = await run([program('big.ts', 'const b = Buffer.alloc(2 * 1024 * 1024 * 1024); console.log(b.length);')]);
    expect(record.outcome).toBe('threw');
    expect(record.error?.message).toMatch(/Buffer/);
    expect(record.error?.message).not.toMatch(/endless loop/);
  });
});

describe('the console under a flood', () => {
  it("keeps the crash trace and the driver's lines after the learner's 100,000 lines", async () => {
    const learner = program('chatty.ts', lines("for (let i = 0; i < 100_000; i++) console.log('line', i);", "throw new Error('after the flood');"));
    const driver = program('driver.ts', "setTimeout(() => console.log('driver here'), 2000);", 'laptop', 'driver');
    const { record } = await run([learner, driver]);
    const texts = record.console.map((l) => l.text);
    expect(texts.some((t) => t.includes('after the flood'))).toBe(true);
    expect(texts).toContain('driver here');
    expect(record.consoleDropped).toBeGreaterThan(90_000);
  });

  it('cuts one huge line instead of dropping everything after it', async () => {
    const { record } = await run([program('wide.ts', lines("console.log('x'.repeat(5_000_000));", "console.log('next line');"))]);
    const texts = record.console.map((l) => l.text);
    expect(texts[0]).toMatch(/^x{2000}… \(4,998,000 more characters\)$/);
    expect(texts).toContain('next line');
  });
});
