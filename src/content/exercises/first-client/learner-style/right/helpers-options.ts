import net from 'node:net';

const options: net.NetConnectOpts = { host: 'web', port: 80 };
const myName = 'ada';

function helloLine(name: string): string {
  return `HELLO ${name}\n`;
}

function show(label: string, text: string): void {
  process.stdout.write(`${label}: ${text}\n`);
}

const socket = net.connect(options);
socket.once('connect', () => {
  show('me', `${socket.localAddress}:${socket.localPort}`);
  socket.write(helloLine(myName));
});
socket.on('data', (chunk) => show('web', chunk.toString().trim()));
socket.on('error', (err: NodeJS.ErrnoException) => show('error', err.code ?? err.message));
