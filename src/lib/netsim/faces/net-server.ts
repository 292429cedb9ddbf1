/** `net.Server`, as Node's: listen, 'listening', 'connection', close when drained, Node's errors. */
import { ANY, formatIpv4, isIpv4, parseIpv4 } from '../addresses';
import { nodeErrors, systemError } from '../errors';
import type { TcpSocket, TcpUser } from '../tcp';
import type { FaceContext } from './context';
import { EventEmitter } from './events';
import { contextOf, Socket, validatePort, type AddressInfo, type ErrnoException } from './net-socket';

export interface ServerOpts {
  /** Keep accepted sockets writable after their peer ends (default false). */
  allowHalfOpen?: boolean;
  pauseOnConnect?: boolean;
}

/** Who a 'drop' refused, as Node's `net.DropArgument`. */
export interface DropArgument {
  localAddress?: string;
  localPort?: number;
  localFamily?: string;
  remoteAddress?: string;
  remotePort?: number;
  remoteFamily?: string;
}

export interface ListenOptions {
  port?: number;
  host?: string;
  backlog?: number;
}

/** A TCP server, as Node's `net.Server`. Its events are typed by the `Server` interface below it. */
export class Server extends EventEmitter {
  /** Refuse new connections (destroy them at once) beyond this many. */
  maxConnections: number | undefined = undefined;
  #ctx: FaceContext;
  #core: TcpSocket | null = null;
  #connections = 0;
  #allowHalfOpen: boolean;
  #pauseOnConnect: boolean;
  #closing = false;
  /** Listening without a host: Node binds the dual-stack `::`, which netsim models as 0.0.0.0. */
  #anyAddress = false;

  constructor(options?: ServerOpts | ((socket: Socket) => void), connectionListener?: (socket: Socket) => void) {
    super();
    this.#ctx = contextOf(this);
    if (typeof options === 'function') {
      connectionListener = options;
      options = {};
    }
    this.#allowHalfOpen = !!options?.allowHalfOpen;
    this.#pauseOnConnect = !!options?.pauseOnConnect;
    if (connectionListener) this.on('connection', connectionListener);
  }

  /** True while the server accepts connections. */
  get listening(): boolean {
    return this.#core !== null;
  }

  /**
   * Starts accepting connections: `listen(port, host?, backlog?, cb?)` or `listen({ port, host }, cb?)`.
   * Without a host, every address of the host (0.0.0.0). Port 0 or none: the OS picks a free one.
   */
  listen(port?: number, host?: string, backlog?: number, listeningListener?: () => void): this;
  listen(port?: number, host?: string, listeningListener?: () => void): this;
  listen(port?: number, listeningListener?: () => void): this;
  listen(options: ListenOptions, listeningListener?: () => void): this;
  listen(listeningListener?: () => void): this;
  listen(...args: unknown[]): this {
    let options: ListenOptions = {};
    let callback: unknown;
    if (args[0] !== null && typeof args[0] === 'object') {
      options = args[0] as ListenOptions;
      callback = args[1];
    } else {
      const rest = [...args];
      if (typeof rest[rest.length - 1] === 'function') callback = rest.pop();
      if (rest[0] !== undefined && rest[0] !== null) options.port = rest[0] as number;
      if (typeof rest[1] === 'string') options.host = rest[1];
      if (typeof rest[1] === 'number') options.backlog = rest[1];
      if (typeof rest[2] === 'number') options.backlog = rest[2];
    }
    const port = options.port === undefined ? 0 : validatePort(options.port, 'options.port');
    if (this.#core) throw nodeErrors.serverAlreadyListen();
    if (typeof callback === 'function') this.once('listening', callback as () => void);
    const hostText = options.host ?? '0.0.0.0';
    const found = this.#ctx.lookup(hostText);
    if ('error' in found) {
      this.#ctx.tick(raiseServerError, { server: this, error: found.error });
      return this;
    }
    const core = this.#ctx.stack.newTcpSocket(this.#ctx.host, this.#ctx.process);
    const failure = core.bind(found.ip, port) ?? core.listen(options.backlog ?? 511);
    if (failure) {
      core.close();
      // Without a host Node binds `::`; a bind() that fails at once (EACCES) makes it retry 0.0.0.0, which then
      // names the error. EADDRINUSE only shows at listen() (libuv delays it), so it names `::`.
      const shown = options.host === undefined && failure !== 'EACCES' ? '::' : found.ip === ANY ? '0.0.0.0' : formatIpv4(found.ip);
      this.#ctx.tick(raiseServerError, { server: this, error: systemError(failure, 'listen', shown, port) });
      return this;
    }
    this.#core = core;
    this.#anyAddress = options.host === undefined;
    this.#closing = false;
    core.user = this.#listenerUser;
    this.#ctx.process.onExit.add(this.#onExit);
    this.#ctx.tick(emitListening, this);
    return this;
  }

  readonly #onExit = (): void => {
    this.#core?.close();
    this.#core = null;
  };

