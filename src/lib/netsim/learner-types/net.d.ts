/**
 * TCP: reliable byte streams between two end-points (an IP address and a port each). A server listens on a
 * port; a client connects to it; each side then holds a `Socket`, a Duplex stream: what one side writes,
 * the other reads, in order, with no message boundaries. The hosts here are IPv4-only and have no Unix
 * domain sockets.
 */
import { EventEmitter } from 'node:events';
import * as stream from 'node:stream';

/** An end-point: an IP address, its family and a port. */
export interface AddressInfo {
  /** The IP address, as `'10.0.0.2'` (`'0.0.0.0'` for every address of the host). */
  address: string;
  /** `'IPv4'`: the hosts here have IPv4 addresses only. */
  family: string;
  /** The port number (0–65535). */
  port: number;
}

/** How a `net.Socket` is made (`new net.Socket(options)`). */
export interface SocketConstructorOpts {
  /** Keep the socket writable after the peer ended its side (default false: Node ends yours too). */
  allowHalfOpen?: boolean;
  /** False: the socket starts with its reading side ended. */
  readable?: boolean;
  /** False: the socket starts with its writing side ended. */
  writable?: boolean;
  /** Accepted and ignored: netsim has no Nagle delay to turn off. */
  noDelay?: boolean;
  /** Accepted and ignored: netsim sends no keep-alive probes. */
  keepAlive?: boolean;
  /** Accepted and ignored, as `keepAlive`. */
  keepAliveInitialDelay?: number;
  /** How many bytes to buffer on the reading side (64 KiB). */
  readableHighWaterMark?: number;
  /** How many bytes to buffer before `write()` returns false (64 KiB). */
  writableHighWaterMark?: number;
}

/** Where to connect: `{ port, host }`, optionally from a chosen local address and port. */
export interface TcpSocketConnectOpts {
  /** The server's port. */
  port: number;
  /** The server: a host name (looked up as `/etc/hosts` would) or an IPv4 address. Default `'localhost'`. */
  host?: string;
  /** The local address to connect from (one of this host's addresses); default: the one the route chooses. */
  localAddress?: string;
  /** The local port to connect from; default: a free ephemeral port the kernel picks. */
  localPort?: number;
  /** The address family for the name lookup: 4 or 0 (any). The hosts here are IPv4-only. */
  family?: number;
  /** Accepted and ignored: netsim has no Nagle delay to turn off. */
  noDelay?: boolean;
  /** Accepted and ignored: netsim sends no keep-alive probes. */
  keepAlive?: boolean;
  /** Accepted and ignored, as `keepAlive`. */
  keepAliveInitialDelay?: number;
}

/** The options of `net.connect`: where to connect, how the socket is made, and an idle timeout. */
export interface NetConnectOpts extends TcpSocketConnectOpts, SocketConstructorOpts {
  /** Milliseconds without activity before `'timeout'` (as `socket.setTimeout`). */
  timeout?: number;
}

interface NetSocketEventMap extends stream.DuplexEventMap {
  /**
   * `'close'`: the socket is fully closed (both directions, and the kernel let it go). `hadError` is true if
   * an error closed it. Nothing happens after it.
   */
  close: [hadError: boolean];
  /** `'connect'`: the connection is established (the three-way handshake completed). */
  connect: [];
  /** `'connectionAttempt'`: a connection to `ip`:`port` is being tried. */
  connectionAttempt: [ip: string, port: number, family: number];
  /** `'connectionAttemptFailed'`: the connection to `ip`:`port` failed with `error`. */
  connectionAttemptFailed: [ip: string, port: number, family: number, error: NodeJS.ErrnoException];
  /**
   * `'data'`: bytes arrived, as a Buffer (a string after `setEncoding`: then write `(text: string) => …`). A
   * chunk is not one `write` of the peer: TCP keeps no message boundaries.
   */
  data: [data: Buffer];
  /** `'drain'`: the write buffer emptied: after `write` returned false, write again. */
  drain: [];
  /**
   * `'end'`: the peer ended its side (its FIN arrived): nothing more will be read. Unless `allowHalfOpen`,
   * Node ends your side too.
   */
  end: [];
  /**
   * `'error'`: something failed; `err.code` says what: ECONNREFUSED (nobody listens there), ECONNRESET (the
   * peer reset the connection), ETIMEDOUT (no answer), EHOSTUNREACH, ENETUNREACH, ENOTFOUND (unknown name),
   * EPIPE (writing after the peer ended). `'close'` follows. Without an 'error' listener, the program crashes
   * with it.
   */
  error: [err: NodeJS.ErrnoException];
  /** `'finish'`: after `end()`, every byte written went to the kernel, and the FIN with it. */
  finish: [];
  /** `'lookup'`: `host` was resolved to `address` (or failed with `err`), before connecting. */
  lookup: [err: Error | null, address: string, family: number, host: string];
  /** `'ready'`: the socket can be used; follows `'connect'` at once. */
  ready: [];
  /** `'timeout'`: the socket was idle for the `setTimeout` delay. It stays open: end it yourself. */
  timeout: [];
}

