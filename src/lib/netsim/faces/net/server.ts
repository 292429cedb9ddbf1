/**
 * `net.Server`, as lib/net.js builds it: bind and listen happen inside `listen()` (after a name lookup when a
 * host is given), 'listening' and errors follow on the next tick, each accepted connection becomes a
 * `net.Socket` of the same process, `close()` stops listening at once and emits 'close' once the last
 * connection is gone. Made once per process, like the socket class.
 *
 * netsim's hosts are IPv4-only: a server without a host listens on 0.0.0.0, as Node does on Linux with
 * IPv6 turned off (a dual-stack host would listen on `::`).
 */
import { ANY, formatIpv4, isIpv4 } from '../../addresses';
import { invalidArgType, invalidArgValue, nodeErrors, systemError } from '../../errors';
import type { TcpSocket, TcpUser } from '../../tcp';
import { EventEmitter, streamModule } from '../../node/libs';
import { named } from '../named';
import type { FaceContext, Hold } from '../context';
import { validatePort } from './args';
import type { defineSocket, NetSocket, SocketConstructorOpts } from './socket';

export interface ServerOpts {
  /** Keep accepted sockets writable after their peer ends (default false). */
  allowHalfOpen?: boolean;
  /** Accepted sockets start paused: nothing is read until `resume()`. */
  pauseOnConnect?: boolean;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  highWaterMark?: number;
}

export interface ListenOptions {
  port?: number | string | null;
  host?: string;
  backlog?: number;
  exclusive?: boolean;
  path?: string;
}

interface ServerAddress {
  address: string;
  family: 'IPv4';
  port: number;
}

export type ServerClass = ReturnType<typeof defineServer>;

const NO_OP = (): void => {};

/** `Number(x)` when it is a non-negative number, else false (Node's toNumber for listen's arguments). */
function toNumber(value: unknown): number | false {
  const n = Number(value);
  return n >= 0 ? n : false;
}

