/** The echo service (RFC 862, TCP port 7): every byte a client sends comes straight back. */
import type { NodeNet } from './nodeNet';
import { listen } from './nodeNet';

export async function startEchoServer(net: NodeNet, address: string, port: number): Promise<void> {
  const server = net.createServer((socket) => {
    socket.on('data', (chunk) => socket.write(chunk));
    // A client that resets the connection is its own business; the server carries on.
    socket.on('error', () => {});
    // When the client ends its side, Node ends ours too (allowHalfOpen is false): the client closes first.
  });
  await listen(server, address, port);
}
