/**
 * The grader's vocabulary: checks are plain data, written in an exercise's `exercise.json`, each a sentence
 * of the course ("a server listens on web:7", "the reply reached the client"). Each kind has one evaluator
 * in `./kinds/`; `grade` dispatches on `kind` with an exhaustive switch.
 */

/** A server's end-point as a check names it: a host by name and a port. */
export interface ServerEndpoint {
  host: string;
  port: number;
}

/** What every check has. */
interface CheckBase {
  /** Unique within the exercise; results and misconception variants refer to it. */
  id: string;
  /** The check as one plain sentence, shown in the results list before and after a run. */
  title: string;
  /** Shown with a failure (the exercise's hints are separate, and graded by level). */
  hint?: string;
  /**
   * Wrong ideas this check can recognise when it fails. The first that matches replaces the generic
   * failure message with a targeted one.
   */
  misconceptions?: MisconceptionDetector[];
}

/** A server listens on host:port. */
export interface ListeningCheck extends CheckBase {
  kind: 'listening';
  host: string;
  port: number;
  /** Default `tcp`. */
  protocol?: 'tcp' | 'udp';
  /**
   * Local addresses that count, `0.0.0.0` meaning "every address". Default: every address or any of
   * the host's NIC addresses, that is, reachable from other hosts (loopback only does not count).
   */
  addresses?: string[];
  /**
   * Only sockets of this program (a file of the exercise) count: for a port another program on the host
   * holds too, such as an old copy of the server that lets go of it during the run.
   */
  program?: string;
}

/** A TCP connection joined a client on `client.host` to `server.host:server.port`. */
export interface ConnectionCheck extends CheckBase {
  kind: 'connection';
  client: { host: string };
  server: ServerEndpoint;
}

/** At least `atLeast` connections share the server's end-point and differ in the client's end-point. */
export interface DistinctPairsCheck extends CheckBase {
  kind: 'distinct-pairs';
  server: ServerEndpoint;
  atLeast: number;
}

/** Every connection from `client.host` to the server used an ephemeral port chosen by the OS. */
export interface EphemeralClientPortCheck extends CheckBase {
  kind: 'ephemeral-client-port';
  client: { host: string };
  server: ServerEndpoint;
}

/** These bytes reached that side: a socket on `to.host` (of that role) received `text`. */
export interface BytesDeliveredCheck extends CheckBase {
  kind: 'bytes-delivered';
  to: {
    host: string;
    /** `connector`: a socket that connected out (a client); `accepted`: one a server accepted. */
    role: 'connector' | 'accepted' | 'datagram';
    /** Only sockets whose peer is this port (e.g. the server's). */
    peerPort?: number;
  };
  text: string;
  /** When true, every matching socket must have received the text (e.g. every client got its echo). */
  every?: boolean;
}

/**
 * An echo, judged on what moved: on every connection from `client.host` to the server, the client received
 * back exactly the bytes it sent, in order, nothing more and nothing less. At least `atLeast` connections
 * must have sent something (the exercise's driver says how many it opens).
 */
export interface EchoCheck extends CheckBase {
  kind: 'echo';
  client: { host: string };
  server: ServerEndpoint;
  atLeast: number;
}

/**
 * A reply the protocol defines: on every connection whose client sent a request matching `request` (a
 * regular expression with named groups), the client received `reply` — a template where `{name}` is a
 * group of the request and `{client.address}`, `{client.port}`, `{server.address}`, `{server.port}` are the
 * connection's end-points.
 */
export interface ReplyCheck extends CheckBase {
  kind: 'reply';
  client: { host: string };
  server: ServerEndpoint;
  atLeast: number;
  request: string;
  reply: string;
}

/**
 * An HTTP response judged by what HTTP/1.1 requires (RFC 9112), on every connection from `client.host` to the
 * server that carried a complete request: a status line with `status`, header lines, an empty line, and a body
 * of exactly Content-Length bytes that contains each of `bodyIncludes`, templates filled from that request:
 * `{path}` (the request target), `{host}` (its Host header), `{method}`. At least `atLeast` requests.
 */
