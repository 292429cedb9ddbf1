/**
 * The document inside the sandboxed iframe that hosts the learner's workers.
 *
 * The frame has an opaque origin (`sandbox="allow-scripts"`, no `allow-same-origin`), so it cannot read the
 * page, its storage or its cookies. The CSP below forbids every network connection, and workers started
 * from a blob URL inherit it. The frame does one thing: on the page's first message it keeps the runner's
 * source (a Blob) as a blob URL and the page's control port; on that port the page starts a worker per realm,
 * handing it a MessagePort of the page's, so page and worker talk directly and nothing the learner posts with
 * `self.postMessage` reaches the page, and terminates it when the realm is done.
 */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

/** First message from the page to the frame (on `window`): the runner's source and the control port. */
export const START_FRAME = 'endpoints:start-frame';

/** What the page asks of the frame, on the control port. */
export type FrameCommand =
  | { type: 'start-worker'; id: number; port: MessagePort }
  | { type: 'stop-worker'; id: number };

/** What the frame tells the page, on the control port. */
export type FrameNotice =
  | { type: 'worker-error'; id: number; message: string }
  | { type: 'worker-stopped'; id: number };

// Runs inside the frame. Written as plain ES2017 in a string: it must not depend on any bundler output.
const frameScript = `
(function () {
  var control, url, workers = new Map();
  function failed(id, error) {
    control.postMessage({ type: 'worker-error', id: id, message: String((error && error.message) || error || 'The runner failed to start.') });
  }
  function start(id, port) {
    try {
      var worker = new Worker(url, { name: 'endpoints-runner' });
      workers.set(id, worker);
      worker.onerror = function (e) { failed(id, e); };
      // Whatever the learner's code posts with self.postMessage lands here and is dropped.
      worker.onmessage = function () {};
      worker.postMessage({ type: 'connect', version: 1, port: port }, [port]);
    } catch (error) {
      failed(id, error);
    }
  }
  function stop(id) {
    var worker = workers.get(id);
    if (worker) worker.terminate();
    workers.delete(id);
    control.postMessage({ type: 'worker-stopped', id: id });
  }
  addEventListener('message', function (event) {
    if (control || event.source !== parent) return;
    var message = event.data;
    if (!message || message.type !== '${START_FRAME}' || !(message.workerSource instanceof Blob) || !event.ports[0]) return;
    control = event.ports[0];
    try {
      url = URL.createObjectURL(message.workerSource);
    } catch (error) {
      url = undefined;
    }
    control.onmessage = function (event) {
      var command = event.data;
      if (!command || typeof command.id !== 'number') return;
      if (command.type === 'start-worker' && event.ports[0] && !workers.has(command.id)) {
        if (url) start(command.id, event.ports[0]);
        else failed(command.id, 'The runner could not be loaded in its sandbox.');
      }
      if (command.type === 'stop-worker') stop(command.id);
    };
  });
})();
`;

/** The `srcdoc` of the sandbox frame. */
export function sandboxDocument(): string {
  return (
    '<!doctype html><html><head>' +
    `<meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}">` +
    '<meta charset="utf-8"><title>Endpoints runner sandbox</title>' +
    `<script>${frameScript}</script>` +
    '</head><body></body></html>'
  );
}
