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

/** The run ended normally: it compiled, nothing was thrown or left unhandled. */
export interface RanWithoutErrorCheck extends CheckBase {
  kind: 'ran-without-error';
}

export type Check =
  | EchoCheck
  | ReplyCheck
  | RequestCheck
  | PrintsReceivedCheck
  | ListeningCheck
  | ConnectionCheck
  | DistinctPairsCheck
  | EphemeralClientPortCheck
  | BytesDeliveredCheck
  | ErrorHandledCheck
  | ConsoleIncludesCheck
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