export interface HttpReplyCheck extends CheckBase {
  kind: 'http-reply';
  client: { host: string };
  server: ServerEndpoint;
  atLeast: number;
  status: number;
  bodyIncludes: string[];
}

/**
 * A server that names both end-points of each connection: on every connection to the server (from any host,
 * loopback too) whose client sent something, the first line the client received names, as address:port, the
 * server's end of that connection and then the client's (local, then remote, as the server sees them).
 */
export interface NamesEndpointsCheck extends CheckBase {
  kind: 'names-endpoints';
  server: ServerEndpoint;
  atLeast: number;
}

/**
 * A pair of sockets, from both programs of the learner's: `client.file` on `client.host` connected to
 * `server.file`'s server on `server.host:server.port`; each printed a line naming its own socket's two ends,
 * local first (address:port), and they are the connection's real ends — each side's local end is the other's
 * remote — and bytes went both ways, each side receiving exactly what the other sent.
 */
export interface SocketPairCheck extends CheckBase {
  kind: 'socket-pair';
  client: { host: string; file: string };
  server: ServerEndpoint & { file: string };
}

/** A client on `client.host` sent the server a request matching `pattern`; `describe` says it in words. */
export interface RequestCheck extends CheckBase {
  kind: 'request';
  client: { host: string };
  server: ServerEndpoint;
  pattern: string;
  describe: string;
}

/** The program `file` printed what its connection from `client.host` to the server received (each line). */
export interface PrintsReceivedCheck extends CheckBase {
  kind: 'prints-received';
  file: string;
  client: { host: string };
  server: ServerEndpoint;
}

/**
 * An error with this code reached the program on `host` and the program went on: netsim recorded the
 * error as handled and the process did not die of it (or of anything else afterwards).
 */
export interface ErrorHandledCheck extends CheckBase {
  kind: 'error-handled';
  host: string;
  code: string;
}

/** A program printed a line containing `text`. */
export interface ConsoleIncludesCheck extends CheckBase {
  kind: 'console-includes';
  text: string;
  /** Only lines printed by this program file. */
  file?: string;
  stream?: 'log' | 'error';
}

/**
 * The program `file` reported the cards of the host it ran on, as that run's topology gave them: for each card,
 * a line naming it with its address (and, as `show` asks, its prefix — `10.0.0.2/24` or the netmask — and its
 * MAC address). `loopback: 'skip'`: `lo` is not a card and must not be reported as one; `'include'`: it must be.
 * An address the host does not have, printed anywhere, fails the check (it was written down, not asked for).
 */
export interface ReportsInterfacesCheck extends CheckBase {
  kind: 'reports-interfaces';
  file: string;
  show: ('prefix' | 'mac')[];
  loopback: 'skip' | 'include';
}

/** The program `file` printed the name of the host it ran on (what `os.hostname()` says there). */
export interface PrintsHostnameCheck extends CheckBase {
  kind: 'prints-hostname';
  file: string;
}

/**
 * A client on `client.host` tried to connect to the server's port and was refused (ECONNREFUSED): the host
 * answered, and nothing listened there for that client. No connection from it to that port was accepted.
 */
export interface RefusedCheck extends CheckBase {
  kind: 'refused';
  client: { host: string };
  server: ServerEndpoint;
}

/**
 * The program `file` tried each target (an address and a port) and printed, in a line naming it (by address or
 * host name, with the port), what really happened to that attempt in the record: connected, the error's code
 * (ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, ETIMEDOUT), or that it gave up waiting (a timeout of its own).
 * `waitAtLeastMs`: giving up sooner counts as not knowing. `giveUpWithinMs`: an attempt nobody answers must end
 * within this time (the program sets its own timeout rather than wait for the kernel's two minutes).
 */
