import { createServer, type Socket } from 'node:net';

// Reads the chunks in order; once the question line is complete, answers once. Ends when the client has.
async function serve(socket: Socket): Promise<void> {
  let text = '';
  let answered = false;
  try {
    for await (const chunk of socket) {
      text += String(chunk);
      if (!answered && text.includes('\n')) {
        answered = true;
        socket.write(`local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}\n`);
      }
    }
    socket.end();
  } catch (err) {
    console.log(`lost a client: ${(err as Error).message}`);
  }
}

createServer({ allowHalfOpen: true }, (socket) => void serve(socket)).listen(9000, '0.0.0.0');