/**
 * One end of a TCP connection: a Duplex stream of bytes. `write` sends, `'data'` (or `for await`) reads,
 * `end()` sends a FIN (you will not write any more), `destroy()` closes at once. A server hands you one per
 * client in `'connection'`; `net.connect` makes one that connects.
 */
export class Socket extends stream.Duplex {
  /** A socket that is not connected yet: call `connect`. Usually you let `net.connect` do both. */
  constructor(options?: SocketConstructorOpts);
  /**
   * Opens a connection to `host`:`port` (`host` defaults to `'localhost'`). `connectListener` is added for
   * `'connect'`; a failure arrives as `'error'` (ECONNREFUSED, ETIMEDOUT, EHOSTUNREACH, ENOTFOUND…).
   */
  connect(options: NetConnectOpts, connectListener?: () => void): this;
  connect(port: number, host: string, connectListener?: () => void): this;
  connect(port: number, connectListener?: () => void): this;

  /** True from `connect()` until the connection is established or fails. */
  readonly connecting: boolean;
  /** True until the socket is connected (also while it connects). */
  readonly pending: boolean;
  /**
   * `'opening'` while connecting, `'open'` when both sides can be used, `'readOnly'` after you ended your side,
   * `'writeOnly'` after the peer ended its side, `'closed'` when neither can.
   */
  readonly readyState: 'opening' | 'open' | 'readOnly' | 'writeOnly' | 'closed';
  /** The idle timeout set by `setTimeout`, in milliseconds (undefined if never set). */
  readonly timeout?: number;
  /** The peer's IP address, such as `'10.0.0.10'`; undefined if not connected. */
  readonly remoteAddress?: string;
  /** The peer's port; undefined if not connected. */
  readonly remotePort?: number;
  /** `'IPv4'`; undefined if not connected. */
  readonly remoteFamily?: string;
  /** The local IP address this connection uses, such as `'10.0.0.2'`. */
  readonly localAddress?: string;
  /** The local port this connection uses (an ephemeral port for a client). */
  readonly localPort?: number;
  /** `'IPv4'`; undefined if not connected. */
  readonly localFamily?: string;
  /** How many bytes were read so far. */
  readonly bytesRead: number;
  /** How many bytes were written so far, those still buffered included. */
  readonly bytesWritten: number;
  /**
   * How many bytes wait in the write buffer.
   * @deprecated Use `writableLength`.
   */
  readonly bufferSize: number;

