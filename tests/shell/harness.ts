/** A shell on a fixed two-host network (laptop 10.0.0.10/24, web 10.0.0.2/24), driven like a terminal. */
import type { Socket, Server } from 'node:net';
import { createNetwork } from '../../src/lib/netsim/index';
import type { Network } from '../../src/lib/netsim/api';
import type { RunAs, TopologySpec } from '../../src/lib/netsim/types';
import { createShell, instantClock, stripAnsi, type Shell, type ShellClock } from '../../src/lib/shell/index';
import { Screen } from './screen';

export const TOPOLOGY: TopologySpec = {
  version: 1,
  seed: 7,
  hosts: [
    { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24, mac: '02:00:00:00:00:0a' }] },
    { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24, mac: '02:00:00:00:00:02' }] },
  ],
};

type NetFace = { createServer(listener: (socket: Socket) => void): Server };

export interface Session {
  network: Network;
  shell: Shell;
  screen: Screen;
  /** Everything written so far, colours removed, `\r\n` as `\n`. */
  transcript(): string;
  /** Types a command and Enter, waits until the shell settles, returns what it printed (no echo, no prompt). */
  run(line: string): Promise<string>;
  /** Types raw keys, waits until the shell settles, returns what appeared. */
  type(keys: string): Promise<string>;
  /** A Node-style server on a host, run by root unless `runAs` says `user`: `serve('web', 80, (socket) => …)`. */
  serve(host: string, port: number, onConnection: (socket: Socket) => void, address?: string, runAs?: RunAs): Promise<void>;
}

const clean = (text: string) => stripAnsi(text).replace(/\r\n/g, '\n');

export function startSession(host = 'laptop', cols = 120, clock: ShellClock = instantClock, topology: TopologySpec = TOPOLOGY): Session {
  const network = createNetwork(topology);
  const screen = new Screen(cols);
  let raw = '';
  const shell = createShell({
    network,
    host,
    cols,
    clock,
    write: (ansi) => {
      raw += ansi;
      screen.write(ansi);
    },
  });
  shell.prompt();
  const type = async (keys: string) => {
    const start = raw.length;
    shell.input(keys);
    await shell.settled();
    return clean(raw.slice(start));
  };
  return {
    network,
    shell,
    screen,
    transcript: () => clean(raw),
    type,
    async run(line) {
      const printed = await type(`${line}\r`);
      // Drop the echoed command line and the next prompt.
      const body = printed.slice(printed.indexOf('\n') + 1);
      const prompt = /learner@[a-z0-9-]+:~\$ $/.exec(body);
      return prompt ? body.slice(0, prompt.index) : body;
    },
    async serve(onHost, port, onConnection, address, runAs = 'root') {
      const process = network.spawn(onHost, 'node', { runAs });
      const net = process.modules['node:net'] as NetFace;
      const server = net.createServer(onConnection);
      if (address) server.listen(port, address);
      else server.listen(port);
      await network.run();
    },
  };
}

/** An echo server (answers what it receives), as web runs on port 7 in the reference capture. */
export const echo = (socket: Socket) => {
  socket.on('data', (data) => socket.write(data));
  socket.on('end', () => socket.end());
};

/** The tiny HTTP server of the reference capture: one page, then it closes. */
export const httpHello = (socket: Socket) => {
  socket.on('data', () => {
    socket.end('HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 24\r\nConnection: close\r\n\r\n<h1>hello from web</h1>\n');
  });
};
