/**
 * Two subnets joined by a router: the office (10.0.0.0/24: laptop, web) and the server room (10.0.1.0/24:
 * intranet, printer). Every host but printer has a default gateway. For the chapter on subnets: ARP on one's
 * own subnet, the router for the other, the default route, and what ENETUNREACH and EHOSTUNREACH look like.
 */
import { definePlayground } from './kit/playground';

export const { summary, topology, services, start } = definePlayground({
  summary:
    'Two subnets joined by router: 10.0.0.0/24 with laptop (10.0.0.10) and web (10.0.0.2), and 10.0.1.0/24 with intranet (10.0.1.20) and printer (10.0.1.30). router has a card on each: 10.0.0.1 and 10.0.1.1. Every host uses router as its default gateway except printer, which has none. web and intranet each run a web server on port 80.',
  topology: {
    version: 1,
    seed: 4,
    hosts: [
      { name: 'laptop', nics: [{ name: 'eth0', ip: '10.0.0.10', prefix: 24, mac: '3c:22:fb:7a:10:4e' }], gateway: '10.0.0.1' },
      { name: 'web', nics: [{ name: 'eth0', ip: '10.0.0.2', prefix: 24, mac: '56:a1:22:32:6c:09' }], gateway: '10.0.0.1' },
      {
        name: 'router',
        nics: [
          { name: 'eth0', ip: '10.0.0.1', prefix: 24, mac: '00:1b:21:3a:4f:10' },
          { name: 'eth1', ip: '10.0.1.1', prefix: 24, mac: '00:1b:21:3a:4f:11' },
        ],
        forwarding: true,
      },
      { name: 'intranet', nics: [{ name: 'eth0', ip: '10.0.1.20', prefix: 24, mac: '00:16:3e:5d:21:0a' }], gateway: '10.0.1.1' },
      { name: 'printer', nics: [{ name: 'eth0', ip: '10.0.1.30', prefix: 24, mac: '00:80:77:4c:02:9e' }] },
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
      pages: { '/': { title: 'Hello from web', paragraphs: ['This page came from web, 10.0.0.2: on your own subnet, reached directly.'] } },
    },
    {
      kind: 'http',
      host: 'intranet',
      process: 'httpd',
      runAs: 'root',
      address: '0.0.0.0',
      port: 80,
      pages: { '/': { title: 'Intranet', paragraphs: ['This page came from intranet, 10.0.1.20, on the other subnet: it reached you through router.'] } },
    },
  ],
});
