/**
 * dns.lookup and dns.promises.lookup on this host: IP literals (no resolver involved), `localhost`, the order
 * of callbacks, argument errors, promisify. Host names beyond localhost, and names that do not exist, are in
 * the two-host suite, where each namespace's /etc/hosts is the topology's. netsim's hosts are IPv4-only: where
 * a dual-stack host could answer ::1 for `localhost`, the scenario asks for family 4.
 */
import type { Scenario } from '../platform';
import { errorShape } from '../observe';

export const dnsScenarios: Scenario[] = [
  {
    name: 'dns-lookup-ip-literal: an IP comes back as itself with family 4, always through a later callback',
    async run(platform) {
      const { lookup } = platform.dns;
      const order: unknown[] = [];
      const answered = new Promise<void>((resolve) => {
        lookup('10.20.30.40', (error, address, family) => {
          order.push(['callback', error, address, family]);
          resolve();
        });
      });
      order.push('after the call');
      await answered;
      const all = await new Promise((resolve) => lookup('127.0.0.1', { all: true }, (error, addresses) => resolve([error, addresses])));
      const familyNumber = await new Promise((resolve) => lookup('192.0.2.7', 4, (error, address, family) => resolve([error, address, family])));
      return { order, all, familyNumber };
    },
  },
  {
    name: 'dns-promises-lookup-ip-literal: dns.promises.lookup resolves { address, family }, or a list with all: true',
    async run(platform) {
      const { promises } = platform.dns;
      return {
        one: await promises.lookup('127.0.0.1'),
        all: await promises.lookup('10.0.0.2', { all: true }),
      };
    },
  },
  {
    name: 'dns-lookup-localhost: localhost is 127.0.0.1 (family 4 asked: a dual-stack host may also answer ::1)',
    async run(platform) {
      const { lookup, promises } = platform.dns;
      const viaCallback = await new Promise((resolve) => lookup('localhost', { family: 4 }, (error, address, family) => resolve([error, address, family])));
      const viaPromise = await promises.lookup('localhost', { family: 4 });
      return { viaCallback, viaPromise };
    },
  },
  {
    name: 'dns-lookup-argument-errors: a hostname that is not a string, a bad family, a missing callback',
    async run(platform) {
      const { lookup, promises } = platform.dns;
      const attempt = (action: () => unknown) => {
        try {
          const value = action();
          return value instanceof Promise ? value.then(() => 'resolved', (error: unknown) => ({ rejected: errorShape(error) })) : 'did not throw';
        } catch (error) {
          return { threw: errorShape(error) };
        }
      };
      const noop = () => undefined;
      return {
        numberHost: await attempt(() => lookup(42 as unknown as string, noop)),
        badFamily: await attempt(() => lookup('localhost', { family: 5 as 4 }, noop)),
        noCallback: await attempt(() => (lookup as unknown as (host: string) => void)('localhost')),
        promisesNumberHost: await attempt(() => promises.lookup(42 as unknown as string)),
      };
    },
  },
  {
    name: 'dns-lookup-promisified: util.promisify(dns.lookup) resolves { address, family } (dns.lookup has a custom promisify)',
    async run(platform) {
      const { promisify } = platform.util;
      const lookup = promisify(platform.dns.lookup);
      return { one: await lookup('127.0.0.1'), all: await lookup('127.0.0.1', { all: true }) };
    },
  },
];
