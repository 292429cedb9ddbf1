/**
 * Errors shaped exactly as Node builds them (lib/internal/errors.js), so that what a learner reads here is
 * what they will read on a real machine. Messages were checked against Node 22 on Linux.
 */
import { inspect } from './node/libs';
import { ERRNO, type Errno } from './types';

/** A system error: `connect ECONNREFUSED 10.0.0.2:80`, with `code`, `errno`, `syscall`, `address`, `port`. */
export interface SystemError extends Error {
  code: string;
  errno: number;
  syscall: string;
  address?: string;
  port?: number;
  hostname?: string;
}

const DESCRIPTIONS: Partial<Record<Errno, string>> = {
  EACCES: 'permission denied',
  EADDRINUSE: 'address already in use',
  EADDRNOTAVAIL: 'address not available',
};

/**
 * Node's `ExceptionWithHostPort` / `ErrnoException`. `listen` errors carry libuv's description after a colon
 * (`listen EADDRINUSE: address already in use 0.0.0.0:80`, `listen EACCES: permission denied 0.0.0.0:7`);
 * connect/bind errors do not (`bind EACCES 0.0.0.0:80`).
 */
export function systemError(code: Errno, syscall: string, address?: string, port?: number, extra?: string): SystemError {
  let message = `${syscall} ${code}`;
  if (syscall === 'listen' && DESCRIPTIONS[code]) message += `: ${DESCRIPTIONS[code]}`;
  if (address !== undefined) message += ` ${address}${port !== undefined && port > 0 ? `:${port}` : ''}`;
  if (extra) message += ` - ${extra}`;
  const error = new Error(message) as SystemError;
  error.errno = ERRNO[code];
  error.code = code;
  error.syscall = syscall;
  if (address !== undefined) error.address = address;
  if (port !== undefined && port > 0) error.port = port;
  return error;
}

/** `getaddrinfo ENOTFOUND nosuch`, as `dns.lookup` fails for a name nobody knows. */
export function notFoundError(hostname: string): SystemError {
  const error = new Error(`getaddrinfo ENOTFOUND ${hostname}`) as SystemError;
  error.errno = -3008;
  error.code = 'ENOTFOUND';
  error.syscall = 'getaddrinfo';
  error.hostname = hostname;
  return error;
}

export interface NodeError extends Error {
  code: string;
}

function nodeError<E extends Error>(Base: new (message: string) => E, code: string, message: string): E & NodeError {
  const error = new Base(message) as E & NodeError;
  // As Node's NodeError: the stack starts `RangeError [ERR_SOCKET_BAD_PORT]: …`, while `name` stays plain.
  Object.defineProperty(error, 'name', { value: `${Base.name} [${code}]`, writable: true, configurable: true, enumerable: false });
  void error.stack;
  delete (error as { name?: string }).name;
  error.code = code;
  return error;
}

/** ERR_OUT_OF_RANGE / ERR_INVALID_ARG_TYPE for a timer delay, as Node's getTimerDuration. */
export function validateTimerDuration(value: unknown, name: string): void {
  if (typeof value !== 'number') throw invalidArgType(name, 'of type number', value);
  if (!(value >= 0 && value <= 2 ** 31 - 1)) {
    throw nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be >= 0 && <= 2147483647. Received ${formatReceivedNumber(value)}`);
  }
}

/** How ERR_OUT_OF_RANGE shows a number: big integers with underscores (Node's addNumericalSeparator). */
function formatReceivedNumber(value: number): string {
  if (!Number.isInteger(value) || Math.abs(value) <= 2 ** 32) return String(value);
  const digits = String(Math.abs(value));
  let out = '';
  for (let i = digits.length; i > 0; i -= 3) out = `_${digits.slice(Math.max(0, i - 3), i)}${out}`;
  return `${value < 0 ? '-' : ''}${out.slice(1)}`;
}

/** How Node describes a received value in argument errors: `type number (70000)`, `type string ('abc')`. */
export function describeReceived(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'function') return `function ${(value as { name?: string }).name || '<anonymous>'}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor?.name;
    return ctor ? `an instance of ${ctor}` : 'an instance of Object';
  }
  let shown = typeof value === 'string' ? `'${value.length > 25 ? `${value.slice(0, 25)}...` : value}'` : String(value);
  if (typeof value === 'bigint') shown += 'n';
  return `type ${typeof value} (${shown})`;
}

/** ERR_SOCKET_BAD_PORT: `options.port should be >= 0 and < 65536. Received type number (70000).` */
export function badPortError(name: string, value: unknown, allowZero = true): RangeError & NodeError {
  const op = allowZero ? '>=' : '>';
  return nodeError(RangeError, 'ERR_SOCKET_BAD_PORT', `${name} should be ${op} 0 and < 65536. Received ${describeReceived(value)}.`);
}

/** ERR_INVALID_ARG_TYPE: `The "chunk" argument must be of type string or … Received type number (5)`. */
export function invalidArgType(name: string, expected: string, value: unknown): TypeError & NodeError {
  const what = name.includes('.') ? `The "${name}" property` : `The "${name}" argument`;
  return nodeError(TypeError, 'ERR_INVALID_ARG_TYPE', `${what} must be ${expected}. Received ${describeReceived(value)}`);
}

