import { describe, expect, it } from 'vitest';
import { Buffer, EventEmitter, streamModule } from '../../src/lib/netsim/node/libs';

describe('node libs bundle', () => {
  it('gives the npm packages, not Node built-ins', async () => {
    const nodeBuffer = (await import('node:buffer')).Buffer;
    expect(Buffer).not.toBe(nodeBuffer);
    const nodeEvents = (await import('node:events')).EventEmitter;
    expect(EventEmitter).not.toBe(nodeEvents);
    const d = new streamModule.Duplex({ read() {}, write(_c, _e, cb) { cb(); } });
    expect(d).toBeInstanceOf(EventEmitter);
  });
});