  /**
   * Queues bytes for sending (a string is encoded, UTF-8 unless you say otherwise). Returns false once the
   * buffer holds `writableHighWaterMark` (64 KiB) or more: the bytes are kept, but wait for `'drain'` before
   * writing more. `callback` runs once the bytes went to the kernel, or with the error. Writing after the peer
   * ended fails with EPIPE; after your own `end()`, with ERR_STREAM_WRITE_AFTER_END.
   */
  write(data: Uint8Array | string, callback?: (err?: Error | null) => void): boolean;
  write(data: Uint8Array | string, encoding?: BufferEncoding, callback?: (err?: Error | null) => void): boolean;
  /**
   * Sends what is buffered (and `data`, if given), then a FIN: you will not write any more; you can still
   * read until the peer ends too. `callback` runs at `'finish'`.
   */
  end(callback?: () => void): this;
  end(data: Uint8Array | string, callback?: () => void): this;
  end(data: Uint8Array | string, encoding?: BufferEncoding, callback?: () => void): this;
  /** Decodes what arrives into strings from now on: `'data'` gives strings (a character split across chunks is kept whole). */
  setEncoding(encoding?: BufferEncoding): this;
  /** Stops reading: data waits in the kernel, whose receive window fills and makes the peer wait. */
  pause(): this;
  /** Starts reading again after `pause()`. */
  resume(): this;
  /**
   * Emits `'timeout'` after `timeout` milliseconds without activity (sending or receiving); 0 turns it off.
   * The socket stays open: end or destroy it yourself. `callback` is added for `'timeout'`.
   */
  setTimeout(timeout: number, callback?: () => void): this;
  /** Accepted and ignored: netsim has no Nagle delay, so every write is sent at once anyway. */
  setNoDelay(noDelay?: boolean): this;
  /** Accepted and ignored: netsim sends no keep-alive probes. */
  setKeepAlive(enable?: boolean, initialDelay?: number): this;
  /** The local end-point `{ address, family, port }`, or `{}` if the socket has no connection. */
  address(): AddressInfo | {};
  /**
   * Closes at once with a RST instead of a FIN: unsent data is dropped and the peer gets ECONNRESET. Use it
   * to abort a connection, not to end one.
   */
  resetAndDestroy(): this;
  /** Ends the writable side, then destroys the socket once everything was written. */
  destroySoon(): void;
  /** Closes at once in both directions (a FIN, or a RST if unread data is waiting). With `error`, emits `'error'` then `'close'`. */
  destroy(error?: Error): this;
  /** Makes the open socket keep the program running again (the default), after `unref()`. */
  ref(): this;
  /** Lets the program end when nothing else keeps it running, even while this socket is open. */
  unref(): this;
  /** Every chunk of bytes that arrives, for `for await (const chunk of socket)`, until the peer ends. */
  [Symbol.asyncIterator](): AsyncIterableIterator<Buffer>;

  // @events NetSocketEventMap
}

/** How a server is made (`net.createServer(options)`). */
export interface ServerOpts {
  /** Keep each accepted socket writable after its peer ended (default false). */
  allowHalfOpen?: boolean;
  /** Accepted sockets start paused: nothing is read until `socket.resume()`. */
  pauseOnConnect?: boolean;
  /** Accepted and ignored: netsim has no Nagle delay to turn off. */
  noDelay?: boolean;
  /** Accepted and ignored: netsim sends no keep-alive probes. */
  keepAlive?: boolean;
  /** Accepted and ignored, as `keepAlive`. */
  keepAliveInitialDelay?: number;
  /** How many bytes each accepted socket buffers (64 KiB). */
  highWaterMark?: number;
}

/** Where to listen: `{ port, host, backlog }`. */
export interface ListenOptions {
  /** The port (0 or none: the kernel picks a free one; read it from `server.address()`). */
  port?: number;
  /** The local address to listen on: one of the host's addresses, `'127.0.0.1'` (this host only), or none for every address (`0.0.0.0`). */
  host?: string;
  /** How many connections may wait to be accepted (default 511). */
  backlog?: number;
  /** Accepted; there is no cluster here. */
  exclusive?: boolean;
}

/** The two end-points of a connection the server dropped (`'drop'`). */
export interface DropArgument {
  /** The server's address the client connected to. */
  localAddress?: string;
  /** The server's port. */
  localPort?: number;
  /** `'IPv4'`. */
  localFamily?: string;
  /** The client's address. */
  remoteAddress?: string;
  /** The client's port. */
  remotePort?: number;
  /** `'IPv4'`. */
  remoteFamily?: string;
}

interface ServerEventMap {
  /** `'close'`: the server stopped listening and its last connection has ended. */
  close: [];
  /** `'connection'`: a client connected (the handshake completed); `socket` is your end of the connection. */
  connection: [socket: Socket];
  /**
   * `'error'`: listening failed; `err.code` says why: EADDRINUSE (another socket has that port),
   * EADDRNOTAVAIL (the address is not this host's), EACCES (a port below 1024 for a program that is not
   * root), ENOTFOUND (unknown host name).
   */
  error: [err: NodeJS.ErrnoException];
  /** `'listening'`: the server is bound and listening: clients can connect now. */
  listening: [];
  /** `'drop'`: a connection was closed at once because the server already has `maxConnections`. */
  drop: [data?: DropArgument];
}

/**
 * A TCP server: it listens on a port and hands you a `Socket` for every client that connects
 * (`'connection'`).
 */
