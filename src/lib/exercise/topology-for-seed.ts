/**
 * An exercise whose host's cards change from run to run: `cardsFromSeed` in exercise.json names the host, how
 * many cards it may have and the names they may carry, and every seed of a grading draws its own set — how
 * many, which names in which order, which private addresses with which prefixes. A program that writes the
 * cards down instead of asking `os.networkInterfaces()` meets other cards on the next run. Pure: the same seed
 * gives the same cards on every machine (the page, the tests).
 */
import type { NicSpec, TopologySpec } from '../netsim/types';

export interface CardsFromSeed {
  /** The host whose cards are drawn (its `nics` in the topology are left empty). */
  host: string;
  /** How many cards, at least and at most. */
  min: number;
  max: number;
  /** The names the cards may have, as Linux names them (`eth0`, `wlan0`, `enp3s0`), in the order `ip addr` lists them. */
  names: string[];
}

/** xorshift32, as `gradingSeeds` uses: small, and the same on every machine. */
function generator(seed: number): (below: number) => number {
  let state = ((seed >>> 0) ^ 0x9e3779b9) >>> 0 || 1;
  return (below) => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state % below;
  };
}

const toNumber = (octets: number[]) => octets.reduce((n, o) => n * 256 + o, 0);
const toText = (n: number) => [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
const networkOf = (ip: number, prefix: number) => ip - (ip % 2 ** (32 - prefix));

/** The private blocks of RFC 1918 and the prefixes a card in each may have (never only /24, so no program assumes it). */
const BLOCKS: { first: number[]; prefixes: number[] }[] = [
  { first: [10], prefixes: [16, 20, 24] },
  { first: [172, 16], prefixes: [16, 24, 28] },
  { first: [192, 168], prefixes: [24, 25] },
];

/** A private address for a card whose subnet overlaps none of `taken`'s. */
function privateAddress(next: (below: number) => number, taken: readonly { ip: number; prefix: number }[]): { ip: number; prefix: number } {
  for (let attempt = 0; attempt < 50; attempt++) {
    const block = BLOCKS[next(BLOCKS.length)]!;
    const prefix = block.prefixes[next(block.prefixes.length)]!;
    const octets = [...block.first];
    if (octets[0] === 172) octets[1] = 16 + next(16);
    while (octets.length < 4) octets.push(next(256));
    const network = networkOf(toNumber(octets), prefix);
    const size = 2 ** (32 - prefix);
    // Neither the network address nor the broadcast address: a host's own, 1 .. size-2.
    const ip = network + 1 + next(size - 2);
    const overlaps = taken.some((t) => networkOf(ip, Math.min(prefix, t.prefix)) === networkOf(t.ip, Math.min(prefix, t.prefix)));
    if (!overlaps) return { ip, prefix };
  }
  throw new Error('could not draw a private subnet that overlaps none of the others');
}

/** The cards `cardsFromSeed` draws for this seed. */
export function cardsFor(spec: CardsFromSeed, seed: number): NicSpec[] {
  const next = generator(seed);
  const count = spec.min + next(spec.max - spec.min + 1);
  const names = [...spec.names];
  const cards: NicSpec[] = [];
  const taken: { ip: number; prefix: number }[] = [];
  for (let i = 0; i < count; i++) {
    const name = names.splice(next(names.length), 1)[0]!;
    const address = privateAddress(next, taken);
    taken.push(address);
    cards.push({ name, ip: toText(address.ip), prefix: address.prefix });
  }
  // In the order of `names`, as Linux numbers cards in the order it finds them (eth0 before eth1).
  return cards.sort((a, b) => spec.names.indexOf(a.name) - spec.names.indexOf(b.name));
}

/** The topology one run has: the exercise's, with the seed, and the drawn cards on their host. */
export function topologyForSeed(topology: TopologySpec, seed: number, cards?: CardsFromSeed): TopologySpec {
  const seeded = { ...topology, seed };
  if (!cards) return seeded;
  const drawn = cardsFor(cards, seed);
  return { ...seeded, hosts: topology.hosts.map((host) => (host.name === cards.host ? { ...host, nics: drawn } : host)) };
}
