import { defineQuiz } from '../../components/quiz/define';

export default defineQuiz({
  lesson: 'ports/web',
  questions: [
    {
      kind: 'short',
      id: 'url-endpoint',
      prompt: 'A browser is given `http://web/` (and `web` is `10.0.0.2`). To which end-point does it connect? Write it as address or name, a colon, and the port.',
      answer: 'endpoint',
      label: 'End-point',
      example: '10.0.0.2:7',
      accept: ['web:80', '10.0.0.2:80'],
      right: 'The URL names no port, so the browser uses `http`’s default, 80: `web:80`, which is `10.0.0.2:80`.',
      wrong: [
        { answers: ['web', '10.0.0.2'], feedback: 'That is the computer. A connection is always to a port on it too: which one does a browser use when the URL names none?' },
        { answers: ['web:8080', '10.0.0.2:8080'], feedback: '8080 is a common port for test servers, but a browser only uses it when the URL says `:8080`.' },
        { answers: ['web:443', '10.0.0.2:443'], feedback: '443 is the default of `https://`. This URL starts with `http://`.' },
      ],
      otherwise: 'Which port does a web client use when the URL names none?',
    },
    {
      kind: 'short',
      id: 'name-8080',
      prompt: 'A test web server listens on port 8080 on web. What must you type in a browser to reach it?',
      answer: 'endpoint',
      label: 'Address to type',
      example: 'http://web/',
      accept: ['http://web:8080/', 'web:8080', '10.0.0.2:8080'],
      right: 'The port must be named, because it is not the default: `http://web:8080/`.',
      wrong: [
        { answers: ['http://web/', 'web', 'web:80'], feedback: 'Without `:8080` the browser connects to port 80, the site’s own server (or is refused if none listens there): it never reaches the test server.' },
      ],
      otherwise: 'Write the URL with the host name and, after a colon, the port the test server listens on.',
    },
    {
      kind: 'choice',
      id: 'http-is',
      prompt: 'What does a browser write into the TCP connection to ask a web server for its home page?',
      options: [
        { id: 'text', text: 'Lines of text: `GET / HTTP/1.1`, header lines such as `Host: web`, then an empty line', correct: true, feedback: 'An HTTP request is text: a request line, headers, and an empty line that ends it. You can type it into `nc` yourself.' },
        { id: 'url', text: 'The whole URL, `http://web/`, and nothing else', feedback: 'The URL told the browser where to connect. Into the connection goes a request: the method and path (`GET /`), then headers, then an empty line.' },
        { id: 'binary', text: 'A binary message that only web browsers can produce', feedback: 'HTTP/1.1 is plain text, readable in `curl -v` and typed by hand into `nc`. (HTTP/2 frames it in binary, but says the same things.)' },
      ],
    },
    {
      kind: 'choice',
      id: 'server-down',
      prompt: 'On web, the server on port 80 has stopped; the test server still runs on 8080. What happens when you open `http://web/`?',
      options: [
        { id: 'refused', text: 'The connection is refused', correct: true, feedback: 'The browser connects to port 80, as always for `http://web/`. Nobody listens there, so web answers with a reset: refused.' },
        { id: 'falls-back', text: 'The browser finds the server on 8080 instead', feedback: 'A client does not search other ports: it connects to the one the URL names or implies, 80 here.' },
        { id: 'times-out', text: 'The browser waits about two minutes, then gives up', feedback: 'web is up and answers at once: nothing listens on port 80, so its reply is a reset, a refusal, not silence.' },
      ],
    },
    {
      kind: 'choice',
      id: 'content-length',
      prompt: 'A server’s response starts `HTTP/1.1 200 OK`, then `Content-Length: 223`, then an empty line. What does the client learn from `Content-Length`?',
      options: [
        { id: 'bytes', text: 'That 223 bytes of page follow the empty line', correct: true, feedback: 'With it, the client knows where the page ends without the server having to close the connection, so the connection can carry the next request too.' },
        { id: 'lines', text: 'That the response has 223 lines', feedback: 'It counts bytes of the body, the part after the empty line, not lines.' },
        { id: 'status', text: 'That the request succeeded', feedback: 'That is what `200 OK`, the status line, says. `Content-Length` is about the size of what follows.' },
      ],
    },
  ],
});
