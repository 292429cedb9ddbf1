/**
 * `node:stream` and `node:stream/promises`: readable-stream, the userland copy of Node's streams that the
 * sockets themselves are built on. As in Node, the module is the legacy `Stream` class carrying
 * `Readable`, `Writable`, `Duplex`, `Transform`, `PassThrough`, `pipeline`, `finished`… as properties.
 */
import { StringDecoder, streamModule } from '../node/libs';

export { streamModule };
export const streamPromises = streamModule.promises;
export const stringDecoderModule = Object.freeze({ StringDecoder });
