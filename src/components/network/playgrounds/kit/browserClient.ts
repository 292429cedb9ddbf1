/**
 * A browser that keeps connections open: it opens a few TCP connections to one web server, asks each for a
 * page (HTTP/1.1, so the server keeps the connection), and leaves them open, as a browser with several tabs
 * may. The server's `ss` then shows one accepted socket per connection beside its listening socket.
 */

/** The few parts of Node's `net` a client uses (netsim's face offers them as Node does). */
export interface ClientSocket {
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  once(event: 'connect', listener: () => void): this;
  write(data: string): boolean;
}

export interface ClientNet {
  connect(options: { host: string; port: number }): ClientSocket;
}

/** Resolves once every connection has had its first answer; rejects with the first connection's error. */
export function startBrowser(net: ClientNet, host: string, port: number, connections: number): Promise<void> {
  const opened = Array.from({ length: connections }, () => new Promise<void>((resolve, reject) => {
    const socket = net.connect({ host, port });
    socket.on('error', reject);
    socket.once('connect', () => socket.write(`GET / HTTP/1.1\r\nHost: ${host}${port === 80 ? '' : `:${port}`}\r\nUser-Agent: browser\r\n\r\n`));
    socket.on('data', () => resolve());
  }));
  return Promise.all(opened).then(() => undefined);
}
