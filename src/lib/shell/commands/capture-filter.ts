/**
 * tcpdump's filter language, the part the course uses: `tcp`, `udp`, `icmp`, `arp`, `[src|dst] host H`,
 * `[src|dst] port N`, joined with `and`/`&&`, `or`/`||`, `not`/`!` and parentheses.
 */
import type { TraceEvent } from '../../netsim/types';

export type PacketTest = (event: TraceEvent) => boolean;

function addresses(event: TraceEvent): { src?: string; dst?: string; sport?: number; dport?: number } {
  switch (event.kind) {
    case 'tcp':
    case 'udp':
      return { src: event.src.ip, dst: event.dst.ip, sport: event.src.port, dport: event.dst.port };
    case 'icmp':
      return { src: event.src, dst: event.dst };
    case 'arp':
      return { dst: event.target };
    case 'socket':
      return {};
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** Parses a filter; `resolve` turns host names into addresses. Throws a message on a syntax error. */
export function parseCaptureFilter(words: readonly string[], resolve: (name: string) => string | undefined): PacketTest {
  const tokens = words.flatMap((w) => w.split(/(\(|\)|!)/).filter(Boolean));
  let i = 0;
  const peek = () => tokens[i];
  const fail = (): never => {
    throw new Error('syntax error');
  };

  const primitive = (): PacketTest => {
    let direction: 'src' | 'dst' | undefined;
    if (peek() === 'src' || peek() === 'dst') direction = tokens[i++] as 'src' | 'dst';
    const word = tokens[i++] ?? fail();
    switch (word) {
      case 'tcp':
      case 'udp':
      case 'icmp':
      case 'arp':
        return (e) => e.kind === word;
      case 'ip':
        return (e) => e.kind !== 'arp' && e.kind !== 'socket';
      case 'host': {
        const name = tokens[i++] ?? fail();
        const ip = resolve(name);
        if (ip === undefined) throw new Error(`unknown host '${name}'`);
        return (e) => {
          const a = addresses(e);
          return direction === 'src' ? a.src === ip : direction === 'dst' ? a.dst === ip : a.src === ip || a.dst === ip;
        };
      }
      case 'port': {
        const port = Number(tokens[i++] ?? fail());
        if (!Number.isInteger(port)) fail();
        return (e) => {
          const a = addresses(e);
          return direction === 'src' ? a.sport === port : direction === 'dst' ? a.dport === port : a.sport === port || a.dport === port;
        };
      }
      default: {
        // `src 10.0.0.2` / `dst web` with the `host` keyword left out.
        if (direction) {
          i--;
          tokens.splice(i, 0, 'host');
          i--;
          return primitive();
        }
        return fail();
      }
    }
  };
  const unary = (): PacketTest => {
    if (peek() === 'not' || peek() === '!') {
      i++;
      const inner = unary();
      return (e) => !inner(e);
    }
    if (peek() === '(') {
      i++;
      const inner = disjunction();
      if (tokens[i++] !== ')') fail();
      return inner;
    }
    return primitive();
  };
  const conjunction = (): PacketTest => {
    let left = unary();
    while (peek() === 'and' || peek() === '&&') {
      i++;
      const l = left;
      const r = unary();
      left = (e) => l(e) && r(e);
    }
    return left;
  };
  function disjunction(): PacketTest {
    let left = conjunction();
    while (peek() === 'or' || peek() === '||') {
      i++;
      const l = left;
      const r = conjunction();
      left = (e) => l(e) || r(e);
    }
    return left;
  }
  if (tokens.length === 0) return () => true;
  const test = disjunction();
  if (i < tokens.length) fail();
  return test;
}
