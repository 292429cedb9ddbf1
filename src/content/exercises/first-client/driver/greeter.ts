// The driver: a greeter on web, port 80. It reads one line; to "HELLO <name>" (a name is one word of letters,
// which may have - or ' inside, such as ada or Jean-Luc) it answers with a welcome that names the client's
// end-point, to anything else with a line saying what it expects. It waits for the whole line, however it
// arrives and however long it takes (someone typing in nc). Then it hangs up rudely, with a reset (RST)
// instead of a polite FIN: a little after answering, or at once if the client says goodbye first (end()).
// It checks nothing itself: the grader reads what the network recorded.
import net from 'node:net';

const HELLO = /^HELLO ([A-Za-z][A-Za-z'-]*)\r?$/;

const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  let pending = '';
  let answered = false;
  socket.setEncoding('utf8');
  socket.on('data', (chunk: string) => {
    if (answered) return;
    pending += chunk;
    const end = pending.indexOf('\n');
    if (end < 0) return;
    answered = true;
    const name = HELLO.exec(pending.slice(0, end))?.[1];
    socket.write(name ? `WELCOME ${name}, you are ${socket.remoteAddress}:${socket.remotePort}\n` : 'WHO ARE YOU? say HELLO and your name, then a line break\n');
    setTimeout(() => socket.resetAndDestroy(), 100);
  });
  // The client said goodbye (or sent its line without a line break and ended): the greeter is rude anyway.
  socket.on('end', () => socket.resetAndDestroy());
  socket.on('error', () => undefined);
});

server.listen(80, () => console.log('greeter listening on port 80'));
