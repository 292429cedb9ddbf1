/**
 * The course outline: eight chapters in teaching order. The sidebar, the home page and the lesson schema all
 * read this list, so a chapter is renamed or added here and nowhere else. `slug` is the chapter's folder under
 * src/content/docs/.
 */
export interface Chapter {
  readonly slug: string;
  readonly title: string;
  /** One sentence for the home page: what the learner can do after the chapter. */
  readonly promise: string;
}

export const chapters = [
  {
    slug: 'nic',
    title: 'The network card and its IP address',
    promise: 'Read `ip addr` and say which address a computer answers to.',
  },
  {
    slug: 'subnets',
    title: 'Subnets: reaching another host',
    promise: 'Tell from two addresses and a prefix whether two hosts can talk directly.',
  },
  {
    slug: 'ports',
    title: 'Ports: the door to one application',
    promise: 'Explain why one address can serve the web, DNS and remote login at once.',
  },
  {
    slug: 'sockets',
    title: 'Sockets: the two end-points of a connection',
    promise: 'Open a server socket and a client socket and name both ends of the connection.',
  },
  {
    slug: 'tcp',
    title: 'TCP: connections and streams',
    promise: 'Follow a handshake, a byte stream and a close in the packet trace.',
  },
  {
    slug: 'udp',
    title: 'UDP: datagrams',
    promise: 'Send and receive datagrams, and see what happens when one is lost.',
  },
  {
    slug: 'many',
    title: 'Many clients, one server',
    promise: 'Serve several clients on one port and tell their connections apart.',
  },
  {
    slug: 'errors',
    title: 'When it goes wrong: refused, unreachable, timed out',
    promise: 'Read ECONNREFUSED, EHOSTUNREACH and ETIMEDOUT and know what each one means.',
  },
] as const satisfies readonly Chapter[];

export type ChapterSlug = (typeof chapters)[number]['slug'];

export const chapterSlugs = chapters.map((chapter) => chapter.slug) as [ChapterSlug, ...ChapterSlug[]];
