/**
 * The worker's message loop, driven over a MessageChannel as the page drives it: runs in order, one `done`
 * per run, and the terminal talking to the network the last run left behind.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { RunnerEvent, RunRecord } from '../../src/lib/runner/protocol';
import { serve } from '../../src/lib/runner/worker-entry';
import { lines, program, request } from './helpers';

const channels: MessageChannel[] = [];
afterEach(() => channels.splice(0).forEach((c) => (c.port1.close(), c.port2.close())));

function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  serve(channel.port1);
  const events: RunnerEvent[] = [];
  const waiters: { match: (e: RunnerEvent) => boolean; resolve: (e: RunnerEvent) => void }[] = [];
  channel.port2.addEventListener('message', (message: MessageEvent) => {
    const event = message.data as RunnerEvent;
    events.push(event);
    for (const waiter of waiters.splice(0)) {
      if (waiter.match(event)) waiter.resolve(event);
      else waiters.push(waiter);
    }
  });
  channel.port2.start();
  const next = (match: (e: RunnerEvent) => boolean) => new Promise<RunnerEvent>((resolve) => waiters.push({ match, resolve }));
  return { port: channel.port2, events, next };
}

const server = program('server.ts', lines("import net from 'node:net';", "net.createServer((s) => s.end('hello from web\\n')).listen(80);"));

describe('the runner worker', () => {
  it('runs requests in the order sent and answers each with one done', async () => {
    const { port, events, next } = connect();
    const second = next((e) => e.type === 'done' && e.runId === 2);
    port.postMessage(request([server], { runId: 1 }));
    port.postMessage(request([program('server.ts', "console.log('second');")], { runId: 2 }));
    const done = (await second) as { record: RunRecord };
    expect(done.record.console.map((l) => l.text)).toEqual(['second']);
    expect(events.filter((e) => e.type === 'done').map((e) => (e as { runId: number }).runId)).toEqual([1, 2]);
  });

  it('answers a warm-up run with one `warmed` and nothing else, and leaves no network for a terminal', async () => {
    const { port, events, next } = connect();
    const chatty = program('server.ts', lines(server.source, "console.log('up');"));
    const warmed = next((e) => e.type === 'warmed');
    port.postMessage(request([chatty], { runId: 7, warmUp: true }));
    expect(await warmed).toEqual({ type: 'warmed', runId: 7 });
    port.postMessage({ type: 'terminal', runNumber: 1 });
    // A real run after it answers as usual: its events, then done.
    const done = next((e) => e.type === 'done');
    port.postMessage(request([chatty], { runId: 8 }));
    await done;
    expect(events.filter((e) => 'runId' in e && e.runId === 7)).toEqual([{ type: 'warmed', runId: 7 }]);
    expect(events.some((e) => e.type === 'shell-output'), 'no terminal on a warm-up network').toBe(false);
    expect(events.some((e) => e.type === 'console' && e.runId === 8)).toBe(true);
  });

  it('compiles a draft sent ahead without a word and without running it; the run of that text is as usual', async () => {
    const { port, events, next } = connect();
    const chatty = program('server.ts', lines(server.source, "console.log('up');"));
    port.postMessage({ type: 'compile', programs: [{ file: chatty.file, source: chatty.source }] });
    port.postMessage({ type: 'compile', programs: 'not a list' });
    const done = next((e) => e.type === 'done');
    port.postMessage(request([chatty], { runId: 3 }));
    const { record } = (await done) as { record: RunRecord };
    expect(events.filter((e) => e.type !== 'ready').every((e) => 'runId' in e && e.runId === 3), 'nothing but the run answers').toBe(true);
    expect(record.outcome).toBe('finished');
    expect(record.console.map((l) => l.text)).toEqual(['up']);
  });

  it('opens a terminal on the network after the run: a shell on the last program host that reaches the server', async () => {
    const { port, next, events } = connect();
    const done = next((e) => e.type === 'done');
    port.postMessage(request([server], { terminalHost: 'laptop' }));
    await done;
    expect(events.some((e) => e.type === 'shell-output'), 'no terminal before the page asks for one').toBe(false);
    port.postMessage({ type: 'terminal', runNumber: 1 });
    await next((e) => e.type === 'shell-output' && e.data.includes('laptop'));
    port.postMessage({ type: 'shell-input', data: 'nc web 80\r' });
    await next((e) => e.type === 'shell-output' && e.data.includes('hello from web'));
    const output = events.flatMap((e) => (e.type === 'shell-output' ? [e.data] : [])).join('');
    expect(output).toContain('learner@laptop');
    expect(output).toContain('hello from web');
  });

  it('replaces the terminal’s network on the next run, and says so before the new prompt', async () => {
    const { port, next, events } = connect();
    const echo = program('server.ts', lines("import net from 'node:net';", 'net.createServer((s) => s.pipe(s)).listen(7);'));
    const shellText = () => events.flatMap((e) => (e.type === 'shell-output' ? [e.data] : [])).join('');
    port.postMessage(request([echo], { runId: 1, terminalHost: 'laptop' }));
    port.postMessage({ type: 'terminal', runNumber: 1 });
    await next((e) => e.type === 'shell-output' && e.data.includes('learner@laptop'));
    expect(shellText()).toContain('Your run left this network up');
    // A connection from the terminal into the first network, left open.
    port.postMessage({ type: 'shell-input', data: 'nc web 7\rstill here\r' });
    await next((e) => e.type === 'shell-output' && shellText().split('still here').length - 1 >= 2);

    // A grading's further seeds: runs 2 and 3 in the same worker; the terminal comes after the last.
    port.postMessage(request([echo], { runId: 2, terminalHost: 'laptop' }));
    port.postMessage(request([echo], { runId: 3, terminalHost: 'laptop' }));
    port.postMessage({ type: 'terminal', runNumber: 2 });
    await next((e) => e.type === 'shell-output' && e.data.includes('learner@laptop'));
    expect(shellText().split('a new network').length - 1, 'one greeting for the grading, not one per seed').toBe(1);
    expect(shellText()).toContain("Run 2: a new network. The last run's servers and connections are gone.");
    const before = shellText().length;
    port.postMessage({ type: 'shell-input', data: 'ss -tn\r' });
    await next((e) => e.type === 'shell-output' && shellText().slice(before).includes('learner@laptop'));
    const listing = shellText().slice(before);
    expect(listing).toContain('State');
    expect(listing).not.toContain('10.0.0.2:7');
  });

  it('takes the network down on reset: the terminal says so and no longer reaches the old server', async () => {
    const { port, next, events } = connect();
    const echo = program('server.ts', lines("import net from 'node:net';", 'net.createServer((s) => s.pipe(s)).listen(7);'));
    const shellText = () => events.flatMap((e) => (e.type === 'shell-output' ? [e.data] : [])).join('');
    port.postMessage(request([echo], { runId: 1, terminalHost: 'laptop' }));
    port.postMessage({ type: 'terminal', runNumber: 1 });
    await next((e) => e.type === 'shell-output' && e.data.includes('learner@laptop'));

    port.postMessage({ type: 'reset' });
    await next((e) => e.type === 'network-reset');
    expect(shellText()).toContain("The exercise was reset: the last run's network is gone.");
    const before = shellText().length;
    // The shell went with the network: what is typed now reaches nothing (not even its echo) until the next run.
    port.postMessage({ type: 'shell-input', data: 'nc -zv web 7\r' });
    port.postMessage(request([echo], { runId: 2, terminalHost: 'laptop' }));
    port.postMessage({ type: 'terminal', runNumber: 2 });
    await next((e) => e.type === 'shell-output' && shellText().slice(before).includes('learner@laptop'));
    const afterReset = shellText().slice(before);
    expect(afterReset.indexOf('Run 2: a new network')).toBeGreaterThanOrEqual(0);
    expect(afterReset.slice(0, afterReset.indexOf('Run 2: a new network'))).not.toContain('nc');
  });
});
