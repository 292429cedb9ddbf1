/**
 * The packet trace, kept compact: a million segments must not cost a million objects. Numbers live in
 * typed-array columns, shared frozen values (endpoints, owners, host names) in one array of references,
 * and the first payload bytes of each segment in a byte arena. An event becomes an object only when an
 * observer asks for it (`event(i)`), and that object is frozen: nothing the network runs can reach the
 * columns, so what was observed cannot be rewritten.
 */
import { formatIpv4 } from './addresses';
import { flagList, previewOf, type Segment } from './packets';
import type { Endpoint, SocketOwner, SocketStateEvent, TcpSegmentEvent, TcpState, TraceEvent } from './types';

type Distribute<T> = T extends unknown ? Omit<T, 'index' | 'at'> : never;
export type TraceInput = Distribute<TraceEvent>;

const TCP = 0;
const SOCKET = 1;
/** Rare events (UDP, ICMP, ARP) are kept as the object they came in. */
const OBJECT = 2;

const NUMS = 8; // numbers per event
const PREVIEW_BYTES = 64;

const STATES: readonly TcpState[] = ['LISTEN', 'SYN-SENT', 'SYN-RECEIVED', 'ESTABLISHED', 'FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSE-WAIT', 'CLOSING', 'LAST-ACK', 'TIME-WAIT', 'CLOSED'];
const STATE_CODE = new Map(STATES.map((s, i) => [s, i]));
const CHANGES: readonly SocketStateEvent['change'][] = ['open', 'bind', 'listen', 'state', 'close'];
const CHANGE_CODE = new Map(CHANGES.map((c, i) => [c, i]));
/** Optional keys of a socket event, in the order the event carries them; a bit each says "present". */
const OPTIONAL = ['from', 'to', 'local', 'remote', 'owner'] as const;

/** Events live in fixed blocks, so the trace grows without ever copying what it holds. */
const BLOCK_BITS = 12;
const BLOCK = 1 << BLOCK_BITS;
const RECENT = 256;

class Block {
  readonly kind = new Uint8Array(BLOCK);
  readonly at = new Float64Array(BLOCK);
  readonly nums = new Int32Array(BLOCK * NUMS);
  /** Where each event's preview bytes start in `preview`. */
  readonly previewAt = new Uint32Array(BLOCK);
  preview: Uint8Array<ArrayBuffer> = new Uint8Array(BLOCK * 16);
  previewLength = 0;
}

// The store reads the time from the clock itself: virtual time is a fractional number, and one passed
// as an argument becomes a heap number to collect, twice per round trip.
export class TraceStore {
  #length = 0;
  readonly #blocks: Block[] = [];
  /** Host names, endpoints and owners of socket events; whole rare events. */
  readonly #refs: unknown[] = [];
  readonly #endpoints: Endpoint[] = [];
  readonly #endpointIds = new Map<number, number>();
  /** Recent ip:port → id, by the port's low bits: a segment's two ends hit here, not the Map (keys > 2^31 hash slowly). */
  readonly #recentIp = new Float64Array(RECENT).fill(-1);
  readonly #recentPort = new Int32Array(RECENT).fill(-1);
  readonly #recentId = new Int32Array(RECENT);

  readonly #clock: { readonly now: number };

  constructor(clock: { readonly now: number }) {
    this.#clock = clock;
  }

  get length(): number {
    return this.#length;
  }

  /** The id of ip:port (ip as a 32-bit number); its frozen value is `endpointOf(id)`. */
  endpointId(ip: number, port: number): number {
    const slot = port & (RECENT - 1);
    if (this.#recentPort[slot] === port && this.#recentIp[slot] === ip) return this.#recentId[slot]!;
    const id = this.#endpointIdOf(ip, port);
    this.#recentIp[slot] = ip;
    this.#recentPort[slot] = port;
    this.#recentId[slot] = id;
    return id;
  }

  #endpointIdOf(ip: number, port: number): number {
    const key = ip * 65536 + port;
    let id = this.#endpointIds.get(key);
    if (id === undefined) {
      id = this.#endpoints.length;
      this.#endpoints.push(Object.freeze({ ip: formatIpv4(ip), port }));
      this.#endpointIds.set(key, id);
    }
    return id;
  }

  endpointOf(id: number): Endpoint {
    return this.#endpoints[id]!;
  }

