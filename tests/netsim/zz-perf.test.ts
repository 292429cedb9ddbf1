import { it } from 'vitest';
import { lan, program } from './fixtures';
it('perf', () => {
  const network = lan();
  program(network, 'web').net.createServer((s) => s.on('data', (d) => s.write(d))).listen(7);
  const N = 50_000; let n = 0;
  const sock = program(network, 'laptop').net.connect(7, 'web', () => sock.write('ping'));
  sock.on('data', () => { if (++n < N) sock.write('ping'); else sock.end(); });
  const t0 = performance.now(); network.runUntilIdle({ maxVirtualMs: 1e9 }); const t1 = performance.now();
  console.log(`echo: ${n} round trips in ${(t1 - t0).toFixed(0)} ms = ${Math.round(n / ((t1 - t0) / 1000))}/s, trace ${network.trace().length}`);
}, 60000);
