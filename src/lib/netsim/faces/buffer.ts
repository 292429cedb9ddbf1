/** `node:buffer`: the `buffer` package, Node's Buffer as a userland copy (the whole API). */
import { Buffer, INSPECT_MAX_BYTES, kMaxLength, SlowBuffer } from '../node/libs';

export const bufferModule = Object.freeze({
  Buffer,
  SlowBuffer,
  INSPECT_MAX_BYTES,
  kMaxLength,
  constants: Object.freeze({ MAX_LENGTH: kMaxLength, MAX_STRING_LENGTH: 2 ** 29 - 24 }),
  isUtf8: (input: ArrayBufferView | ArrayBuffer) => {
    try {
      new TextDecoder('utf-8', { fatal: true }).decode(input);
      return true;
    } catch {
      return false;
    }
  },
  atob: (data: string) => globalThis.atob(data),
  btoa: (data: string) => globalThis.btoa(data),
});
