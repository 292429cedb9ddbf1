/**
 * A first-in first-out queue on a ring of slots that only ever grows. An array emptied with
 * `length = 0` or `shift()`/`pop()` gives its storage back and allocates it again on the next push: on
 * the hot path (a segment in, a segment out) that was one allocation per packet.
 */
export class Fifo<T> {
  #slots: (T | undefined)[] = [];
  #head = 0;
  /** Items waiting. */
  size = 0;

  push(item: T): void {
    const slots = this.#slots;
    if (this.size === slots.length) return this.#grow(item);
    slots[(this.#head + this.size) & (slots.length - 1)] = item;
    this.size++;
  }

  /** The oldest item, without removing it. */
  peek(): T | undefined {
    return this.size === 0 ? undefined : this.#slots[this.#head];
  }

  /** Removes and returns the oldest item. */
  shift(): T | undefined {
    if (this.size === 0) return undefined;
    const slots = this.#slots;
    const item = slots[this.#head];
    slots[this.#head] = undefined; // let it go
    this.#head = (this.#head + 1) & (slots.length - 1);
    this.size--;
    return item;
  }

  /** Every item, oldest first (a copy). */
  toArray(): T[] {
    const items: T[] = [];
    for (let i = 0; i < this.size; i++) items.push(this.#slots[(this.#head + i) & (this.#slots.length - 1)]!);
    return items;
  }

  /** Doubles the ring (capacity stays a power of two, so positions wrap with a mask). */
  #grow(item: T): void {
    const items = this.toArray();
    items.push(item);
    const capacity = Math.max(4, this.#slots.length * 2);
    while (items.length < capacity) items.push(undefined as T);
    this.#slots = items;
    this.#head = 0;
    this.size++;
  }
}
