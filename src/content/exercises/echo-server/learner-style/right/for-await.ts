import net from 'node:net';

// Each connection is an async iterable of chunks: read them in order and send each one back.
async function serve(socket: net.Socket): Promise<void> {
  try {
    for await (const chunk of socket) {
      socket.write(chunk);
    }
  } catch (err) {
    console.error('connection failed:', (err as Error).message);
  }
}

const server = net.createServer((socket) => void serve(socket));
server.listen(7, () => console.log('listening on 7'));
