// The driver: three clients on laptop connect to web:7 at once, send a line and wait for it to come back.
// It checks nothing itself: the grader reads what the network recorded.
import net from 'node:net';

function client(n: number): Promise<void> {
  return new Promise((resolve) => {
    const line = `hello from client ${n}\n`;
    let received = '';
    const socket = net.connect({ host: 'web', port: 7 });
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.write(line));
    socket.on('data', (chunk: string) => {
      received += chunk;
      if (received.includes(line)) socket.end();
    });
    socket.on('error', (err: NodeJS.ErrnoException) => console.log(`client ${n}: ${err.code} ${err.message}`));
    // A server that never answers must not keep the client forever.
    const giveUp = setTimeout(() => socket.destroy(), 2000);
    socket.on('close', () => {
      clearTimeout(giveUp);
      console.log(`client ${n} got back ${JSON.stringify(received)}`);
      resolve();
    });
  });
}

await Promise.all([client(1), client(2), client(3)]);
