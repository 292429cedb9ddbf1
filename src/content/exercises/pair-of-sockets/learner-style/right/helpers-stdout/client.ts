import net from 'node:net';

const options = { host: 'web', port: 4000 };

function ends(socket: net.Socket): string {
  return `local ${socket.localAddress}:${socket.localPort} remote ${socket.remoteAddress}:${socket.remotePort}`;
}

const socket = net.connect(options);
socket.setEncoding('utf8');
socket.once('connect', () => {
  process.stdout.write(`client: ${ends(socket)}\n`);
  socket.end('stressed\n');
});
let answer = '';
socket.on('data', (text: string) => (answer += text));
socket.on('close', () => process.stdout.write(`client: the server sent back ${JSON.stringify(answer)}\n`));
socket.on('error', (err) => process.stdout.write(`client: ${err.message}\n`));
