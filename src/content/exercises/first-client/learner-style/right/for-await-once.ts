import { connect } from 'node:net';
import { once } from 'node:events';

const socket = connect({ host: 'web', port: 80 });
await once(socket, 'connect');
console.log(`connected from port ${socket.localPort}`);
socket.write('HELLO margaret\n');

try {
  for await (const chunk of socket) {
    console.log(String(chunk).trimEnd());
  }
} catch (err) {
  console.log('the greeter hung up:', (err as NodeJS.ErrnoException).code);
}