export function invalidArgValue(name: string, value: unknown, reason = 'is invalid'): TypeError & NodeError {
  return nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The argument '${name}' ${reason}. Received ${inspect(value)}`);
}

/**
 * Node's SystemError (ERR_SOCKET_BUFFER_SIZE and kin): `name` 'SystemError', the class Node calls NodeError,
 * `Could not get or set buffer size: uv_recv_buffer_size returned EBADF (bad file descriptor)`.
 */
class NodeSystemError extends Error {
  readonly code: string;
  readonly errno: number;
  readonly syscall: string;
  readonly info: { errno: number; code: string; message: string; syscall: string };
  constructor(code: string, prefix: string, errno: Errno, syscall: string) {
    const described = `${syscall} returned ${errno} (${UV_DESCRIPTIONS[errno] ?? errno.toLowerCase()})`;
    super(`${prefix}: ${described}`);
    this.code = code;
    this.errno = ERRNO[errno];
    this.syscall = syscall;
    this.info = { errno: ERRNO[errno], code: errno, message: UV_DESCRIPTIONS[errno] ?? errno, syscall };
  }
  override get name(): string {
    return 'SystemError';
  }
  override toString(): string {
    return `${this.name} [${this.code}]: ${this.message}`;
  }
}
Object.defineProperty(NodeSystemError, 'name', { value: 'NodeError' });

const UV_DESCRIPTIONS: Partial<Record<Errno, string>> = { EBADF: 'bad file descriptor', EINVAL: 'invalid argument' };

export const nodeErrors = {
  serverAlreadyListen: () => nodeError(Error, 'ERR_SERVER_ALREADY_LISTEN', 'Listen method has been called more than once without closing.'),
  serverNotRunning: () => nodeError(Error, 'ERR_SERVER_NOT_RUNNING', 'Server is not running.'),
  writeAfterEnd: () => nodeError(Error, 'ERR_STREAM_WRITE_AFTER_END', 'write after end'),
  streamDestroyed: (method: string) => nodeError(Error, 'ERR_STREAM_DESTROYED', `Cannot call ${method} after a stream was destroyed`),
  dgramNotRunning: () => nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_RUNNING', 'Not running'),
  dgramBadType: () => nodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6'),
  dgramAlreadyBound: () => nodeError(Error, 'ERR_SOCKET_ALREADY_BOUND', 'Socket is already bound'),
  dgramAlreadyConnected: () => nodeError(Error, 'ERR_SOCKET_DGRAM_IS_CONNECTED', 'Already connected'),
  dgramNotConnected: () => nodeError(Error, 'ERR_SOCKET_DGRAM_NOT_CONNECTED', 'Not connected'),
  invalidPropertyValue: (name: string, value: unknown, reason: string) =>
    nodeError(TypeError, 'ERR_INVALID_ARG_VALUE', `The property '${name}' ${reason}. Received ${inspect(value)}`),
  outOfRangeInteger: (name: string, value: number) =>
    nodeError(RangeError, 'ERR_OUT_OF_RANGE', `The value of "${name}" is out of range. It must be an integer. Received ${value}`),
  socketBufferSize: (syscall: string, errno: Errno) => new NodeSystemError('ERR_SOCKET_BUFFER_SIZE', 'Could not get or set buffer size', errno, syscall),
  useAfterClose: (name: string) => nodeError(Error, 'ERR_USE_AFTER_CLOSE', `${name} was closed`),
  bufferOutOfBounds: (name?: string) =>
    nodeError(RangeError, 'ERR_BUFFER_OUT_OF_BOUNDS', name ? `"${name}" is outside of buffer bounds` : 'Attempt to access memory outside buffer bounds'),
  socketClosed: () => nodeError(Error, 'ERR_SOCKET_CLOSED', 'Socket is closed'),
  socketClosedBeforeConnection: () => nodeError(Error, 'ERR_SOCKET_CLOSED_BEFORE_CONNECTION', 'Socket closed before the connection was established'),
  invalidIpAddress: (address: string) => nodeError(TypeError, 'ERR_INVALID_IP_ADDRESS', `Invalid IP address: ${address}`),
  missingArgs: (...names: string[]) =>
    nodeError(TypeError, 'ERR_MISSING_ARGS', `The ${names.map((n) => `"${n}"`).join(' or ')} argument must be specified`),
  badSocketType: () => nodeError(TypeError, 'ERR_SOCKET_BAD_TYPE', 'Bad socket type specified. Valid types are: udp4, udp6'),
  /** What a write gets after the peer ended a socket that does not allow half-open connections. */
  endedByOtherParty: () => Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' }) as Error & NodeError,
  unhandledError: (value: unknown) =>
    nodeError(Error, 'ERR_UNHANDLED_ERROR', `Unhandled error. (${typeof value === 'string' ? `'${value}'` : String(value)})`),
};
