/**
 * Ports below 1024 are privileged, as on Linux (`net.ipv4.ip_unprivileged_port_start` = 1024): a program
 * running as a normal user gets EACCES from bind(), whichever face asked; root may bind any port.
 */
import { describe, expect, it } from 'vitest';
import { lan, program, shape } from './fixtures';

describe('privileged ports', () => {
  it.each([
    ['listen(7)', undefined, 'listen EACCES: permission denied 0.0.0.0:7', '0.0.0.0'],
    ["listen(80, '127.0.0.1')", '127.0.0.1', 'listen EACCES: permission denied 127.0.0.1:80', '127.0.0.1'],
  ])("refuses a user's %s with EACCES, as Node reports it", (_case, host, message, address) => {
    const network = lan();
    const web = program(network, 'web', 'node', 'user');
    let error: unknown;
    const port = host === undefined ? 7 : 80;
    const server = web.net.createServer().listen(port, host).on('error', (e) => (error = e));
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'EACCES', errno: -13, syscall: 'listen', address, port, message });
    expect(server.listening).toBe(false);
    expect(network.sockets({ host: 'web' })).toEqual([]);
  });

  it("refuses a user's client that asks for localPort 80 with bind EACCES", () => {
    const network = lan();
    program(network, 'web').net.createServer().listen(9);
    const laptop = program(network, 'laptop', 'node', 'user');
    let error: unknown;
    laptop.net.connect({ host: 'web', port: 9, localPort: 80 }).on('error', (e) => (error = e));
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'EACCES', errno: -13, syscall: 'bind', address: '0.0.0.0', port: 80, message: 'bind EACCES 0.0.0.0:80' });
    expect(network.trace().filter((e) => e.kind === 'tcp')).toEqual([]);
  });

  it("refuses a user's UDP bind to port 53 with bind EACCES", () => {
    const network = lan();
    const web = program(network, 'web', 'node', 'user');
    let error: unknown;
    web.dgram.createSocket('udp4').on('error', (e) => (error = e)).bind(53);
    network.runUntilIdle();
    expect(shape(error)).toEqual({ name: 'Error', code: 'EACCES', errno: -13, syscall: 'bind', address: '0.0.0.0', port: 53, message: 'bind EACCES 0.0.0.0:53' });
  });

  it('lets a user bind 1024 and above, and port 0 (an ephemeral port)', () => {
    const network = lan();
    const web = program(network, 'web', 'node', 'user');
    const server = web.net.createServer().listen(1024);
    const any = web.net.createServer().listen(0);
    network.runUntilIdle();
    expect(server.listening && any.listening).toBe(true);
  });

  it('lets root listen on 7 and shows who each socket runs as in the table', () => {
    const network = lan();
    program(network, 'web', 'echo', 'root').net.createServer().listen(7);
    program(network, 'web', 'node', 'user').net.createServer().listen(7007);
    network.runUntilIdle();
    expect(network.sockets({ host: 'web' }).map((row) => `${row.local.port} ${row.owner?.name} ${row.owner?.runAs}`)).toEqual(['7 echo root', '7007 node user']);
    expect(network.hosts().find((h) => h.name === 'web')!.processes.map((p) => p.runAs)).toEqual(['root', 'user']);
  });

  it("refuses a user's explicit bind with EACCES before looking for a conflict", async () => {
    const network = lan();
    program(network, 'web').net.createServer().listen(80);
    network.runUntilIdle();
    const socket = network.spawn('web', 'nc', { runAs: 'user' }).sockets.socket('tcp');
    await expect(socket.bind('0.0.0.0', 80)).rejects.toMatchObject({ code: 'EACCES', message: 'bind EACCES 0.0.0.0:80' });
  });
});
