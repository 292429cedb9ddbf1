/**
 * Bytes the application wrote that TCP has not sent yet: chunks kept as written (no copy), cut into
 * segments of at most one MSS as the peer's window allows.
 */
import { Fifo } from './fifo';

export class SendBuffer {
  readonly #chunks = new Fifo<Uint8Array>();
  /** How far into the first chunk has been sent. */
  #offset = 0;
  /** Unsent bytes in all. */
  bytes = 0;

  push(chunk: Uint8Array): void {
    this.#chunks.push(chunk);
    this.bytes += chunk.length;
  }

  /** The next `size` bytes (size ≤ bytes): a view when one chunk holds them, else a copy joining chunks. */
  take(size: number): Uint8Array {
    const chunks = this.#chunks;
    const head = chunks.peek()!;
    const available = head.length - this.#offset;
    let payload: Uint8Array;
    if (available === size) {
      payload = this.#offset === 0 ? head : head.subarray(this.#offset);
      this.#dropHead();
    } else if (available > size) {
      payload = head.subarray(this.#offset, this.#offset + size);
      this.#offset += size;
    } else {
      payload = new Uint8Array(size);
      let filled = 0;
      while (filled < size) {
        const chunk = chunks.peek()!;
        const take = Math.min(chunk.length - this.#offset, size - filled);
        payload.set(chunk.subarray(this.#offset, this.#offset + take), filled);
        filled += take;
        this.#offset += take;
        if (this.#offset === chunk.length) this.#dropHead();
      }
    }
    this.bytes -= size;
    return payload;
  }

  /** The first chunk is all sent. */
  #dropHead(): void {
    this.#chunks.shift();
    this.#offset = 0;
  }
}
