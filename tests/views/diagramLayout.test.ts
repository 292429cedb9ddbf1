import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/lib/views/diagramLayout';
import { packetEnds, packetPath } from '../../src/lib/views/packetPath';
import { packetRows } from '../../src/lib/views/packetRows';
import { socketsAt } from '../../src/lib/views/socketReplay';
import { socketTableRows } from '../../src/lib/views/socketTable';
import { echoTrace, establishedSockets, hosts } from './fixtures';

describe('laying out the network diagram', () => {
  const layout = layoutDiagram(hosts, establishedSockets);

  it('gives the same picture for the same network, whatever order the sockets come in', () => {
    expect(layoutDiagram(hosts, [...establishedSockets].reverse())).toEqual(layout);
  });

  it('places the hosts side by side in topology order, with their NICs, loopback last', () => {
    expect(layout.hosts.map((box) => box.name)).toEqual(['laptop', 'web']);
    expect(layout.hosts[0]!.x + layout.hosts[0]!.width).toBeLessThan(layout.hosts[1]!.x);
    expect(layout.hosts[1]!.nics.map((nic) => nic.text)).toEqual(['eth0 10.0.0.2/24', 'lo 127.0.0.1/8']);
  });

  it('draws each listening port as a door labelled with its program and port', () => {
    const doors = layout.slots.filter((slot) => slot.kind === 'door');
    expect(doors.map((door) => [door.host, door.lines])).toEqual([
      ['web', ['node (root)', 'tcp :7', 'LISTEN']],
      ['web', ['node (root)', 'udp :53', 'UNCONN']],
    ]);
  });

  it('gives the client its own end-point, and lets the accepted socket arrive at the server’s door', () => {
    const endpoints = layout.slots.filter((slot) => slot.kind === 'endpoint');
    expect(endpoints.map((slot) => [slot.host, slot.lines])).toEqual([['laptop', ['node', 'tcp :51234', 'ESTABLISHED']]]);
    expect(layout.slots.find((slot) => slot.lines[1] === 'tcp :7')!.accepted).toEqual([3]);
  });

  it('draws the connection as one wire between its two end-points, labelled client first', () => {
    expect(layout.wires).toHaveLength(1);
    const [wire] = layout.wires;
    expect(wire).toMatchObject({
      label: '10.0.0.10:51234 ↔ 10.0.0.2:7',
      states: 'ESTABLISHED ↔ ESTABLISHED',
      socketIds: [2, 3],
      halfOpen: false,
    });
    expect(wire!.from).toEqual(layout.anchors[2]);
    expect(wire!.to).toEqual(layout.anchors[3]);
    expect(wire!.laneY).toBeGreaterThan(layout.hostBottom);
  });

  it('draws a connection whose peer socket is gone as half-open, towards the peer’s host', () => {
    const clientOnly = establishedSockets.filter((row) => row.id !== 3);
    const [wire] = layoutDiagram(hosts, clientOnly).wires;
    expect(wire).toMatchObject({ halfOpen: true, socketIds: [2, null], states: 'ESTABLISHED ↔ no socket' });
  });

  it('puts wires that would overlap in different lanes', () => {
    const second = [
      ...establishedSockets,
      { ...establishedSockets[1]!, id: 13, local: { ip: '10.0.0.2', port: 7 }, remote: { ip: '10.0.0.10', port: 51235 } },
      { ...establishedSockets[2]!, id: 12, local: { ip: '10.0.0.10', port: 51235 }, remote: { ip: '10.0.0.2', port: 7 } },
    ];
    const wires = layoutDiagram(hosts, second).wires;
    expect(wires).toHaveLength(2);
    expect(new Set(wires.map((wire) => wire.laneY)).size).toBe(2);
  });

  it('fits every host and wire label inside the picture', () => {
    for (const box of layout.hosts) expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
    for (const wire of layout.wires) expect(wire.laneY).toBeLessThan(layout.height);
  });
});

