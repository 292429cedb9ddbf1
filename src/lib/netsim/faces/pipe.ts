/** `readable.pipe(writable)` for sockets: data flows with backpressure (pause on a full writer, resume on 'drain'). */
import type { EventEmitter } from './events';

interface Readable extends EventEmitter {
  pause(): unknown;
  resume(): unknown;
}

interface Writable extends EventEmitter {
  write(chunk: any): boolean;
  end(): unknown;
}

export function pipe<W extends Writable>(source: Readable, destination: W, options: { end?: boolean } = {}): W {
  const onData = (chunk: unknown) => {
    if (!destination.write(chunk)) source.pause();
  };
  const onDrain = () => source.resume();
  source.on('data', onData);
  destination.on('drain', onDrain);
  if (options.end !== false) source.once('end', () => destination.end());
  const cleanup = () => {
    source.removeListener('data', onData);
    destination.removeListener('drain', onDrain);
  };
  source.once('close', cleanup);
  destination.emit('pipe', source);
  return destination;
}
