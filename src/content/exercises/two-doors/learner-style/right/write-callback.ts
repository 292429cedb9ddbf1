import * as net from 'net';

const LOOPBACK = '127.0.0.1';

const status = net.createServer({ allowHalfOpen: false }, function (socket) {
  const line = 'hello ' + socket.remoteAddress + '\n';
  socket.write(line, () => socket.end());
});

const admin = net.createServer(function (socket) {
  const line = 'admin ' + socket.remoteAddress + '\n';
  socket.write(line, () => socket.end());
});

status.listen(8080, function () {
  console.log('status listening on', status.address());
});
admin.listen(9000, LOOPBACK, 511, function () {
  console.log('admin listening on', admin.address());
});
