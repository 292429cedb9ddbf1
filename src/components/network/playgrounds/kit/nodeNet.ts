/**
 * The few parts of Node's `net` that the playground's servers use, typed here so that they depend only on
 * the contract netsim's face promises (`process.modules['node:net']` behaves as Node's), not its internals.
 */
export interface ServerSideSocket {
  readonly remoteAddress?: string;
  readonly remotePort?: number;
  /** Chunks are Buffers: bytes that also read as UTF-8 text. */
  on(event: 'data', listener: (chunk: Uint8Array) => void): this;
  on(event: 'end' | 'close', listener: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
  write(data: string | Uint8Array): boolean;
  end(data?: string): this;
}

export interface ListeningServer {
  listen(port: number, host: string, onListening?: () => void): this;
  on(event: 'error', listener: (error: Error) => void): this;
}

export interface NodeNet {
  createServer(onConnection: (socket: ServerSideSocket) => void): ListeningServer;
}

/** Starts listening and resolves once the socket is in LISTEN, or rejects with the error Node would raise. */
export function listen(server: ListeningServer, host: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    server.listen(port, host, () => resolve());
  });
}