  /** The kernel's view of a listener: it only hears about new connections. */
  readonly #listenerUser: TcpUser = {
    connected: () => {},
    data: () => {},
    ended: () => {},
    roomToSend: () => {},
    failed: () => {},
    incoming: (child: TcpSocket) => this.#accept(child),
  };

  #accept(child: TcpSocket): void {
    const core = this.#core;
    if (!core) return;
    core.accept();
    child.adopt(this.#ctx.process);
    this.#ctx.enter();
    const SocketClass = (this.constructor as unknown as { SocketClass: typeof Socket }).SocketClass;
    const socket = SocketClass.accepted(child, this.#allowHalfOpen);
    if (this.maxConnections !== undefined && this.#connections >= this.maxConnections) {
      this.emit('drop', {
        localAddress: socket.localAddress,
        localPort: socket.localPort,
        localFamily: 'IPv4',
        remoteAddress: socket.remoteAddress,
        remotePort: socket.remotePort,
        remoteFamily: 'IPv4',
      });
      socket.destroy();
      return;
    }
    this.#connections++;
    socket.onClose = () => {
      this.#connections--;
      this.#emitCloseIfDrained();
    };
    if (this.#pauseOnConnect) socket.pause();
    this.emit('connection', socket);
  }

  /** The listening address: `{ address, family: 'IPv4', port }`, or null when not listening. */
  address(): AddressInfo | { address: '::'; family: 'IPv6'; port: number } | null {
    if (!this.#core) return null;
    if (this.#anyAddress) return { address: '::', family: 'IPv6', port: this.#core.localPort };
    return { address: formatIpv4(this.#core.localIp), family: 'IPv4', port: this.#core.localPort };
  }

  /**
   * Stops accepting new connections; 'close' is emitted once every open connection has ended.
   * `callback` gets ERR_SERVER_NOT_RUNNING if the server was not listening.
   */
  close(callback?: (error?: Error) => void): this {
    if (typeof callback === 'function') {
      if (!this.#core) this.once('close', () => callback(nodeErrors.serverNotRunning()));
      else this.once('close', callback);
    }
    if (this.#core) {
      this.#ctx.process.onExit.delete(this.#onExit);
      this.#core.close();
      this.#core = null;
    }
    this.#closing = true;
    this.#emitCloseIfDrained();
    return this;
  }

  #emitCloseIfDrained(): void {
    if (this.#core || !this.#closing || this.#connections > 0) return;
    this.#closing = false;
    this.#ctx.tick(emitServerClose, this);
  }

  /** Calls back with the number of open connections. */
  getConnections(callback: (error: Error | null, count: number) => void): this {
    this.#ctx.tick(() => callback(null, this.#connections), undefined);
    return this;
  }

  ref(): this {
    return this;
  }

  unref(): this {
    return this;
  }

  /** @internal */
  static raise(server: Server, error: Error): void {
    server.#ctx.raise(server, error, null);
  }
}

/** The events a Server emits and what their listeners receive, as in Node's typings (only types, as Socket's). */
export interface Server {
  /** `'close'`: the server closed: `close()` was called and every connection has ended. */
  on(event: 'close', listener: () => void): this;
  /** `'connection'`: a client connected; `socket` is the new connection, ready to read and write. */
  on(event: 'connection', listener: (socket: Socket) => void): this;
  /** `'drop'`: a connection was refused because `maxConnections` was reached; `data` says whose. */
  on(event: 'drop', listener: (data?: DropArgument) => void): this;
  /**
   * `'error'`: listening failed; `err.code` says why (EADDRINUSE: another socket has the port). Without an 'error'
   * listener, the program crashes with it.
   */
  on(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'listening'`: the server is listening: `server.address()` now gives its port. */
  on(event: 'listening', listener: () => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  on(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** `'close'`: the server closed: `close()` was called and every connection has ended. */
  once(event: 'close', listener: () => void): this;
  /** `'connection'`: a client connected; `socket` is the new connection, ready to read and write. */
  once(event: 'connection', listener: (socket: Socket) => void): this;
  /** `'drop'`: a connection was refused because `maxConnections` was reached; `data` says whose. */
  once(event: 'drop', listener: (data?: DropArgument) => void): this;
  /**
   * `'error'`: listening failed; `err.code` says why (EADDRINUSE: another socket has the port). Without an 'error'
   * listener, the program crashes with it.
   */
  once(event: 'error', listener: (err: ErrnoException) => void): this;
  /** `'listening'`: the server is listening: `server.address()` now gives its port. */
  once(event: 'listening', listener: () => void): this;
  /** Any other event: the listener's arguments are untyped (`any`). A misspelt event name lands here too. */
  once(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** Same as `on`. */
  addListener(event: 'close', listener: () => void): this;
  addListener(event: 'connection', listener: (socket: Socket) => void): this;
  addListener(event: 'drop', listener: (data?: DropArgument) => void): this;
  addListener(event: 'error', listener: (err: ErrnoException) => void): this;
  addListener(event: 'listening', listener: () => void): this;
  addListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `on`, but the listener runs before those already added. */
  prependListener(event: 'close', listener: () => void): this;
  prependListener(event: 'connection', listener: (socket: Socket) => void): this;
  prependListener(event: 'drop', listener: (data?: DropArgument) => void): this;
  prependListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependListener(event: 'listening', listener: () => void): this;
  prependListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
  /** As `once`, but the listener runs before those already added. */
  prependOnceListener(event: 'close', listener: () => void): this;
  prependOnceListener(event: 'connection', listener: (socket: Socket) => void): this;
  prependOnceListener(event: 'drop', listener: (data?: DropArgument) => void): this;
  prependOnceListener(event: 'error', listener: (err: ErrnoException) => void): this;
  prependOnceListener(event: 'listening', listener: () => void): this;
  prependOnceListener(event: string | symbol, listener: (...args: any[]) => unknown): this;
}


function raiseServerError(arg: { server: Server; error: Error }): void {
  Server.raise(arg.server, arg.error);
}
function emitListening(server: Server): void {
  if (server.listening) server.emit('listening');
}
function emitServerClose(server: Server): void {
  server.emit('close');
}

export { isIpv4, parseIpv4 };