describe('the path of one packet on the diagram', () => {
  it('runs a SYN from the client end-point to the listening door before any socket is accepted', () => {
    const atSyn = socketsAt(echoTrace, 5);
    const layout = layoutDiagram(hosts, atSyn);
    const path = packetPath(layout, hosts, atSyn, { ip: '10.0.0.10', port: 51234 }, { ip: '10.0.0.2', port: 7 });
    expect(path).not.toBeNull();
    expect(path!.socketIds).toEqual([2, 1]);
    expect(path!.to).toEqual(layout.anchors[1]);
    // The half-open wire of the SYN-SENT socket already leads to the door.
    expect(layout.wires[0]).toMatchObject({ states: 'SYN-SENT ↔ no socket', halfOpen: true, to: layout.anchors[1] });
    expect(path!.wireKey).toBe(layout.wires[0]!.key);
  });

  it('uses the spare lane below the wires for a packet with no wire (a datagram)', () => {
    const layout = layoutDiagram(hosts, establishedSockets);
    const path = packetPath(layout, hosts, establishedSockets, { ip: '10.0.0.10', port: 40000 }, { ip: '10.0.0.2', port: 53 });
    expect(path).toMatchObject({ wireKey: null, socketIds: [4] });
    expect(path!.laneY).toBeGreaterThan(layout.wires[0]!.laneY);
    expect(path!.laneY).toBeLessThan(layout.height);
  });

  it('follows the connection’s wire once both sockets exist', () => {
    const layout = layoutDiagram(hosts, establishedSockets);
    const path = packetPath(layout, hosts, establishedSockets, { ip: '10.0.0.2', port: 7 }, { ip: '10.0.0.10', port: 51234 });
    expect(path).toMatchObject({ wireKey: layout.wires[0]!.key, socketIds: [3, 2], laneY: layout.wires[0]!.laneY });
  });
});

describe('replaying the socket table at a moment of the trace', () => {
  const table = (index: number) => socketsAt(echoTrace, index).map((row) => `${row.host} ${row.local.ip}:${row.local.port} ${row.state} ${row.owner ? row.owner.pid : '-'}`);

  it.each([
    [2, ['web 0.0.0.0:7 LISTEN 1001']],
    [5, ['web 0.0.0.0:7 LISTEN 1001', 'laptop 10.0.0.10:51234 SYN-SENT 2001']],
    [9, ['web 0.0.0.0:7 LISTEN 1001', 'laptop 10.0.0.10:51234 ESTABLISHED 2001', 'web 10.0.0.2:7 ESTABLISHED 1001']],
    [14, ['web 0.0.0.0:7 LISTEN 1001', 'laptop 10.0.0.10:51234 FIN-WAIT-1 -', 'web 10.0.0.2:7 ESTABLISHED 1001']],
  ])('after event %i the table is %j', (index, expected) => {
    expect(table(index)).toEqual(expected);
  });
});

it('writes the socket table as ss does, ESTAB and 0.0.0.0:* included', () => {
  expect(socketTableRows(establishedSockets).map((row) => [row.host, row.netid, row.state, row.local, row.peer, row.process])).toEqual([
    ['laptop', 'tcp', 'ESTAB', '10.0.0.10:51234', '10.0.0.2:7', 'node (pid 2001, fd 21, user)'],
    ['web', 'tcp', 'LISTEN', '0.0.0.0:7', '0.0.0.0:*', 'node (pid 1001, fd 22, root)'],
    ['web', 'tcp', 'ESTAB', '10.0.0.2:7', '10.0.0.10:51234', 'node (pid 1001, fd 23, root)'],
    ['web', 'udp', 'UNCONN', '0.0.0.0:53', '0.0.0.0:*', 'node (pid 1001, fd 22, root)'],
  ]);
});

it('lays out an empty network (before the first run) as a small, valid picture', () => {
  const layout = layoutDiagram([], []);
  expect(layout.width).toBeGreaterThan(0);
  expect(layout.height).toBeGreaterThan(0);
  expect([layout.hosts, layout.slots, layout.wires]).toEqual([[], [], []]);
});

describe('drawing packets that have no ports', () => {
  const rows = packetRows(echoTrace);
  const layout = layoutDiagram(hosts, establishedSockets);
  it.each([
    ['ICMP echo request', 'laptop', 'web'],
    ['ICMP echo reply', 'web', 'laptop'],
  ])('draws an %s from host %s to host %s', (label, from, to) => {
    const row = rows.find((r) => r.label === label)!;
    const ends = packetEnds(row, hosts)!;
    const path = packetPath(layout, hosts, establishedSockets, ends.src, ends.dst)!;
    const middle = (name: string) => layout.hosts.find((box) => box.name === name)!;
    expect(path.from.x).toBe(middle(from).x + middle(from).width / 2);
    expect(path.to.x).toBe(middle(to).x + middle(to).width / 2);
    expect(path.socketIds).toEqual([]);
  });
});
