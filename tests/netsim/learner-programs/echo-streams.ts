// Echo servers written with streams: pipe, pipeline with a callback, stream/promises' pipeline through a
// Transform, and reading with `for await`.
import net from 'node:net';
import { pipeline, Transform, type TransformCallback } from 'node:stream';
import { pipeline as pipelinePromise } from 'node:stream/promises';

// The shortest echo server: whatever arrives goes back, with backpressure.
net.createServer((socket) => socket.pipe(socket)).listen(7);

// The same with pipeline: an error destroys the socket and comes to the callback instead of crashing.
net
  .createServer((socket) => {
    pipeline(socket, socket, (err) => {
      if (err) console.error(`echo failed: ${err.code ?? err.message}`);
    });
  })
  .listen(8);

class Upper extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    callback(null, chunk.toString('utf8').toUpperCase());
  }
}

net
  .createServer(async (socket) => {
    try {
      await pipelinePromise(socket, new Upper(), socket);
    } catch (err) {
      console.error('shouting failed:', (err as NodeJS.ErrnoException).code);
    }
  })
  .listen(9);

// A client that reads the whole answer with for await, then prints it.
async function fetchAll(host: string, port: number): Promise<string> {
  const socket = net.connect({ host, port });
  socket.end('hello\n');
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8');
}

const answer = await fetchAll('web', 9);
process.stdout.write(answer);

// Backpressure by hand: stop when write() says the buffer is full, go on at 'drain'.
const sink = net.connect(7, 'web');
const block = Buffer.alloc(16 * 1024, 'x');
let sent = 0;
function pump(): void {
  while (sent < 1_000_000) {
    sent += block.length;
    if (!sink.write(block)) return void sink.once('drain', pump);
  }
  sink.end();
}
sink.on('connect', pump);
sink.on('error', (err: NodeJS.ErrnoException) => console.error(err.code, err.syscall, err.message));
sink.on('close', (hadError) => console.log(`closed${hadError ? ' with an error' : ''}`, sink.bytesWritten));