  /** A TCP segment as it left; the payload's first bytes are copied (the program may reuse its buffer). */
  segment(seg: Segment, delivered: boolean): number {
    const src = this.endpointId(seg.srcIp, seg.srcPort);
    const dst = this.endpointId(seg.dstIp, seg.dstPort);
    const payload = seg.payload;
    const i = this.#length;
    const block = this.#slot(TCP);
    const j = i & (BLOCK - 1);
    const n = j * NUMS;
    const nums = block.nums;
    const length = payload ? payload.length : 0;
    nums[n] = seg.flags | (delivered ? 0 : 64);
    nums[n + 1] = seg.seq;
    nums[n + 2] = seg.ack;
    nums[n + 3] = seg.window;
    nums[n + 4] = length;
    nums[n + 5] = seg.connection;
    nums[n + 6] = src;
    nums[n + 7] = dst;
    let p = block.previewLength;
    block.previewAt[j] = p;
    if (length) {
      const take = length < PREVIEW_BYTES ? length : PREVIEW_BYTES;
      if (p + take > block.preview.length) block.preview = grow(block.preview, p + take);
      const bytes = block.preview;
      for (let k = 0; k < take; k++) bytes[p++] = payload![k]!;
      block.previewLength = p;
    }
    return i;
  }

  /** Any other event; socket events are unpacked into columns, the rare rest kept as given. */
  add(input: TraceInput): number {
    const i = this.#length;
    if (input.kind !== 'socket') {
      this.#slot(OBJECT).nums[(i & (BLOCK - 1)) * NUMS] = this.#refs.length;
      this.#refs.push(input);
      return i;
    }
    const nums = this.#slot(SOCKET).nums;
    const n = (i & (BLOCK - 1)) * NUMS;
    let present = 0;
    for (let k = 0; k < OPTIONAL.length; k++) if (OPTIONAL[k]! in input) present |= 1 << k;
    nums[n] = input.socket;
    nums[n + 1] = input.protocol === 'tcp' ? 0 : 1;
    nums[n + 2] = CHANGE_CODE.get(input.change)!;
    nums[n + 3] = input.from === undefined ? -1 : STATE_CODE.get(input.from)!;
    nums[n + 4] = input.to === undefined ? -1 : STATE_CODE.get(input.to)!;
    nums[n + 5] = present;
    nums[n + 6] = this.#refs.length;
    this.#refs.push(input.host, input.local, input.remote, input.owner);
    return i;
  }

  /** Event `i` as a new frozen object (the caller keeps it, so each event is built once). */
  event(i: number): TraceEvent {
    const block = this.#blocks[i >> BLOCK_BITS]!;
    const j = i & (BLOCK - 1);
    const at = block.at[j]!;
    const n = j * NUMS;
    const nums = block.nums;
    const refs = this.#refs;
    switch (block.kind[j]) {
      case TCP: {
        const bits = nums[n]!;
        const length = nums[n + 4]!;
        const from = block.previewAt[j]!;
        const event: TcpSegmentEvent = {
          kind: 'tcp',
          src: this.#endpoints[nums[n + 6]!]!,
          dst: this.#endpoints[nums[n + 7]!]!,
          flags: flagList(bits & 31) as TcpSegmentEvent['flags'],
          seq: nums[n + 1]! >>> 0,
          ack: nums[n + 2]! >>> 0,
          window: nums[n + 3]!,
          length,
          preview: length ? previewOf(block.preview.subarray(from, from + (length < PREVIEW_BYTES ? length : PREVIEW_BYTES))) : '',
          connection: nums[n + 5]!,
          fate: bits & 64 ? 'dropped' : 'delivered',
          index: i,
          at,
        };
        return Object.freeze(event);
      }
      case SOCKET: {
        const present = nums[n + 5]!;
        const r = nums[n + 6]!;
        const event: Record<string, unknown> = {
          kind: 'socket',
          socket: nums[n]!,
          host: refs[r] as string,
          protocol: nums[n + 1] === 0 ? 'tcp' : 'udp',
          change: CHANGES[nums[n + 2]!],
        };
        if (present & 1) event.from = nums[n + 3]! < 0 ? undefined : STATES[nums[n + 3]!];
        if (present & 2) event.to = nums[n + 4]! < 0 ? undefined : STATES[nums[n + 4]!];
        if (present & 4) event.local = refs[r + 1];
        if (present & 8) event.remote = refs[r + 2];
        if (present & 16) event.owner = refs[r + 3] as SocketOwner | null;
        event.index = i;
        event.at = at;
        return Object.freeze(event) as unknown as TraceEvent;
      }
      default: {
        const event = { ...(refs[nums[n]!] as object), index: i, at } as TraceEvent;
        return Object.freeze(event);
      }
    }
  }

  #slot(kind: number): Block {
    const i = this.#length;
    const block = i & (BLOCK - 1) ? this.#blocks[this.#blocks.length - 1]! : this.#newBlock();
    block.kind[i & (BLOCK - 1)] = kind;
    block.at[i & (BLOCK - 1)] = this.#clock.now;
    this.#length = i + 1;
    return block;
  }

  #newBlock(): Block {
    const block = new Block();
    this.#blocks.push(block);
    return block;
  }
}

function grow(bytes: Uint8Array, atLeast: number): Uint8Array<ArrayBuffer> {
  let size = bytes.length * 2;
  while (size < atLeast) size *= 2;
  const next = new Uint8Array(size);
  next.set(bytes);
  return next;
}
