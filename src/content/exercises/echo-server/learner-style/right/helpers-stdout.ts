import net from 'node:net';

const PORT = 7;

function log(text: string): void {
  process.stdout.write(`[echo] ${text}\n`);
}

function describe(socket: net.Socket): string {
  return `${socket.remoteAddress}:${socket.remotePort}`;
}

function echo(socket: net.Socket): void {
  const who = describe(socket);
  log(`${who} connected`);
  socket.setEncoding('utf8');
  socket.on('data', (text: string) => {
    log(`${who} sent ${text.length} characters`);
    socket.write(text);
  });
  socket.on('error', (err) => log(`${who}: ${err.message}`));
}

net.createServer(echo).listen(PORT, () => log(`listening on ${PORT}`));