export function defineServer(ctx: FaceContext, sockets: ReturnType<typeof defineSocket>) {
  class Server extends EventEmitter {
    /** Refuse (drop) new connections beyond this many. */
    maxConnections: number | undefined = undefined;
    readonly allowHalfOpen: boolean;
    readonly pauseOnConnect: boolean;
    readonly highWaterMark: number;
    #core: TcpSocket | null = null;
    #connections = 0;
    #listeningId = 1;

    constructor(options?: ServerOpts | ((socket: NetSocket) => void) | null, connectionListener?: (socket: NetSocket) => void) {
      super();
      if (typeof options === 'function') {
        this.on('connection', options);
        options = {};
      } else if (options === undefined || options === null || typeof options === 'object') {
        options = { ...options };
        if (typeof connectionListener === 'function') this.on('connection', connectionListener);
      } else {
        throw invalidArgType('options', 'of type object', options);
      }
      this.allowHalfOpen = !!options.allowHalfOpen;
      this.pauseOnConnect = !!options.pauseOnConnect;
      // As Node: a number, a negative one meaning the default; the default is the process's stream default.
      let highWaterMark = options.highWaterMark;
      if (highWaterMark !== undefined) {
        if (typeof highWaterMark !== 'number') throw invalidArgType('options.highWaterMark', 'of type number', highWaterMark);
        if (highWaterMark < 0) highWaterMark = streamModule.getDefaultHighWaterMark(false);
      }
      this.highWaterMark = highWaterMark ?? streamModule.getDefaultHighWaterMark(false);
    }

    /** True while the server accepts connections. */
    get listening(): boolean {
      return this.#core !== null;
    }

    /**
     * Starts accepting connections: `listen(port?, host?, backlog?, cb?)` or `listen({ port, host }, cb?)`.
     * Without a host: every address of the host (0.0.0.0). Port 0 or none: the OS picks a free one.
     */
    listen(...args: unknown[]): this {
      const [first] = args;
      let options: ListenOptions = {};
      if (first !== null && typeof first === 'object') options = first as ListenOptions;
      else if (typeof first === 'string' && toNumber(first) === false) options.path = first;
      else if (args.length > 0) {
        options.port = first as ListenOptions['port'];
        if (args.length > 1 && typeof args[1] === 'string') options.host = args[1];
      }
      const callback = args[args.length - 1];
      if (this.#core) throw nodeErrors.serverAlreadyListen();
      if (typeof callback === 'function') this.once('listening', callback as () => void);
      const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]);
      this.#listeningId++;
      if (args.length === 0 || typeof first === 'function' || (options.port === undefined && 'port' in options) || options.port === null) {
        options = { ...options, port: 0 };
      }
      if (typeof options.port === 'number' || typeof options.port === 'string') {
        const port = validatePort(options.port, 'options.port');
        const backlog = options.backlog || backlogFromArgs || 0;
        if (options.host) this.#lookupAndListen(port, options.host, backlog);
        else this.#setupListenHandle(ANY, port, backlog);
        return this;
      }
      if (options.path !== undefined) throw new Error(`netsim has no Unix domain sockets: listen on a port, not on ${String(options.path)}`);
      if (!('port' in options) && !('path' in options)) throw invalidArgValue('options', options, 'must have the property "port" or "path"');
      throw invalidArgValue('options', options);
    }

    /** A host name or address first goes through the resolver (an IP comes back on the next tick). */
    #lookupAndListen(port: number, host: string, backlog: number): void {
      const listeningId = this.#listeningId;
      const resolved = () => {
        if (listeningId !== this.#listeningId) return;
        const found = ctx.lookup(host);
        if ('error' in found) return void this.emit('error', found.error);
        this.#setupListenHandle(found.ip, port, backlog);
      };
      if (isIpv4(host)) ctx.tick(resolved, undefined);
      else ctx.soon(resolved, undefined);
    }

    #setupListenHandle(ip: number, port: number, backlog: number): void {
      const core = ctx.stack.newTcpSocket(ctx.host, ctx.process);
      const failure = core.bind(ip, port) ?? core.listen(backlog || 511);
      if (failure) {
        core.close();
        const error = systemError(failure, 'listen', ip === ANY ? '0.0.0.0' : formatIpv4(ip), port);
        ctx.recordError(error, core.id);
        ctx.tick(emitError, { server: this, error });
        return;
      }
      this.#core = core;
      core.user = this.#listenerUser;
      ctx.process.onExit.add(this.#onExit);
      this.#hold = ctx.hold();
      if (this.#unreferenced) this.#hold.unref();
      ctx.tick(emitListening, { server: this, listening: () => this.#core !== null });
    }

    readonly #onExit = (): void => {
      this.#core?.close();
      this.#core = null;
    };

    #hold: Hold | null = null;
    #unreferenced = false;

    /** The kernel's view of a listener: it only hears about new connections. */
    readonly #listenerUser: TcpUser = {
      connected: NO_OP,
      data: NO_OP,
      ended: NO_OP,
      roomToSend: NO_OP,
      failed: NO_OP,
      incoming: (child: TcpSocket) => ctx.deliver(Server.#incoming, this, child),
    };

    static #incoming(server: Server, child: TcpSocket): void {
      server.#onConnection(child);
    }

    static {
      sockets.whenAcceptedGone((server) => {
        if (!(#connections in server)) return;
        server.#connections--;
        server.#emitCloseIfDrained();
      });
    }

    /** Node's onconnection: drop beyond maxConnections, else a new socket for 'connection'. */
    #onConnection(child: TcpSocket): void {
      const core = this.#core;
      if (!core) return;
      core.accept();
      ctx.enter();
      if (this.maxConnections != null && this.#connections >= this.maxConnections) {
        this.emit('drop', {
          localAddress: formatIpv4(child.localIp),
          localPort: child.localPort,
          localFamily: 'IPv4',
          remoteAddress: formatIpv4(child.remoteIp),
          remotePort: child.remotePort,
          remoteFamily: 'IPv4',
        });
        child.adopt(ctx.process);
        child.close();
        return;
      }
      const options: SocketConstructorOpts & { pauseOnCreate: boolean } = {
        allowHalfOpen: this.allowHalfOpen,
        pauseOnCreate: this.pauseOnConnect,
        readableHighWaterMark: this.highWaterMark,
        writableHighWaterMark: this.highWaterMark,
      };
      const socket = sockets.accept(child, options, this);
      this.#connections++;
      socket.server = this;
      this.emit('connection', socket);
    }

    /** The listening address `{ address, family, port }`, or null when not listening. */
    address(): ServerAddress | null {
      const core = this.#core;
      if (!core) return null;
      return { address: formatIpv4(core.localIp), family: 'IPv4', port: core.localPort };
    }

    /**
     * Stops accepting connections now; 'close' follows once every open connection has ended. `callback`
     * gets ERR_SERVER_NOT_RUNNING if the server was not listening.
     */
    close(callback?: (error?: Error) => void): this {
      this.#listeningId++;
      if (typeof callback === 'function') {
        if (!this.#core) this.once('close', () => callback(nodeErrors.serverNotRunning()));
        else this.once('close', callback);
      }
      if (this.#core) {
        ctx.process.onExit.delete(this.#onExit);
        this.#core.close();
        this.#core = null;
        this.#hold?.release();
        this.#hold = null;
      }
      this.#emitCloseIfDrained();
      return this;
    }

    #emitCloseIfDrained(): void {
      if (this.#core || this.#connections) return;
      ctx.tick(emitClose, this);
    }

    /** Calls back (next tick) with the number of open connections. */
    getConnections(callback: (error: Error | null, count: number) => void): this {
      const count = this.#connections;
      ctx.tick(() => callback(null, count), undefined);
      return this;
    }

    /** Keeps the program running while the server listens (the default). */
    ref(): this {
      this.#unreferenced = false;
      this.#hold?.ref();
      return this;
    }

    /** Lets the program end even while the server listens. */
    unref(): this {
      this.#unreferenced = true;
      this.#hold?.unref();
      return this;
    }
  }
  named(Server, 'Server');

  function emitError(arg: { server: Server; error: Error }): void {
    arg.server.emit('error', arg.error);
  }
  function emitListening(arg: { server: Server; listening: () => boolean }): void {
    if (arg.listening()) arg.server.emit('listening');
  }
  function emitClose(server: Server): void {
    server.emit('close');
  }

  return Server;
}

