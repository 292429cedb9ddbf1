/**
 * Names to addresses. `lookup` answers as the system resolver does from `/etc/hosts`: the names of the hosts
 * in the course's network (and their aliases, and `localhost`). There is no DNS server in the emulated
 * network, so the `resolve*` functions of Node's `dns`, which ask one, are absent.
 */
import * as promises from 'node:dns/promises';

/** One address of a name. */
export interface LookupAddress {
  /** The IPv4 address. */
  address: string;
  /** 4: the hosts here are IPv4-only. */
  family: number;
}

/** How `lookup` answers. */
export interface LookupOptions {
  /** 4, 6 or 0 (any; the default). Asking for 6 fails with ENOTFOUND: the hosts have no IPv6 address. */
  family?: number | 'IPv4' | 'IPv6';
  /** Answer with the list of every address (`LookupAddress[]`) instead of the first one. */
  all?: boolean;
  /** Accepted and ignored. */
  hints?: number;
  /** Accepted and ignored: there is one address per name. */
  verbatim?: boolean;
  /** Accepted and ignored: there is one address per name. */
  order?: 'ipv4first' | 'ipv6first' | 'verbatim';
}

/**
 * Finds the address of `hostname` (a host name, an alias, `localhost`, or an IP address, which comes back
 * as it is). The answer comes later, to `callback`: `(err, address, family)`, or with `{ all: true }`,
 * `(err, addresses)`. An unknown name fails with ENOTFOUND (`getaddrinfo ENOTFOUND nosuch`).
 * @example dns.lookup('web', (err, address) => console.log(address)); // 10.0.0.2
 */
export function lookup(hostname: string, callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void): void;
export function lookup(hostname: string, family: number, callback: (err: NodeJS.ErrnoException | null, address: string, family: number) => void): void;
export function lookup(hostname: string, options: LookupOptions & { all: true }, callback: (err: NodeJS.ErrnoException | null, addresses: LookupAddress[]) => void): void;
export function lookup(hostname: string, options: LookupOptions, callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family: number) => void): void;

/** A flag for `hints`: only addresses of a family the host has an address of. */
export const ADDRCONFIG: number;
/** A flag for `hints`: IPv4 addresses mapped into IPv6 when IPv6 was asked for. */
export const V4MAPPED: number;
/** A flag for `hints`: with V4MAPPED, both IPv6 and mapped IPv4 addresses. */
export const ALL: number;
/** `'ENOTFOUND'`: the `code` of a lookup error for a name nobody knows. */
export const NOTFOUND: string;
/** The DNS servers the resolver would ask: none, here (names come from `/etc/hosts`). */
export function getServers(): string[];

export { promises };
