/** cardsFromSeed: each seed draws its own cards for one host, the same on every machine. */
import { describe, expect, it } from 'vitest';
import { cardsFor, topologyForSeed, type CardsFromSeed } from '../../src/lib/exercise/topology-for-seed';
import type { TopologySpec } from '../../src/lib/netsim/types';

const spec: CardsFromSeed = { host: 'laptop', min: 2, max: 3, names: ['eth0', 'eth1', 'enp3s0', 'wlan0', 'wlp2s0'] };
const toNumber = (ip: string) => ip.split('.').reduce((n, o) => n * 256 + Number(o), 0);
const isPrivate = (ip: string) => /^10\./.test(ip) || /^192\.168\./.test(ip) || /^172\.(1[6-9]|2\d|3[01])\./.test(ip);

describe('cardsFor', () => {
  const seeds = Array.from({ length: 200 }, (_, i) => i * 7919 + 1);

  it('gives the same cards for the same seed, and other cards for other seeds', () => {
    expect(cardsFor(spec, 42)).toEqual(cardsFor(spec, 42));
    expect(new Set(seeds.map((seed) => JSON.stringify(cardsFor(spec, seed)))).size).toBeGreaterThan(190);
    expect(new Set(seeds.map((seed) => cardsFor(spec, seed).length))).toEqual(new Set([2, 3]));
  });

  it('draws distinct names from the list, in its order, and private host addresses on subnets that do not overlap', () => {
    for (const seed of seeds) {
      const cards = cardsFor(spec, seed);
      const names = cards.map((c) => c.name);
      expect(new Set(names).size).toBe(names.length);
      expect([...names].sort((a, b) => spec.names.indexOf(a) - spec.names.indexOf(b))).toEqual(names);
      for (const card of cards) {
        expect(isPrivate(card.ip), card.ip).toBe(true);
        const size = 2 ** (32 - card.prefix);
        const offset = toNumber(card.ip) % size;
        expect(offset > 0 && offset < size - 1, `${card.ip}/${card.prefix} is a network or broadcast address`).toBe(true);
      }
      for (const a of cards) {
        for (const b of cards) {
          if (a === b) continue;
          const prefix = Math.min(a.prefix, b.prefix);
          const net = (ip: string) => Math.floor(toNumber(ip) / 2 ** (32 - prefix));
          expect(net(a.ip), `${a.ip}/${a.prefix} overlaps ${b.ip}/${b.prefix}`).not.toBe(net(b.ip));
        }
      }
    }
  });
});

describe('topologyForSeed', () => {
  const topology: TopologySpec = { version: 1, seed: 3, hosts: [{ name: 'laptop', nics: [] }, { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24 }] }] };

  it('sets the seed and gives the host its drawn cards, leaving the others alone', () => {
    const seeded = topologyForSeed(topology, 9, spec);
    expect(seeded.seed).toBe(9);
    expect(seeded.hosts[0]!.nics).toEqual(cardsFor(spec, 9));
    expect(seeded.hosts[1]).toBe(topology.hosts[1]);
    expect(topologyForSeed(topology, 9)).toEqual({ ...topology, seed: 9 });
  });
});
