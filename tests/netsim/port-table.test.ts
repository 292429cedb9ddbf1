import { describe, expect, it } from 'vitest';
import { PortTable, type PortHolder } from '../../src/lib/netsim/ports';

const connection = (localIp: number, localPort: number, remoteIp: number, remotePort: number): PortHolder => ({ localIp, localPort, remoteIp, remotePort });

describe('PortTable: finding the connection a segment belongs to', () => {
  const SERVER = 0x0a000001; // 10.0.0.1
  const ALICE = 0x0a000002;
  const BOB = 0x0a000003;

  it('tells apart two clients that picked the same ephemeral port, by their address', () => {
    const table = new PortTable<PortHolder>();
    const fromAlice = connection(SERVER, 80, ALICE, 40000);
    const fromBob = connection(SERVER, 80, BOB, 40000);
    table.connect(fromAlice);
    table.connect(fromBob);
    expect(table.connectedFor(SERVER, 80, ALICE, 40000)).toBe(fromAlice);
    expect(table.connectedFor(SERVER, 80, BOB, 40000)).toBe(fromBob);
    expect(table.connectedFor(SERVER, 80, 0x0a000004, 40000)).toBeUndefined();

    table.disconnect(fromAlice);
    expect(table.connectedFor(SERVER, 80, ALICE, 40000)).toBeUndefined();
    expect(table.connectedFor(SERVER, 80, BOB, 40000)).toBe(fromBob);
    table.disconnect(fromBob);
    expect(table.connectedFor(SERVER, 80, BOB, 40000)).toBeUndefined();
  });

  it('finds nothing for a local address the connection does not use', () => {
    const table = new PortTable<PortHolder>();
    table.connect(connection(SERVER, 80, ALICE, 40000));
    expect(table.connectedFor(0x7f000001, 80, ALICE, 40000)).toBeUndefined();
  });
});
