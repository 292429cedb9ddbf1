// Streams and emitters of your own: Readable.from, a Writable, a Transform in a pipeline of async
// generators, events.on, stream.finished, and an EventEmitter subclass.
import { EventEmitter, on, once } from 'node:events';
import stream, { Readable, Writable, Duplex, PassThrough, finished } from 'node:stream';
import { pipeline, finished as finishedPromise } from 'node:stream/promises';
import net from 'node:net';

class Doorbell extends EventEmitter {
  ring(who: string): void {
    this.emit('ring', who, Date.now());
  }
}
const bell = new Doorbell();
bell.on('ring', (who: string) => console.log(`${who} is at the door`));
bell.once('ring', (...args) => console.log(args.length));
bell.ring('Ada');
console.log(bell.listenerCount('ring'), bell.eventNames(), EventEmitter.defaultMaxListeners);

const collected: string[] = [];
const collector = new Writable({
  write(chunk: Buffer, _encoding, callback) {
    collected.push(chunk.toString());
    callback();
  },
});
await pipeline(
  Readable.from(['a', 'b', 'c']),
  async function* (source: AsyncIterable<string>) {
    for await (const letter of source) yield letter.toUpperCase();
  },
  collector,
);
console.log(collected.join(''));

const tee = new PassThrough();
finished(tee, (err) => console.log('tee done', err?.message));
tee.end('bye');
await finishedPromise(tee);
console.log(stream.getDefaultHighWaterMark(false), stream.isReadable(tee));

const server = net.createServer().listen(5000);
await once(server, 'listening');
for await (const [socket] of on(server, 'connection')) {
  const connection = socket as net.Socket;
  connection.on('readable', () => {
    let chunk: Buffer | null;
    while ((chunk = connection.read(2)) !== null) console.log(chunk.readUInt16BE(0));
  });
  connection.on('end', () => connection.end());
  connection.setTimeout(10_000, () => connection.destroy());
  connection.cork();
  connection.write('a');
  connection.write('b');
  process.nextTick(() => connection.uncork());
  const duplex: Duplex = connection;
  console.log(duplex.writableLength, connection.readyState, connection.remoteAddress, connection.localPort);
  server.close();
  break;
}
server.getConnections((err, count) => console.log(err, count));
