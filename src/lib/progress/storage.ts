/**
 * The part of the Web Storage API the progress store uses, and an in-memory one: the fallback when the
 * browser's storage is full or disabled, and the test double (with a quota and a disabled mode).
 */
export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

/** Errors named as browsers name them, so the store treats real and in-memory storage alike. */
export function storageError(name: 'QuotaExceededError' | 'SecurityError', message: string): Error {
  const error = new Error(message);
  error.name = name;
  return error;
}

export interface MemoryStorageOptions {
  /** Total characters of keys + values allowed; past it `setItem` throws QuotaExceededError. */
  quota?: number;
  /** Every access throws SecurityError, as localStorage does with cookies blocked. */
  disabled?: boolean;
}

export class MemoryStorage implements StorageLike {
  private readonly items = new Map<string, string>();
  quota: number;
  disabled: boolean;

  constructor(options: MemoryStorageOptions = {}) {
    this.quota = options.quota ?? Infinity;
    this.disabled = options.disabled ?? false;
  }

  get length(): number {
    this.guard();
    return this.items.size;
  }

  key(index: number): string | null {
    this.guard();
    return [...this.items.keys()][index] ?? null;
  }

  getItem(key: string): string | null {
    this.guard();
    return this.items.get(key) ?? null;
  }

  setItem(key: string, value: string): void {
    this.guard();
    const used = [...this.items].reduce((n, [k, v]) => n + (k === key ? 0 : k.length + v.length), 0);
    if (used + key.length + value.length > this.quota) {
      throw storageError('QuotaExceededError', `Failed to execute 'setItem' on 'Storage': Setting the value of '${key}' exceeded the quota.`);
    }
    this.items.set(key, String(value));
  }

  removeItem(key: string): void {
    this.guard();
    this.items.delete(key);
  }

  private guard(): void {
    if (this.disabled) throw storageError('SecurityError', "Failed to read the 'localStorage' property from 'Window': Access is denied for this document.");
  }
}
