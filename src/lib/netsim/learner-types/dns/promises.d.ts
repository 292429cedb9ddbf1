/** `dns.lookup` returning a promise: `const { address } = await dns.lookup('web')`. */
import type { LookupAddress, LookupOptions } from 'node:dns';

/**
 * Finds the address of `hostname` (a host name, an alias, `localhost`, or an IP address). Resolves with
 * `{ address, family }`, or with `{ all: true }` a list of them; rejects with ENOTFOUND for an unknown name.
 * @example const { address } = await dns.promises.lookup('web'); // '10.0.0.2'
 */
export function lookup(hostname: string, family?: number): Promise<LookupAddress>;
export function lookup(hostname: string, options: LookupOptions & { all: true }): Promise<LookupAddress[]>;
export function lookup(hostname: string, options?: LookupOptions & { all?: false }): Promise<LookupAddress>;
export function lookup(hostname: string, options: LookupOptions): Promise<LookupAddress | LookupAddress[]>;
