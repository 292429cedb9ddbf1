// The driver: a greeter on web, port 80. It answers a line "HELLO <name>" with a welcome that names the
// client's end-point, then hangs up rudely: a reset (RST) instead of a polite FIN.
import net from 'node:net';

const server = net.createServer((socket) => {
  let pending = '';
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    pending += chunk;
    const end = pending.indexOf('\n');
    if (end < 0) return;
    const line = pending.slice(0, end).trim();
    const name = line.startsWith('HELLO') ? line.slice(5).trim() || 'stranger' : 'stranger';
    socket.write(`WELCOME ${name}, you are ${socket.remoteAddress}:${socket.remotePort}\n`);
    setTimeout(() => socket.resetAndDestroy(), 100);
  });
  socket.on('error', () => undefined);
});

server.listen(80, () => console.log('greeter listening on port 80'));
