import { describe, expect, it } from 'vitest';
import { layoutDiagram } from '../../src/lib/views/diagramLayout';
import { packetEnds, packetPath } from '../../src/lib/views/packetPath';
import { packetRows } from '../../src/lib/views/packetRows';
import { SocketReplay, socketStateAt, socketsAt } from '../../src/lib/views/socketReplay';
import type { TraceEvent } from '../../src/lib/netsim/types';
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

  it('gives the client its own end-point, and the server one accepted socket on the listening port, beside its door', () => {
    const web = layout.slots.filter((slot) => slot.host === 'web');
    expect(web.map((slot) => [slot.kind, slot.lines])).toEqual([
      ['door', ['node (root)', 'tcp :7', 'LISTEN']],
      ['accepted', ['node (root)', 'tcp :7', 'ESTABLISHED']],
      ['door', ['node (root)', 'udp :53', 'UNCONN']],
    ]);
    expect(web[1]).toMatchObject({ socketId: 3, door: 1 });
    expect(web[0]!.accepted).toEqual([3]);
    const endpoints = layout.slots.filter((slot) => slot.kind === 'endpoint');
    expect(endpoints.map((slot) => [slot.host, slot.lines])).toEqual([['laptop', ['node', 'tcp :51234', 'ESTABLISHED']]]);
    // The door and its accepted socket are framed together: one port, two sockets.
    expect(layout.groups).toMatchObject([{ host: 'web', door: 1, caption: 'port 7' }]);
    const [group] = layout.groups;
    for (const slot of web.slice(0, 2)) {
      expect(slot.x).toBeGreaterThanOrEqual(group!.x);
      expect(slot.x + slot.width).toBeLessThanOrEqual(group!.x + group!.width);
    }
  });

  it('draws the connection as one wire from the client’s socket to the accepted socket, labelled client first', () => {
    expect(layout.wires).toHaveLength(1);
    const [wire] = layout.wires;
    expect(wire).toMatchObject({
      label: '10.0.0.10:51234 ↔ 10.0.0.2:7',
      states: 'ESTABLISHED ↔ ESTABLISHED',
      socketIds: [2, 3],
      halfOpen: false,
      closed: false,
    });
    expect(wire!.from).toEqual(layout.anchors[2]);
    expect(wire!.to).toEqual(layout.anchors[3]);
    expect(wire!.to).not.toEqual(layout.anchors[1]);
    expect(wire!.laneY).toBeGreaterThan(layout.hostBottom);
  });

  it('keeps a socket the run closed where it was, drawn as gone, and its wire leads to it', () => {
    const clientOnly = establishedSockets.filter((row) => row.id !== 3);
    const closed = establishedSockets.filter((row) => row.id === 3);
    const gone = layoutDiagram(hosts, clientOnly, { gone: closed });
    expect(gone.slots.find((slot) => slot.socketId === 3)).toMatchObject({ kind: 'accepted', gone: true, lines: ['node (root)', 'tcp :7', 'closed'] });
    expect(gone.wires[0]).toMatchObject({ halfOpen: false, closed: true, socketIds: [2, 3], states: 'ESTABLISHED ↔ closed' });
    expect(gone.wires[0]!.to).toEqual(gone.anchors[3]);
  });

  it('runs a connection not accepted yet to the door that will accept it', () => {
    const clientOnly = establishedSockets.filter((row) => row.id !== 3);
    const [wire] = layoutDiagram(hosts, clientOnly).wires;
    expect(wire).toMatchObject({ halfOpen: true, socketIds: [2, null], states: 'ESTABLISHED ↔ not accepted yet' });
  });

  it('gives every client its own accepted socket on the same port, each wired to its client', () => {
    const clients = [51234, 51235, 51236];
    const sockets = [
      establishedSockets[0]!,
      ...clients.flatMap((port, i) => [
        { ...establishedSockets[2]!, id: 10 + i, local: { ip: '10.0.0.10', port }, remote: { ip: '10.0.0.2', port: 7 } },
        { ...establishedSockets[1]!, id: 20 + i, local: { ip: '10.0.0.2', port: 7 }, remote: { ip: '10.0.0.10', port } },
      ]),
    ];
    const three = layoutDiagram(hosts, sockets);
    const accepted = three.slots.filter((slot) => slot.kind === 'accepted');
    expect(accepted.map((slot) => [slot.socketId, slot.door, slot.lines[1]])).toEqual([
      [20, 1, 'tcp :7'],
      [21, 1, 'tcp :7'],
      [22, 1, 'tcp :7'],
    ]);
    expect(three.wires.map((wire) => wire.socketIds)).toEqual([
      [10, 20],
      [11, 21],
      [12, 22],
    ]);
    expect(new Set(three.wires.map((wire) => `${wire.to.x},${wire.to.y}`)).size).toBe(3);
  });

  it('draws at most the connections asked for, live ones first, and counts the rest', () => {
    const sockets = [establishedSockets[0]!, ...[1, 2, 3].flatMap((i) => [
      { ...establishedSockets[2]!, id: 10 + i, local: { ip: '10.0.0.10', port: 50000 + i }, remote: { ip: '10.0.0.2', port: 7 } },
      { ...establishedSockets[1]!, id: 20 + i, local: { ip: '10.0.0.2', port: 7 }, remote: { ip: '10.0.0.10', port: 50000 + i } },
    ])];
    const gone = sockets.filter((row) => row.id === 11 || row.id === 21);
    const live = sockets.filter((row) => !gone.includes(row));
    const two = layoutDiagram(hosts, live, { gone, maxConnections: 2 });
    expect(two.wires.map((wire) => wire.socketIds)).toEqual([
      [12, 22],
      [13, 23],
    ]);
    expect(two.omittedConnections).toBe(1);
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

describe('laying the diagram out down a phone screen', () => {
  const down = layoutDiagram(hosts, establishedSockets, { orientation: 'down', width: 358 });

  it('stacks the hosts one under the other, as wide as the screen leaves them', () => {
    expect(down.orientation).toBe('down');
    expect(down.width).toBeLessThanOrEqual(358);
    const [laptop, web] = down.hosts;
    expect(laptop!.y + laptop!.height).toBeLessThan(web!.y);
    expect(laptop!.x).toBe(web!.x);
  });

  it('lists each host’s sockets one per row inside it, accepted sockets indented under their door', () => {
    for (const slot of down.slots) {
      const box = down.hosts.find((host) => host.name === slot.host)!;
      expect(slot.x + slot.width).toBeLessThanOrEqual(box.x + box.width);
      expect(slot.y + slot.height).toBeLessThanOrEqual(box.y + box.height);
    }
    const door = down.slots.find((slot) => slot.socketId === 1)!;
    const accepted = down.slots.find((slot) => slot.socketId === 3)!;
    expect(accepted.x).toBeGreaterThan(door.x);
    expect(accepted.y).toBeGreaterThan(door.y);
  });

  it('runs each wire in a lane right of the hosts, from the client’s row to the accepted socket’s row', () => {
    const [wire] = down.wires;
    expect(wire).toMatchObject({ socketIds: [2, 3], from: down.anchors[2], to: down.anchors[3] });
    const right = Math.max(...down.hosts.map((box) => box.x + box.width));
    const laneX = Number(/H ([\d.]+)/.exec(wire!.path)![1]);
    expect(laneX).toBeGreaterThan(right);
    expect(laneX).toBeLessThan(down.width);
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
    expect(layout.wires[0]).toMatchObject({ states: 'SYN-SENT ↔ not accepted yet', halfOpen: true, to: layout.anchors[1] });
    expect(path!.wireKey).toBe(layout.wires[0]!.key);
  });

  it('uses the spare lane below the wires for a packet with no wire (a datagram)', () => {
    const layout = layoutDiagram(hosts, establishedSockets);
    const path = packetPath(layout, hosts, establishedSockets, { ip: '10.0.0.10', port: 40000 }, { ip: '10.0.0.2', port: 53 });
    expect(path).toMatchObject({ wireKey: null, socketIds: [4], lane: layout.lanes });
    expect(path!.labelAt.y).toBeGreaterThan(layout.wires[0]!.laneY);
    expect(path!.labelAt.y).toBeLessThan(layout.height);
  });

  it('follows the connection’s wire once both sockets exist', () => {
    const layout = layoutDiagram(hosts, establishedSockets);
    const path = packetPath(layout, hosts, establishedSockets, { ip: '10.0.0.2', port: 7 }, { ip: '10.0.0.10', port: 51234 });
    expect(path).toMatchObject({ wireKey: layout.wires[0]!.key, socketIds: [3, 2], lane: layout.wires[0]!.lane });
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

  it('remembers the sockets that closed, as they last were, in the order they closed', () => {
    const last = echoTrace[echoTrace.length - 1]!;
    const closing: TraceEvent[] = [
      { kind: 'socket', index: last.index + 1, at: 10, socket: 3, host: 'web', protocol: 'tcp', change: 'state', from: 'LAST-ACK', to: 'CLOSED' },
      { kind: 'socket', index: last.index + 2, at: 70, socket: 2, host: 'laptop', protocol: 'tcp', change: 'state', from: 'TIME-WAIT', to: 'CLOSED' },
    ];
    const replay = new SocketReplay();
    for (const event of [...echoTrace, ...closing]) replay.apply(event);
    expect(replay.gone().map((row) => [row.id, row.host, `${row.local.ip}:${row.local.port}`])).toEqual([
      [3, 'web', '10.0.0.2:7'],
      [2, 'laptop', '10.0.0.10:51234'],
    ]);
    expect(replay.live().map((row) => row.id)).toEqual([1]);
    expect(socketStateAt([...echoTrace, ...closing], last.index + 1).gone.map((row) => row.id)).toEqual([3]);
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
