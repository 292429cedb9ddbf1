/** What `net` accepts as arguments, checked and normalised as Node does (ERR_INVALID_ARG_TYPE, ERR_SOCKET_BAD_PORT). */
import { badPortError, invalidArgType, nodeErrors } from '../errors';
import { Buffer, type BufferEncoding } from './buffer';
import type { TcpSocketConnectOpts } from './net-types';

/** Bytes to send: a string encoded, a Buffer as it is (Node does not copy it either), other views copied. */
export function toBytes(data: unknown, encoding: BufferEncoding | undefined, argument = 'chunk'): Uint8Array {
  if (typeof data === 'string') return Buffer.from(data, encoding);
  if (data instanceof Buffer) return data; // Node does not copy a Buffer on write either
  if (data instanceof Uint8Array) return data.slice();
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength));
  throw invalidArgType(argument, 'of type string or an instance of Buffer, TypedArray, or DataView', data);
}

/** Node's argument shapes for connect: (port, host?, cb?) or (options, cb?). */
export function normaliseConnectArgs(args: unknown[]): { options: TcpSocketConnectOpts; listener: (() => void) | undefined } {
  const [first, second, third] = args;
  let options: TcpSocketConnectOpts;
  let listener: unknown;
  if (first !== null && typeof first === 'object') {
    options = { ...(first as TcpSocketConnectOpts) };
    listener = second;
  } else if (first === undefined) {
    throw nodeErrors.missingArgs('options', 'port', 'path');
  } else {
    options = { port: first as number };
    if (typeof second === 'function') listener = second;
    else {
      if (second !== undefined && second !== null) options.host = second as string;
      listener = third;
    }
  }
  if ((options as { path?: unknown }).path !== undefined && options.port === undefined) {
    throw invalidArgType('options.port', 'of type number or string', undefined);
  }
  options.port = validatePort(options.port, 'Port');
  if (options.host !== undefined && typeof options.host !== 'string') throw invalidArgType('options.host', 'of type string', options.host);
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