export interface ReportsOutcomesCheck extends CheckBase {
  kind: 'reports-outcomes';
  file: string;
  /** By address: some have no host at all (an address nobody has). */
  targets: { address: string; port: number }[];
  waitAtLeastMs?: number;
  giveUpWithinMs?: number;
}

/** The run ended normally: it compiled, nothing was thrown or left unhandled. */
export interface RanWithoutErrorCheck extends CheckBase {
  kind: 'ran-without-error';
}

export type Check =
  | EchoCheck
  | ReplyCheck
  | HttpReplyCheck
  | NamesEndpointsCheck
  | SocketPairCheck
  | RequestCheck
  | PrintsReceivedCheck
  | ListeningCheck
  | ConnectionCheck
  | DistinctPairsCheck
  | EphemeralClientPortCheck
  | BytesDeliveredCheck
  | ErrorHandledCheck
  | ConsoleIncludesCheck
  | ReportsInterfacesCheck
  | PrintsHostnameCheck
  | RefusedCheck
  | ReportsOutcomesCheck
  | RanWithoutErrorCheck;

export type CheckKind = Check['kind'];

// ───────────────────────────── misconceptions ─────────────────────────────

/**
 * A named wrong idea, recognised in the record when the check it is attached to fails. The detector reads
 * its parameters (hosts, ports) from that check; `message` overrides the grader's built-in explanation.
 */
export interface MisconceptionDetector {
  kind: MisconceptionKind;
  message?: string;
}

export const MISCONCEPTION_KINDS = [
  /** The client bound the server's port as its own local port. */
  'client-bound-server-port',
  /** The server listens on 127.0.0.1 only, so other hosts are refused. */
  'listened-on-loopback-only',
  /** The server listens, or the client connects, on another port than the exercise's. */
  'wrong-port',
  /** The client connected to another host than the exercise's server. */
  'connected-to-wrong-host',
  /** The server read the bytes but never wrote them back / the socket was never ended. */
  'forgot-to-end',
  /** The server received bytes and sent nothing back. */
  'forgot-to-write',
  /** An error reached a program that had no `'error'` listener. */
  'unhandled-error',
  /** The program printed an address its host does not have in this run: written down, not asked for. */
  'hard-coded-address',
  /** The program reported some of its host's cards, not every one (the first, or one by name). */
  'missed-a-card',
  /** The program reported the loopback `lo` as if it were a network card. */
  'reported-loopback',
  /** The server listens on a card's address only, so its own host's programs using 127.0.0.1 are refused. */
  'listened-on-card-only',
  /** A server meant for its own host only listens where other hosts reach it (every address, or a card's). */
  'listened-beyond-loopback',
  /** The program printed an outcome for a target that the record contradicts (written down, or said too early). */
  'claimed-an-outcome',
  /** The program left an unanswered connection to the kernel's two minutes instead of a timeout of its own. */
  'waited-for-the-kernel',
  /** A program that is not root asked for a port below 1024 (listen or bind EACCES). */
  'privileged-port',
  /** The server heard EADDRINUSE and never listened on the port afterwards, though it became free. */
  'gave-up-on-taken-port',
  /** A server named the listening socket's address (0.0.0.0, server.address()) as a connection's own end. */
  'named-listening-address',
  /** A server named a connection's two ends the other way round (the client's as local). */
  'swapped-end-points',
  /** A server named another client's end-point: it kept a socket (or its numbers) from another connection. */
  'kept-another-clients-socket',
] as const;

export type MisconceptionKind = (typeof MISCONCEPTION_KINDS)[number];

/** The outcome of one check against one run. */
export interface CheckResult {
  id: string;
  title: string;
  passed: boolean;
  /** Plain language, saying why, with details from the run ("Your program called listen(8080)…"). */
  message: string;
  hint?: string;
  /** The misconception recognised, when the failure matched one. */
  misconception?: MisconceptionKind;
}
