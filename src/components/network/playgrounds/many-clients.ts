/**
 * One web server, several clients: phone's browser keeps two connections open to web:80, and the learner's
 * terminal on laptop adds its own. For the lesson on the listening socket and the four numbers of a connection.
 */
import { definePlayground } from './kit/playground';

export const { summary, topology, services, start } = definePlayground({
  summary:
    'Three computers on 10.0.0.0/24: laptop (10.0.0.10), phone (10.0.0.20) and web (10.0.0.2). On web, a web server (httpd, run by root) listens on port 80 and an echo server (echo) on port 7. phone’s browser already has two connections open to web’s port 80.',
  topology: {
    version: 1,
    seed: 6,
    hosts: [
      { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24, mac: '3c:22:fb:7a:10:4e' }] },
      { name: 'phone', nics: [{ name: 'wlan0', ip: '10.0.0.20', prefix: 24, mac: 'd2:0f:6e:31:9a:05' }] },
      { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24, mac: '56:a1:22:32:6c:09' }] },
    ],
  },
  services: [
    {
      kind: 'http',
      host: 'web',
      process: 'httpd',
      runAs: 'root',
      address: '0.0.0.0',
      port: 80,
      pages: { '/': { title: 'Hello from web', paragraphs: ['This page came from the web server (httpd) on web, 10.0.0.2, port 80.'] } },
    },
    { kind: 'tcp-echo', host: 'web', process: 'echo', runAs: 'root', address: '0.0.0.0', port: 7 },
    { kind: 'browser', host: 'phone', process: 'browser', runAs: 'user', to: { host: 'web', port: 80 }, connections: 2 },
  ],
});
