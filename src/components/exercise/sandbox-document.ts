/**
 * The document inside the sandboxed iframe that hosts the learner's worker.
 *
 * The frame has an opaque origin (`sandbox="allow-scripts"`, no `allow-same-origin`), so it cannot read the
 * page, its storage or its cookies. The CSP below forbids every network connection, and workers started
 * from a blob URL inherit it. The frame does one thing: on the page's first message it turns the runner's
 * source (a Blob) into a blob worker and hands the worker the page's MessagePort, so page and worker talk directly
 * and nothing the learner posts with `self.postMessage` reaches the page.
 */
export const SANDBOX_CSP =
  "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

/** First message from the page to the frame; carries two ports: [worker port, control port]. */
export const START_WORKER = 'endpoints:start-worker';

/** Messages the frame sends on the control port. */
export type SandboxControlMessage =
  | { type: 'sandbox-started' }
  | { type: 'sandbox-error'; message: string };

// Runs inside the frame. Written as plain ES2017 in a string: it must not depend on any bundler output.
const frameScript = `
(function () {
  var started = false;
  addEventListener('message', function (event) {
    if (started || event.source !== parent) return;
    var message = event.data;
    if (!message || message.type !== '${START_WORKER}' || !(message.workerSource instanceof Blob)) return;
    var workerPort = event.ports[0], controlPort = event.ports[1];
    if (!workerPort || !controlPort) return;
    started = true;
    try {
      var url = URL.createObjectURL(message.workerSource);
      var worker = new Worker(url, { name: 'endpoints-runner' });
      worker.onerror = function (e) {
        controlPort.postMessage({ type: 'sandbox-error', message: (e && e.message) || 'The runner failed to start.' });
      };
      // Whatever the learner's code posts with self.postMessage lands here and is dropped.
      worker.onmessage = function () {};
      worker.postMessage({ type: 'connect', version: 1, port: workerPort }, [workerPort]);
      controlPort.postMessage({ type: 'sandbox-started' });
    } catch (error) {
      controlPort.postMessage({ type: 'sandbox-error', message: String(error && error.message || error) });
    }
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
