// UDP with dgram: an echo server that answers each datagram, and a client that sends, in every form.
import dgram, { type RemoteInfo } from 'node:dgram';
import { once } from 'node:events';

const server = dgram.createSocket('udp4');
server.on('message', (msg: Buffer, rinfo: RemoteInfo) => {
  console.log(`${rinfo.size} bytes from ${rinfo.address}:${rinfo.port} (${rinfo.family})`);
  server.send(msg, rinfo.port, rinfo.address, (err, bytes) => {
    if (err) console.error(err.message);
    else console.log(`answered with ${bytes} bytes`);
  });
});
server.on('error', (err: NodeJS.ErrnoException) => console.error(err.code, err.syscall));
server.bind({ port: 9000, address: '0.0.0.0' }, () => console.log(server.address().port));

const client = dgram.createSocket({ type: 'udp4', reuseAddr: true }, (msg) => console.log(msg.toString()));
client.send('ping', 9000, 'web');
client.send(['several ', Buffer.from('parts')], 9000, 'web');
client.send(Buffer.from('0123456789'), 2, 4, 9000, 'web', (err) => err && console.error(err));
client.connect(9000, 'web', () => {
  client.send('connected ping');
  console.log(client.remoteAddress(), client.getRecvBufferSize());
  client.disconnect();
});
await once(server, 'listening');
client.close(() => console.log('client closed'));
