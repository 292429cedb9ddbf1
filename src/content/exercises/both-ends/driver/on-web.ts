// The driver: two clients on web itself ask the service on port 9000 who they are: one through the loopback
// address, 127.0.0.1, and one through web's own name, which is its address on the network, 10.0.0.2. Neither
// leaves web, and the server sees a different local address for each. It checks nothing itself.
import net from 'node:net';

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function ask(name: string, host: string, startAt: number): Promise<void> {
  await wait(startAt);
  const socket = net.connect({ host, port: 9000 });
  let answer = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => (answer += chunk));
  socket.on('error', (err: NodeJS.ErrnoException) => console.log(`${name}: ${err.code ?? err.message}`));
  const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
  const gotLine = new Promise<void>((resolve) => socket.on('data', () => answer.includes('\n') && resolve()));
  socket.on('connect', () => socket.write('who am I?\n'));
  await Promise.race([gotLine, closed, wait(1000)]);
  socket.end();
  setTimeout(() => socket.destroy(), 500).unref();
  await closed;
  console.log(`${name} was told: ${JSON.stringify(answer)}`);
}

await Promise.all([ask('loopback client', '127.0.0.1', 60), ask('client through web', 'web', 90)]);
