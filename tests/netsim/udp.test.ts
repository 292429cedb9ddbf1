import { describe, expect, it } from 'vitest';
import { lan, program, shape } from './fixtures';

describe('UDP', () => {
  it('delivers a datagram with rinfo to the socket bound to its port', () => {
    const network = lan();
    const web = program(network, 'web');
    const got: unknown[] = [];
    const server = web.dgram.createSocket('udp4');
    server.on('message', (msg, rinfo) => got.push([msg.toString(), rinfo]));
    server.bind(53);
    const client = program(network, 'laptop').dgram.createSocket('udp4');
    client.send('query', 53, '10.0.0.2');
    network.runUntilIdle();
    const clientPort = client.address().port;
    expect(got).toEqual([['query', { address: '10.0.0.10', family: 'IPv4', port: clientPort, size: 5 }]]);
    expect(clientPort >= 32768 && clientPort <= 60999).toBe(true);
  });

  it('answers a datagram to a closed port with ICMP port unreachable, and tells an unconnected sender nothing', () => {
    const network = lan();
    const client = program(network, 'laptop').dgram.createSocket('udp4');
    let sendResult: unknown = 'not called';
    const errors: unknown[] = [];
    client.on('error', (e) => errors.push(e));
    client.send('x', 9, '10.0.0.2', (e: Error | null) => (sendResult = e));
    network.runUntilIdle();
    expect(sendResult).toBe(null);
    expect(errors).toEqual([]);
    expect(network.trace().filter((e) => e.kind === 'icmp').map((e) => e.kind === 'icmp' && [e.type, e.detail])).toEqual([['port-unreachable', 9]]);
  });

  it('gives a connected socket ECONNREFUSED (recvmsg) after ICMP port unreachable', () => {
    const network = lan();
    const client = program(network, 'laptop').dgram.createSocket('udp4');
    let error: unknown;
    client.on('error', (e) => (error = e));
    client.connect(9, '10.0.0.2', () => client.send('x'));
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'ECONNREFUSED', errno: -111, syscall: 'recvmsg', message: 'recvmsg ECONNREFUSED' });
  });

  it('refuses a second bind of the same port with EADDRINUSE', () => {
    const network = lan();
    const web = program(network, 'web');
    web.dgram.createSocket('udp4').bind(53);
    let error: unknown;
    web.dgram.createSocket('udp4').on('error', (e) => (error = e)).bind(53);
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'EADDRINUSE', errno: -98, syscall: 'bind', address: '0.0.0.0', port: 53, message: 'bind EADDRINUSE 0.0.0.0:53' });
  });

  it.each([
    ['an unknown socket type', (d: any) => d.createSocket('udp5'), 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6'],
    ['a port out of range', (d: any) => d.createSocket('udp4').send('x', 70000, '127.0.0.1'), 'ERR_SOCKET_BAD_PORT', 'Port should be > 0 and < 65536. Received type number (70000).'],
    ['sending on a closed socket', (d: any) => { const s = d.createSocket('udp4'); s.close(); s.send('x', 1, '127.0.0.1'); }, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running'],
  ])('throws as Node does for %s', (_case, act, code, message) => {
    let thrown: any;
    try {
      act(program(lan(), 'web').dgram);
    } catch (e) {
      thrown = e;
    }
    expect([thrown?.code, thrown?.message]).toEqual([code, message]);
  });

  it('shows bound sockets as UNCONN in the table', () => {
    const network = lan();
    program(network, 'web').dgram.createSocket('udp4').bind(53);
    network.runUntilIdle();
    expect(network.sockets().map((r) => [r.protocol, r.state, r.local, r.remote])).toEqual([['udp', 'UNCONN', { ip: '0.0.0.0', port: 53 }, null]]);
  });
});
