/**
 * Bytes the application wrote that TCP has not sent yet: chunks kept as written (no copy), cut into
 * segments of at most one MSS as the peer's window allows.
 */
export class SendBuffer {
  readonly #chunks: Uint8Array[] = [];
  #head = 0;
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
    const head = chunks[this.#head]!;
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
        const chunk = chunks[this.#head]!;
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

  /** The first chunk is all sent; the array is compacted now and then instead of shifted every time. */
  #dropHead(): void {
    const chunks = this.#chunks;
    chunks[this.#head++] = undefined as unknown as Uint8Array;
    this.#offset = 0;
    if (this.#head === chunks.length) {
      chunks.length = 0;
      this.#head = 0;
    } else if (this.#head >= 1024) {
      chunks.splice(0, this.#head);
      this.#head = 0;
    }
  }
}
