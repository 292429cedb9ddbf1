import net from 'node:net';
import { once } from 'node:events';

async function main(): Promise<void> {
  const socket = net.connect({ host: 'web', port: 80 });
  socket.on('data', (chunk) => console.log(chunk.toString()));
  await once(socket, 'connect');
  socket.write('HELLO edsger\n');
  try {
    // once() rejects when 'error' comes first: that is how the reset arrives here.
    await once(socket, 'close');
  } catch (err) {
    console.log(`the connection ended with ${(err as NodeJS.ErrnoException).code}`);
  }
}

main().catch((err) => console.log('failed:', err));
