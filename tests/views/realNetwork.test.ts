/** The views over a trace that real netsim recorded (a small echo scenario), not a hand-written one. */
import { describe, expect, it } from 'vitest';
import { createNetwork } from '../../src/lib/netsim';
import { echoScenario, echoTopology } from './echoScenario';
import { layoutDiagram } from '../../src/lib/views/diagramLayout';
import { packetPath } from '../../src/lib/views/packetPath';
import { packetRows } from '../../src/lib/views/packetRows';
import { SocketReplay, socketsAt } from '../../src/lib/views/socketReplay';
import { lines, program, run } from '../runner/helpers';

async function echoRun() {
  const network = createNetwork(echoTopology);
  await echoScenario(network);
  await network.run({ untilVirtualMs: 60_000 });
  return network;
}

describe('the views over a real netsim echo run', () => {
  it('shows the handshake, the echoed data and the closing as netsim sent them', async () => {
    const network = await echoRun();
    const tcp = packetRows(network.trace()).filter((row) => row.flow.protocol === 'tcp');
    expect(tcp.slice(0, 3).map((row) => [row.label, row.direction])).toEqual([
      ['SYN', 'right'],
      ['SYN-ACK', 'left'],
      ['ACK', 'right'],
    ]);
    expect(tcp.filter((row) => row.name === 'data').map((row) => [row.preview, row.direction, row.detail.split(',')[0]])).toEqual([
      ['hello', 'right', 'seq 1:6'],
      ['hello', 'left', 'seq 1:6'],
    ]);
    expect(tcp.filter((row) => row.name === 'fin').map((row) => row.direction)).toEqual(['right', 'left']);
    expect(tcp[0]!.flow.label).toMatch(/^10\.0\.0\.10:\d+ ↔ 10\.0\.0\.2:7$/);
  });

  it('replays the socket table at each handshake packet, the SYN going from SYN-SENT to the listening door', async () => {
    const network = await echoRun();
    const trace = network.trace();
    const [syn, synAck, ack] = packetRows(trace).filter((row) => row.flow.protocol === 'tcp');
    const states = (index: number) => socketsAt(trace, index).filter((row) => row.protocol === 'tcp').map((row) => `${row.host} ${row.state}`).sort();
    expect(states(syn!.index)).toEqual(['laptop SYN-SENT', 'web LISTEN']);
    expect(states(synAck!.index)).toEqual(['laptop SYN-SENT', 'web LISTEN', 'web SYN-RECEIVED']);
    expect(states(ack!.index)).toContain('laptop ESTABLISHED');

    const atSyn = socketsAt(trace, syn!.index);
    const layout = layoutDiagram(network.hosts(), atSyn);
    const path = packetPath(layout, network.hosts(), atSyn, syn!.src!, syn!.dst!);
    const listener = atSyn.find((row) => row.state === 'LISTEN' && row.protocol === 'tcp')!;
    expect(path?.to).toEqual(layout.anchors[listener.id]);
  });

  it('matches the replayed table to netsim’s own socket table at the end of the run', async () => {
    const network = await echoRun();
    const trace = network.trace();
    const replayed = socketsAt(trace, trace[trace.length - 1]!.index).map((row) => [row.id, row.state, row.local, row.remote]);
    const actual = network.sockets().map((row) => [row.id, row.state, row.local, row.remote]);
    expect(replayed.sort()).toEqual(actual.sort());
  });
});

describe('the diagram of a real echo server run with three clients', () => {
  it('draws the listening socket and one accepted socket per client on port 7, closed, each wired to its client', async () => {
    const net = "import net from 'node:net';";
    const server = program('server.ts', lines(net, "net.createServer((socket) => { socket.on('data', (d) => socket.write(d)); }).listen(7);"));
    const clients = program(
      'clients.ts',
      lines(net, 'for (let i = 1; i <= 3; i++) {', "  const s = net.connect(7, 'web', () => s.write(`hello ${i}`));", "  s.on('data', () => s.end());", '}'),
      'laptop',
      'driver',
    );
    const { record } = await run([server, clients]);
    const replay = new SocketReplay();
    for (const event of record.trace) replay.apply(event);
    const layout = layoutDiagram(record.hosts, record.sockets, { gone: replay.gone() });

    const web = layout.slots.filter((slot) => slot.host === 'web');
    expect(web.map((slot) => [slot.kind, ...slot.lines])).toEqual([
      ['door', 'node (root)', 'tcp :7', 'LISTEN'],
      ['accepted', 'node (root)', 'tcp :7', 'closed'],
      ['accepted', 'node (root)', 'tcp :7', 'closed'],
      ['accepted', 'node (root)', 'tcp :7', 'closed'],
    ]);
    const clientPorts = layout.slots.filter((slot) => slot.host === 'laptop').map((slot) => slot.endpoint.port);
    expect(clientPorts).toHaveLength(3);
    expect(layout.wires).toHaveLength(3);
    for (const wire of layout.wires) {
      const [client, accepted] = wire.socketIds.map((id) => layout.slots.find((slot) => slot.socketId === id));
      expect(client).toMatchObject({ host: 'laptop', kind: 'endpoint', lines: ['kernel', `tcp :${client!.endpoint.port}`, 'TIME-WAIT'] });
      expect(accepted).toMatchObject({ host: 'web', kind: 'accepted', gone: true, door: web[0]!.socketId });
      expect(wire.states).toBe('TIME-WAIT ↔ closed');
      expect(wire.label).toBe(`10.0.0.10:${client!.endpoint.port} ↔ 10.0.0.2:7`);
    }
  });
});
