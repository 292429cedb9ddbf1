/**
 * The few lines of /etc/services the course needs, so that `ss` (without -n), `netstat`, `nc -v` and
 * `tcpdump` name well-known ports as the real tools do.
 */

const TCP_SERVICES: Record<number, string> = {
  7: 'echo', 13: 'daytime', 21: 'ftp', 22: 'ssh', 23: 'telnet', 25: 'smtp', 53: 'domain', 80: 'http',
  110: 'pop3', 143: 'imap2', 443: 'https', 3306: 'mysql', 5432: 'postgresql', 6379: 'redis', 8080: 'http-alt',
};

const UDP_SERVICES: Record<number, string> = {
  7: 'echo', 13: 'daytime', 53: 'domain', 67: 'bootps', 68: 'bootpc', 69: 'tftp', 123: 'ntp', 161: 'snmp',
  443: 'https', 514: 'syslog',
};

/** The service name of a port (`http` for tcp/80), or undefined when /etc/services has none. */
export function serviceName(protocol: 'tcp' | 'udp', port: number): string | undefined {
  return (protocol === 'tcp' ? TCP_SERVICES : UDP_SERVICES)[port];
}

/** Linux's default ephemeral range (/proc/sys/net/ipv4/ip_local_port_range): `ss` never names these. */
export const EPHEMERAL_PORTS = { first: 32768, last: 60999 } as const;

export function isEphemeral(port: number): boolean {
  return port >= EPHEMERAL_PORTS.first && port <= EPHEMERAL_PORTS.last;
}
