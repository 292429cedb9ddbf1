/** The reference platform: Node's own `net` and `dgram` on this machine's loopback. */
import * as net from 'node:net';
import * as dgram from 'node:dgram';
import type { Platform } from './platform';

/** Waits for `turns` turns of the event loop (each lets I/O callbacks already queued run). */
function turns(count: number): Promise<void> {
  return count === 0 ? Promise.resolve() : new Promise((resolve) => setImmediate(() => void turns(count - 1).then(resolve)));
}

/**
 * Loopback delivery in Linux happens inside the sending system call, so once a datagram we send to ourselves
 * has come back, every earlier loopback segment is already queued at its socket; two more turns of the loop
 * let Node run the callbacks for them.
 */
async function settle(): Promise<void> {
  const probe = dgram.createSocket('udp4');
  await new Promise<void>((resolve) => probe.bind(0, '127.0.0.1', resolve));
  const echoed = new Promise<void>((resolve) => probe.once('message', () => resolve()));
  probe.send('settle', probe.address().port, '127.0.0.1');
  await echoed;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  await turns(3);
}

export function realPlatform(): Platform {
  const started = performance.now();
  return {
    kind: 'node',
    net,
    dgram,
    timers: {
      setTimeout: (callback, ms) => setTimeout(callback, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      setImmediate: (callback) => setImmediate(callback),
    },
    settle,
    now: () => performance.now() - started,
  };
}
