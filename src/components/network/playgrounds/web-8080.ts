/**
 * The web on port 80 and on 8080: web runs the site's web server on port 80 (root, as a service) and a
 * developer's test server on 8080 (a user). For the lesson on the web: a URL without a port means 80, any
 * other port must be named, and HTTP is text that `nc` can type.
 */
import { definePlayground } from './kit/playground';

export const { summary, topology, services, start } = definePlayground({
  summary:
    'Two computers on 10.0.0.0/24: laptop (10.0.0.10) and web (10.0.0.2). On web, the site’s web server (httpd, run by root) listens on port 80, and a developer’s test server (node, run by a normal user, as your terminal is) on port 8080.',
  topology: {
    version: 1,
    seed: 5,
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
      pages: { '/': { title: 'The real site', paragraphs: ['This page came from the web server on web, port 80: the port a browser uses when the address names none.'] } },
    },
    {
      kind: 'http',
      host: 'web',
      process: 'node',
      runAs: 'user',
      address: '0.0.0.0',
      port: 8080,
      pages: { '/': { title: 'Test version', paragraphs: ['This page came from the test server on web, port 8080: you reached it only because you named the port.'] } },
    },
  ],
});
