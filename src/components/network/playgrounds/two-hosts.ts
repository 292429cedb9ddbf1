/**
 * Two computers on one network, the course's running example: `laptop` (10.0.0.10) and `web` (10.0.0.2),
 * where a web server listens on every address, port 80, and an echo server on 10.0.0.2, port 7.
 */
import { definePlayground } from './kit/playground';

export const { summary, topology, services, start } = definePlayground({
  summary:
    'Two computers on the network 10.0.0.0/24: laptop (10.0.0.10) and web (10.0.0.2). On web, a web server (httpd) listens on port 80 and an echo server (echo) on port 7, both run by root as services; your terminal is the user learner.',
  topology: {
    version: 1,
    seed: 2,
    hosts: [
      { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24, mac: '3c:22:fb:7a:10:4e' }] },
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
      pages: {
        '/': {
          title: 'Hello from web',
          paragraphs: ['This page came from the web server (httpd) on web, 10.0.0.2, port 80.'],
        },
      },
    },
    { kind: 'tcp-echo', host: 'web', process: 'echo', runAs: 'root', address: '10.0.0.2', port: 7 },
  ],
});
