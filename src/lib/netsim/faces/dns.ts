/**
 * `node:dns` over the emulated names: `lookup` answers as getaddrinfo reads /etc/hosts (each host's name
 * and aliases, `localhost`), an IP address on the next tick and a name on a later event, failing with
 * `getaddrinfo ENOTFOUND name` as Node does. The hosts are IPv4-only: every answer has family 4. There is
 * no DNS server in the emulated network, so the `resolve*` family is not offered.
 */
import { formatIpv4, isIpv4 } from '../addresses';
import { invalidArgType, invalidArgValue, nodeErrors, notFoundError } from '../errors';
import { utilPackage } from '../node/libs';
import type { FaceContext } from './context';

export interface LookupAddress {
  address: string;
  family: 4;
}

interface LookupOptions {
  family?: number | 'IPv4' | 'IPv6';
  all?: boolean;
  hints?: number;
  verbatim?: boolean;
  order?: string;
}

type LookupCallback = (error: Error | null, address?: string | LookupAddress[], family?: number) => void;

export function bindDns(ctx: FaceContext) {
  function answer(hostname: string, options: LookupOptions): { error: Error } | { addresses: LookupAddress[] } {
    const found = ctx.lookup(hostname);
    if ('error' in found) return { error: found.error };
    // An IPv4-only host has no IPv6 address for any name.
    if (options.family === 6 || options.family === 'IPv6') return { error: notFoundError(hostname) };
    return { addresses: [{ address: formatIpv4(found.ip), family: 4 }] };
  }

  function normalise(hostname: unknown, options: unknown): LookupOptions {
    if (typeof hostname !== 'string') throw invalidArgType('hostname', 'of type string', hostname);
    if (typeof options === 'number') {
      if (options !== 0 && options !== 4 && options !== 6) throw invalidArgValue('family', options, 'must be one of: 0, 4, 6');
      return { family: options };
    }
    if (options === undefined || options === null) return {};
    if (typeof options !== 'object') throw invalidArgType('options', 'of type object', options);
    const { family } = options as LookupOptions;
    if (family !== undefined && family !== 0 && family !== 4 && family !== 6 && family !== 'IPv4' && family !== 'IPv6') {
      throw nodeErrors.invalidPropertyValue('options.family', family, 'must be one of: 0, 4, 6');
    }
    return options as LookupOptions;
  }

  /** Resolves `hostname` as getaddrinfo would: `callback(err, address, family)` or, with `all`, a list. */
  function lookup(hostname: string, options: unknown, callback?: LookupCallback): object {
    if (typeof options === 'function') {
      callback = options as LookupCallback;
      options = undefined;
    }
    if (typeof callback !== 'function') throw invalidArgType('callback', 'of type function', callback);
    const opts = normalise(hostname, options);
    const done = callback;
    const deliver = () => {
      // Node answers an empty name with no address at all, without asking getaddrinfo.
      if (hostname === '') return opts.all ? done(null, []) : done(null, undefined, 4);
      const result = answer(hostname, opts);
      if ('error' in result) return done(result.error);
      if (opts.all) return done(null, result.addresses);
      done(null, result.addresses[0]!.address, 4);
    };
    if (isIpv4(hostname)) ctx.tick(deliver, undefined);
    else ctx.soon(deliver, undefined);
    return {};
  }

  const promises = Object.freeze({
    lookup(hostname: string, options?: unknown): Promise<LookupAddress | LookupAddress[]> {
      // As Node's: a bad argument throws at once, before any promise.
      const opts = normalise(hostname, options);
      return new Promise((resolve, reject) => {
        lookup(hostname, opts, (error, address, family) => {
          if (error) reject(error);
          else if (opts.all) resolve(address as LookupAddress[]);
          else resolve({ address: address as string, family: family as 4 });
        });
      });
    },
  });

  // util.promisify(dns.lookup) resolves { address, family } (or the list), as Node's custom promisify does.
  Object.defineProperty(lookup, utilPackage.promisify.custom, { value: promises.lookup });

  const dns = {
    lookup,
    promises,
    ADDRCONFIG: 1024,
    V4MAPPED: 2048,
    ALL: 256,
    NOTFOUND: 'ENOTFOUND',
    getServers: () => [] as string[],
  };
  return { dns: Object.freeze(dns), promises };
}
