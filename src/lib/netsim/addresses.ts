/** IPv4 addresses as 32-bit unsigned numbers inside netsim, dotted quads at its edges. */

const QUAD = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** True for a dotted quad such as `10.0.0.2` (what `net.isIPv4` accepts). */
export function isIpv4(text: string): boolean {
  return typeof text === 'string' && QUAD.test(text);
}

/** `10.0.0.2` → 167772162. Throws on anything that is not a dotted quad. */
export function parseIpv4(text: string): number {
  if (!isIpv4(text)) throw new TypeError(`"${text}" is not an IPv4 address (expected four numbers 0-255 joined by dots, e.g. 10.0.0.2)`);
  const parts = text.split('.');
  return ((+parts[0]! << 24) | (+parts[1]! << 16) | (+parts[2]! << 8) | +parts[3]!) >>> 0;
}

export function formatIpv4(ip: number): string {
  return `${ip >>> 24}.${(ip >>> 16) & 255}.${(ip >>> 8) & 255}.${ip & 255}`;
}

/** The netmask of a prefix length: 24 → 0xffffff00. */
export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function sameSubnet(a: number, b: number, prefix: number): boolean {
  const mask = maskOf(prefix);
  return ((a & mask) >>> 0) === ((b & mask) >>> 0);
}

export const ANY = 0; // 0.0.0.0
export const LOOPBACK = parseIpv4('127.0.0.1');

export function isLoopback(ip: number): boolean {
  return ip >>> 24 === 127;
}

/** Linux takes 0.0.0.0 as a destination to mean this host: a connection or datagram goes to 127.0.0.1. */
export function toLocal(ip: number): number {
  return ip === ANY ? LOOPBACK : ip;
}
