// A line protocol over TCP: readline on a socket, read with 'line' events and with for await;
// readline/promises' question; events.once to wait for 'listening'.
import net, { type AddressInfo } from 'node:net';
import readline from 'node:readline';
import * as readlinePromises from 'node:readline/promises';
import { once } from 'node:events';
import util from 'node:util';

const server = net.createServer(async (socket) => {
  socket.setEncoding('utf8');
  socket.write('HELLO\n');
  const rl = readline.createInterface({ input: socket, crlfDelay: Infinity });
  for await (const line of rl) {
    const [command = '', ...rest] = line.trim().split(' ');
    if (command === 'QUIT') {
      socket.end('BYE\n');
      break;
    }
    socket.write(util.format('%s %d %s\n', command.toUpperCase(), rest.length, rest.join(',')));
  }
});
server.listen(4000, '0.0.0.0');
await once(server, 'listening');
const { port, address, family } = server.address() as AddressInfo;
console.log(`listening on ${address}:${port} (${family})`);

// A client reading lines as events.
const client = net.connect(4000, 'web');
const lines = readline.createInterface({ input: client });
lines.on('line', (line) => {
  const text: string = line;
  if (text === 'BYE') lines.close();
});
lines.on('close', () => console.log('no more lines'));

// A client asking questions: each answer is the next line the server sends.
const asker = net.connect({ port: 4000, host: 'web' });
const rl = readlinePromises.createInterface({ input: asker, output: asker });
const greeting = await rl.question('');
const reply = await rl.question('ECHO one two\n');
console.log(greeting, reply.split(' ').length);
rl.close();
asker.end('QUIT\n');