export class Server extends EventEmitter {
  /** A server; `connectionListener` is added for `'connection'`. Call `listen` to start it. */
  constructor(connectionListener?: (socket: Socket) => void);
  constructor(options?: ServerOpts, connectionListener?: (socket: Socket) => void);
  /**
   * Starts listening on `port` (and only on `host`, if given; else on every address, `0.0.0.0`). Port 0 or
   * none: the kernel picks a free port. `listeningListener` is added for `'listening'`, which comes once the
   * server is listening; a failure arrives as `'error'`: EADDRINUSE (the port is taken), EADDRNOTAVAIL (not
   * an address of this host), EACCES (a port below 1024 for a program that is not root). Calling it on a
   * listening server throws ERR_SERVER_ALREADY_LISTEN. A listening server keeps the program running.
   */
  listen(options: ListenOptions, listeningListener?: () => void): this;
  listen(port?: number, hostname?: string, backlog?: number, listeningListener?: () => void): this;
  listen(port?: number, hostname?: string, listeningListener?: () => void): this;
  listen(port?: number, backlog?: number, listeningListener?: () => void): this;
  listen(port?: number, listeningListener?: () => void): this;
  /**
   * Stops accepting new connections now (new clients get ECONNREFUSED); the open ones go on. `'close'`
   * comes once the last of them has ended; `callback` is added for it, or gets ERR_SERVER_NOT_RUNNING if the
   * server was not listening.
   */
  close(callback?: (err?: Error) => void): this;
  /**
   * Where the server listens: `{ address, family, port }` (`'0.0.0.0'` when it listens on every address;
   * a dual-stack Linux would say `'::'`), or null before it listens.
   */
  address(): AddressInfo | null;
  /** Calls back (on the next tick) with how many connections are open. */
  getConnections(callback: (error: Error | null, count: number) => void): this;
  /** Makes the listening server keep the program running again (the default), after `unref()`. */
  ref(): this;
  /** Lets the program end when nothing else keeps it running, even while this server listens. */
  unref(): this;
  /** True while the server is listening. */
  readonly listening: boolean;
  /** Connections beyond this many are closed as soon as they arrive (`'drop'`). Undefined: no limit. */
  maxConnections: number | undefined;

  // @events ServerEventMap
}

/**
 * Makes a TCP server; `connectionListener` runs for every client that connects, with your end of the
 * connection. Call `listen` to start it.
 * @example
 * const server = net.createServer((socket) => socket.pipe(socket));
 * server.listen(7);
 */
export function createServer(connectionListener?: (socket: Socket) => void): Server;
export function createServer(options?: ServerOpts, connectionListener?: (socket: Socket) => void): Server;

/**
 * Makes a socket and connects it to `host`:`port` (`host` defaults to `'localhost'`). `connectListener` is
 * added for `'connect'`; a failure arrives as `'error'`: ECONNREFUSED (nobody listens there), ETIMEDOUT
 * (no answer), EHOSTUNREACH / ENETUNREACH (no way there), ENOTFOUND (unknown name).
 * @example
 * const socket = net.connect(80, 'web', () => socket.write('hello\n'));
 */
export function connect(options: NetConnectOpts, connectListener?: () => void): Socket;
export function connect(port: number, host?: string, connectListener?: () => void): Socket;
export function connect(port: number, connectListener?: () => void): Socket;
/** Same as `net.connect`. */
export function createConnection(options: NetConnectOpts, connectListener?: () => void): Socket;
export function createConnection(port: number, host?: string, connectListener?: () => void): Socket;
export function createConnection(port: number, connectListener?: () => void): Socket;

/** 4 if `input` is an IPv4 address, 6 if it is an IPv6 address, else 0. */
export function isIP(input: string): number;
/** True if `input` is an IPv4 address (`'10.0.0.2'`). */
export function isIPv4(input: string): boolean;
/** True if `input` is an IPv6 address (`'::1'`). The hosts here cannot use one. */
export function isIPv6(input: string): boolean;
/** Whether `connect` tries every address of a name in turn ("happy eyeballs"): true, as in Node 22. The hosts here have one IPv4 address per name. */
export function getDefaultAutoSelectFamily(): boolean;
/** Accepted; has no effect here (each name has one IPv4 address). */
export function setDefaultAutoSelectFamily(value: boolean): void;
/** How long `connect` waits for one address before trying the next (250 ms, as in Node 22). */
export function getDefaultAutoSelectFamilyAttemptTimeout(): number;
/** Accepted; has no effect here (each name has one IPv4 address). */
export function setDefaultAutoSelectFamilyAttemptTimeout(value: number): void;
/** Same as `Socket`, an old name. */
export { Socket as Stream };
