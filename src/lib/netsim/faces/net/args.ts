/** What `net` accepts as arguments, checked and normalised as Node does (ERR_INVALID_ARG_TYPE, ERR_SOCKET_BAD_PORT). */
import { badPortError, invalidArgType, nodeErrors } from '../../errors';

/** The options `connect` works from, after normalising its argument shapes. */
export interface ConnectOptions {
  port: number;
  /** A Unix domain socket's path (connect('some/path') or { path }): netsim has none, so it fails with ENOENT. */
  path?: string;
  host?: string;
  localAddress?: string;
  localPort?: number;
  /** Milliseconds of inactivity before 'timeout' (same as `socket.setTimeout`). */
  timeout?: number;
  allowHalfOpen?: boolean;
  /** Address family for the name lookup (4, 6 or 0). netsim's hosts are IPv4 only. */
  family?: number;
}

/** Node's argument shapes for connect: (port, host?, cb?) or (options, cb?). */
export function normaliseConnectArgs(args: unknown[]): { options: ConnectOptions; listener: (() => void) | undefined } {
  const [first, second, third] = args;
  let options: ConnectOptions;
  let listener: unknown;
  if (first !== null && typeof first === 'object') {
    options = { ...(first as ConnectOptions) };
    listener = second;
  } else if (first === undefined) {
    throw nodeErrors.missingArgs('options', 'port', 'path');
  } else if (typeof first === 'string' && !(Number(first) >= 0)) {
    // Node's isPipeName: text that is not a number is a Unix socket's path.
    options = { port: 0, path: first };
    listener = second;
  } else {
    options = { port: first as number };
    if (typeof second === 'function') listener = second;
    else {
      if (typeof second === 'string') options.host = second;
      listener = typeof second === 'function' ? second : third;
    }
  }
  if (options.path !== undefined && options.path !== null) {
    if (typeof options.path !== 'string') throw invalidArgType('options.path', 'of type string', options.path);
    return { options, listener: typeof listener === 'function' ? (listener as () => void) : undefined };
  }
  if (options.port === undefined) throw nodeErrors.missingArgs('options', 'port', 'path');
  if (typeof options.port !== 'number' && typeof options.port !== 'string') {
    throw invalidArgType('options.port', 'of type number or string', options.port);
  }
  options.port = validatePort(options.port, 'Port');
  if (options.host !== undefined && options.host !== null && typeof options.host !== 'string') {
    throw invalidArgType('options.host', 'of type string', options.host);
  }
  if (options.localPort !== undefined && typeof options.localPort !== 'number') {
    throw invalidArgType('options.localPort', 'of type number', options.localPort);
  }
  return { options, listener: typeof listener === 'function' ? (listener as () => void) : undefined };
}

/** Node's validatePort: numbers or numeric strings in range, else ERR_SOCKET_BAD_PORT. */
export function validatePort(port: unknown, name: string, allowZero = true): number {
  const numeric = typeof port === 'number' || (typeof port === 'string' && port.trim() !== '');
  const value = numeric ? +(port as number | string) : NaN;
  if (!numeric || !Number.isInteger(value) || value < 0 || value > 65535 || (value === 0 && !allowZero)) {
    throw badPortError(name, port, allowZero);
  }
  return value;
}
