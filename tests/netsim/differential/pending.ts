/**
 * Scenarios netsim does not match yet, by full name, each with why. The suites still run them: real Node
 * must run each (and node-baseline must find it deterministic), and netsim must still fail or observe
 * something else — a scenario that starts to match fails its test until its line here is removed.
 */
import { expect } from 'vitest';
import type { Observation } from './platform';

/** One reason shared by several scenarios. */
function because(reason: string, ...names: string[]): Record<string, string> {
  return Object.fromEntries(names.map((name) => [name, reason]));
}
export const pendingOnNetsim: Readonly<Record<string, string>> = {
  ...because(
    'netsim has no node:readline module yet',
    "readline-line-events: 'line' gives whole lines across chunk boundaries (\\n, \\r\\n, a last unterminated line), then 'close'",
    'readline-async-iteration: for await (const line of rl) reads the same lines and ends when the socket ends',
    'readline-line-server: a server answering each line of a client that sends lines in pieces',
    'readline-question-over-socket: question() writes the prompt to the output socket and calls back with the answer line',
    "readline-close-keeps-socket: rl.close() emits 'close' and pauses the socket without ending or destroying it",
  ),
  ...because(
    'netsim has no node:util module yet',
    'util-format-placeholders: %s %d %i %f %j %o %O %c %% with typical and awkward arguments',
    'util-inspect-values: objects, arrays, strings, Maps, Sets, dates, classes, functions, depth and line breaking',
    'util-inspect-options: depth, compact, breakLength, sorted, maxArrayLength, maxStringLength, showHidden, colors',
    'util-inspect-buffers: Buffers read from a socket, short and long, and a Uint8Array',
    'util-inspect-errors: errors with and without stack, with code and cause, nested, and a real ECONNREFUSED as console.log shows it',
    'util-inspect-getters: accessors print as [Getter], [Setter], [Getter/Setter]; getters: true shows their values',
    'util-inspect-custom-and-circular: [util.inspect.custom] is used; circular references print as [Circular *1]',
    'util-promisify: error-first callbacks become promises; the first extra value only; promisify.custom wins',
  ),
  ...because(
    'netsim has no node:dns module yet',
    'dns-lookup-ip-literal: an IP comes back as itself with family 4, always through a later callback',
    'dns-promises-lookup-ip-literal: dns.promises.lookup resolves { address, family }, or a list with all: true',
    'dns-lookup-localhost: localhost is 127.0.0.1 (family 4 asked: a dual-stack host may also answer ::1)',
    'dns-lookup-argument-errors: a hostname that is not a string, a bad family, a missing callback',
    'dns-lookup-promisified: util.promisify(dns.lookup) resolves { address, family } (dns.lookup has a custom promisify)',
  ),
  ...because(
    'two hosts: netsim answers a connection to 0.0.0.0 with ENETUNREACH (Linux: this host, so ECONNREFUSED here)',
    '0.0.0.0 as a destination is the connecting host itself: refused on laptop though web listens on 0.0.0.0:80',
  ),
  ...because(
    'programs on two hosts: netsim has no node:process, node:os or node:dns yet',
    'os-network-interfaces: laptop sees lo (127.0.0.1/8) and eth0 (10.0.0.10/24), IPv4 only, in that order',
    "os-hostname-and-constants: hostname() is the host's name; EOL, platform, type, endianness and errno/signal numbers are Linux's",
    "dns-lookup-host-names: the topology's names (any case), the own hostname and localhost resolve from /etc/hosts",
    'dns-lookup-not-found: a name no host has fails with ENOTFOUND (getaddrinfo, errno -3008) in lookup, promises.lookup and connect',
  ),
  ...because(
    'net.Socket is not a stream.Duplex yet (no read(), cork(), async iterator, setDefaultEncoding; node:stream missing)',
    'net-stream-kept-until-read: bytes that arrive before any data listener wait in the socket, on both sides',
    'net-stream-pause-resume: a paused socket emits no data, even with a data listener; resume() delivers what waited',
    "net-stream-readable-read-n: 'readable' and read(4) give 4-byte pieces, the last shorter piece once the stream ended",
    'net-stream-async-iteration: for await reads every chunk until the peer ends, then the socket is destroyed',
    'net-stream-async-iteration-break: leaving a for await loop destroys the socket; the peer sees end then close',
    'net-stream-async-iteration-reset: a reset connection makes for await throw the socket error',
    'net-stream-cork: writes while corked stay queued and leave together on uncork; nested corks need as many uncorks',
    'net-stream-end-uncorks: end() sends what a corked socket queued',
    'net-stream-write-encodings: write(text, hex|base64) and setDefaultEncoding decode before sending',
    'net-stream-pipe-slow-writer: pipe() pauses the socket while the destination is full and delivers every byte in order',
    'net-stream-pipeline: stream.pipeline(socket, transform, writable, cb) delivers everything and calls back without error',
    'net-stream-pipeline-error: a failing destination makes pipeline destroy the socket and pass the error on',
    'net-stream-promises-pipeline: await stream.promises.pipeline(socket, async generator, writable) resolves once all is through',
    'net-stream-finished-clean: stream.finished(socket) calls back without error after a clean exchange',
    'net-stream-finished-premature: stream.finished reports ERR_STREAM_PREMATURE_CLOSE for a socket destroyed mid-stream',
    'net-stream-is-a-duplex: a socket is a stream.Duplex, Readable and Writable',
  ),
  ...because(
    "the socket's Writable side is hand-written: callback/event order and flags differ from Node's stream",
    "net-stream-end-callback: end(cb) — the flags at once, then the callback and 'finish', then 'end' and 'close' when the peer ends too",
    'net-stream-write-bad-values: write(null) and write(42) throw; the socket still works afterwards',
    'net-stream-end-twice: a second end() before finish waits for it; end() after finish gets ERR_STREAM_ALREADY_FINISHED',
    'net-stream-destroy-soon: destroySoon() sends everything queued, then closes; the peer gets all of it',
    'net-stream-write-before-connect: writes queue while connecting (writableLength, bufferSize) and go out on connect',
    'net-stream-need-drain: against a reader that does not read, write() ends up returning false; writableNeedDrain holds until drain',
    'net-stream-pause-on-connect: a server with pauseOnConnect leaves bytes in the kernel until resume()',
  ),
  ...because(
    "a socket's fields through its life differ: address()/localAddress before connect and after close, pending, cached peer name",
    'net-socket-life-fresh: a new net.Socket() before connect, and a write to it',
    'net-socket-life-connection: fields while connecting, connected, after end(), after close',
    'net-socket-life-addresses-after-close: addresses read while connected stay readable after close; unread ones are gone',
    'net-socket-reconnect-after-failure: connect() again on the same Socket after ECONNREFUSED and close',
  ),
  ...because(
    'special destinations: netsim answers 0.0.0.0 with ENETUNREACH (Linux connects it to 127.0.0.1) and 255.255.255.255 datagrams with ENETUNREACH (Linux: EACCES without setBroadcast)',
    'net-connect-any-address: 0.0.0.0 as a destination reaches this host (Linux connects it to 127.0.0.1)',
    'dgram-send-to-any-address: a datagram to 0.0.0.0 reaches a socket of this host, from 127.0.0.1',
    'dgram-send-broadcast-needs-permission: sending to 255.255.255.255 without setBroadcast(true) fails with EACCES',
  ),
  ...because(
    "net argument handling: a non-numeric port string throws ERR_SOCKET_BAD_PORT (Node takes it as a Unix socket path); listen({}) is accepted",
    'net-connect-port-as-text: a numeric string is a port; other text is taken as a Unix socket path; no port at all throws',
    "net-listen-bad-options: listen({}) throws ERR_INVALID_ARG_VALUE; listen on a closed server's port works again",
  ),
  ...because(
    "idle timeout: netsim re-arms 'timeout' every period and setTimeout(0) neither sets timeout to 0 nor removes the callback",
    "net-socket-timeout-once-per-idle-period: 'timeout' fires once per quiet period; activity re-arms it",
    'net-socket-timeout-zero: setTimeout(0) disables the idle timer and removes the callback given with it',
  ),
  ...because(
    "timing: netsim binds listen(port, host) synchronously (Node: after a lookup tick) and emits 'lookup' for IP literals, never with an error",
    "net-listen-timing-ip-host: listen(0, '127.0.0.1') binds only after a lookup tick; 'listening' still comes before promises",
    'net-listen-timing-options: listen({ port: 0, host }) behaves as listen(0, host); the callback runs before later listeners',
    "net-connect-lookup-event: a host name emits 'lookup' (err, address, family, host) before 'connect'; an IP does not",
    "net-connect-lookup-failure: a name that does not resolve emits 'lookup' with the error, then 'error', then 'close'",
  ),
  ...because(
    'dgram checks: options before bind do not fail with EBADF, no getRecvBufferSize, setTTL range/type unchecked, no EMSGSIZE',
    'dgram-options-before-bind: socket options need a bound socket (EBADF before bind, accepted after)',
    'dgram-option-ranges: setTTL outside 1-255 fails with EINVAL; a TTL that is not a number throws ERR_INVALID_ARG_TYPE',
    'dgram-datagram-size-limit: 65507 bytes is the largest IPv4 UDP payload; one byte more fails with EMSGSIZE',
  ),
  ...because(
    "dgram send: no lists of buffers, offset/length unchecked, no port gives ERR_SOCKET_DGRAM_NOT_CONNECTED, errors without a callback become 'error' events",
    "dgram-send-error-without-callback: a failed send with no callback is dropped silently (no 'error' event), whatever the documentation says",
    'dgram-send-offset-length: send(buffer, offset, length, …) sends only that slice; out-of-range slices throw',
    'dgram-send-list: a list of buffers and strings goes out as one datagram',
    'dgram-send-without-port: an unconnected socket must be given a port',
  ),
  ...because(
    'dgram state: no reuseAddr, address() after close gives EBADF, connect() while connecting allowed, connected send argument forms differ',
    'dgram-reuse-addr: with reuseAddr two sockets bind one port; a datagram reaches exactly one of them',
    "dgram-close-twice: the second close() throws ERR_SOCKET_DGRAM_NOT_RUNNING; 'close' is emitted once; address() then throws too",
    'dgram-connect-twice: a second connect() throws ERR_SOCKET_DGRAM_IS_CONNECTED, even before the first completes',
    'dgram-connected-checks: a connected socket ignores send(msg, port, address) and refuses send(msg, offset, length, port, address); disconnect() twice throws',
  ),
  ...because(
    'programs: netsim has no node:process module and NetProcess reports no stdout/stderr yet (onOutput)',
    'process-stdout-stderr: write() to each stream, Buffers and encodings, the write callback',
    'process-argv-env: argv of a program run without arguments; env converts what is assigned to strings',
    "process-exit-code (exitCode): process.exitCode = 3 and returning ends with code 3; the 'exit' listener gets the code",
    "process-exit-code (exit-5): process.exit(5) ends with code 5 at once; the 'exit' listener gets the code",
    "process-exit-code (exitCode-then-exit): process.exit() without a code uses process.exitCode; the 'exit' listener gets the code",
    'process-exit-stops-everything: after exit() only the exit listeners run; queued callbacks and timers never do',
    'process-tick-order: sync code, then nextTicks, then promise microtasks, then immediates, then timers',
    'process-exit-closes-socket-fin: a program that exits after its write callback; the peer gets the bytes, then FIN',
    'process-exit-closes-socket-rst: exiting with unread bytes queued resets that connection; a read one ends with FIN',
    'process-exit-stops-interval: an interval that writes to a socket stops with the process',
    "process-exit-closes-server: exit closes the program's listening socket and its connections",
    'process-crash-closes-sockets: an exception thrown from a callback ends the program with code 1; its peer sees FIN',
  ),
};

/** Passes while netsim throws or observes something other than real Node did. */
export async function expectStillDiffers(onNetsim: () => Promise<Observation>, real: Observation): Promise<void> {
  let simulated: Observation;
  try {
    simulated = await onNetsim();
  } catch {
    return; // still failing on netsim
  }
  expect(simulated, 'netsim now observes what real Node does: remove this scenario from pending.ts').not.toEqual(real);
}
