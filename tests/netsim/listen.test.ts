import { describe, expect, it } from 'vitest';
import { lan, program, shape } from './fixtures';

describe('listening and binding', () => {
  it('emits listening asynchronously and reports the address', () => {
    const network = lan();
    const web = program(network, 'web');
    const log: string[] = [];
    const server = web.net.createServer().listen(80, () => log.push('listening'));
    log.push('after listen');
    network.runUntilIdle();
    expect(log).toEqual(['after listen', 'listening']);
    // netsim's hosts are IPv4-only: with no host Node listens on 0.0.0.0 (a dual-stack host would say `::`).
    expect(server.address()).toEqual({ address: '0.0.0.0', family: 'IPv4', port: 80 });
    expect(network.sockets()[0]!.local).toEqual({ ip: '0.0.0.0', port: 80 });
    expect(server.listening).toBe(true);
  });

  it.each([
    ['no host then no host', undefined, undefined, 'listen EADDRINUSE: address already in use 0.0.0.0:80'],
    ['0.0.0.0 then 0.0.0.0', '0.0.0.0', '0.0.0.0', 'listen EADDRINUSE: address already in use 0.0.0.0:80'],
    ['0.0.0.0 then 10.0.0.2', undefined, '10.0.0.2', 'listen EADDRINUSE: address already in use 10.0.0.2:80'],
    ['10.0.0.2 then 0.0.0.0', '10.0.0.2', '0.0.0.0', 'listen EADDRINUSE: address already in use 0.0.0.0:80'],
  ])('refuses a second server on the same port (%s) with EADDRINUSE', (_case, first, second, message) => {
    const network = lan();
    const web = program(network, 'web');
    web.net.createServer().listen(80, first);
    let error: unknown;
    web.net.createServer().listen(80, second).on('error', (e) => (error = e));
    network.runUntilIdle();
    expect(shape(error)).toMatchObject({ code: 'EADDRINUSE', errno: -98, syscall: 'listen', port: 80, message });
  });

  it('lets two servers share a port on two different addresses of one host', () => {
    const network = lan();
    const web = program(network, 'web');
    web.net.createServer().listen(80, '10.0.0.2');
    web.net.createServer().listen(80, '127.0.0.1');
    network.runUntilIdle();
    expect(network.sockets({ host: 'web' }).map((r) => `${r.local.ip}:${r.local.port} ${r.state}`)).toEqual(['10.0.0.2:80 LISTEN', '127.0.0.1:80 LISTEN']);
  });

  it('refuses an address the host does not have with EADDRNOTAVAIL', () => {
    const network = lan();
    let error: unknown;
    program(network, 'web').net.createServer().listen(80, '10.0.0.99').on('error', (e) => (error = e));
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'EADDRNOTAVAIL', errno: -99, syscall: 'listen', address: '10.0.0.99', port: 80, message: 'listen EADDRNOTAVAIL: address not available 10.0.0.99:80' });
  });

  it.each([
    ['a port out of range', () => program(lan(), 'web').net.createServer().listen(70000), 'RangeError', 'ERR_SOCKET_BAD_PORT', 'options.port should be >= 0 and < 65536. Received type number (70000).'],
    ['listening twice', () => { const s = program(lan(), 'web').net.createServer(); s.listen(0); s.listen(0); }, 'Error', 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.'],
    ['connecting to a port out of range', () => program(lan(), 'web').net.connect(70000), 'RangeError', 'ERR_SOCKET_BAD_PORT', 'Port should be >= 0 and < 65536. Received type number (70000).'],
    ['writing a number', () => program(lan(), 'web').net.connect(80).write(5 as never), 'TypeError', 'ERR_INVALID_ARG_TYPE', 'The "chunk" argument must be of type string or an instance of Buffer, TypedArray, or DataView. Received type number (5)'],
    ['connecting without arguments', () => (program(lan(), "web").net.connect as unknown as () => void)(), 'TypeError', 'ERR_MISSING_ARGS', 'The "options" or "port" or "path" argument must be specified'],
  ])('throws as Node does for %s', (_case, act, name, code, message) => {
    let thrown: any;
    try {
      act();
    } catch (e) {
      thrown = e;
    }
    expect({ name: thrown?.name, code: thrown?.code, message: thrown?.message }).toEqual({ name, code, message });
  });

  it('calls close(cb) with ERR_SERVER_NOT_RUNNING when the server was not listening', () => {
    const network = lan();
    let error: any;
    program(network, 'web').net.createServer().close((e) => (error = e));
    network.runUntilIdle();
    expect([error?.code, error?.message]).toEqual(['ERR_SERVER_NOT_RUNNING', 'Server is not running.']);
  });

  it('emits close on the server only once its last connection is destroyed', () => {
    const network = lan();
    const log: string[] = [];
    const server = program(network, 'web').net.createServer((s) => {
      server.close(() => log.push('server close'));
      s.on('close', () => log.push('connection close'));
      s.end();
    }).listen(80);
    program(network, 'laptop').net.connect(80, 'web').resume();
    network.runUntilIdle();
    // Node 22 on Linux: the server's 'close' (a tick after the last socket is destroyed) comes before the
    // socket's own 'close' (when its handle has closed, a turn of the loop later).
    expect(log).toEqual(['server close', 'connection close']);
  });

  it('lists sockets as ss -tuanp does, with owner pid and fd', () => {
    const network = lan();
    const web = program(network, 'web');
    web.net.createServer().listen(80);
    network.runUntilIdle();
    const [row] = network.sockets({ host: 'web' });
    expect(row).toMatchObject({ protocol: 'tcp', state: 'LISTEN', local: { ip: '0.0.0.0', port: 80 }, remote: null, recvQ: 0, sendQ: 511 });
    expect(row!.owner).toEqual({ name: 'node', pid: web.process.pid, fd: 18, runAs: 'root' });
  });

  it('closes the sockets of a process that exits', () => {
    const network = lan();
    const web = program(network, 'web');
    web.net.createServer().listen(80);
    network.runUntilIdle();
    web.process.exit();
    network.runUntilIdle();
    expect(network.sockets()).toEqual([]);
  });

  it('counts connections with getConnections', () => {
    const network = lan();
    const server = program(network, 'web').net.createServer().listen(80);
    const laptop = program(network, 'laptop');
    laptop.net.connect(80, 'web');
    laptop.net.connect(80, 'web');
    network.runUntilIdle({ maxVirtualMs: 10 });
    let count = -1;
    server.getConnections((_e, n) => (count = n));
    network.runUntilIdle({ maxVirtualMs: 10 });
    expect(count).toBe(2);
  });
});
