// The driver on laptop: laptop's own programs. One connects through the loopback (127.0.0.1), one through
// laptop's own card address (10.0.0.10: it stays inside laptop, but the server sees that address), and one
// knocks on the admin door through the loopback. It prints what each got; it checks nothing itself.
import net from 'node:net';

/** One visit; a refusal is tried again `retries` times (on a real computer the server may not be up yet). */
function visit(host: string, port: number, retries = 0): Promise<void> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => console.log(`${host}:${port} says: ${text.trim()}`));
    socket.on('end', () => socket.end());
    socket.on('close', () => resolve());
    socket.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED' && retries > 0) {
        socket.removeAllListeners('close');
        setTimeout(() => void visit(host, port, retries - 1).then(resolve), 250);
        return;
      }
      console.log(`${host}:${port}: ${err.code}`);
    });
  });
}

void visit('127.0.0.1', 8080, 20).then(() => {
  void visit('10.0.0.10', 8080);
  void visit('127.0.0.1', 9000);
});
