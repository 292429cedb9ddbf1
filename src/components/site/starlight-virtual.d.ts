/**
 * The two Starlight virtual modules our Search override reads, typed as far as we use them. Starlight's own
 * declarations for them are not exported from the package, so `astro check` needs these.
 */
declare module 'virtual:starlight/user-config' {
  const config: {
    /** Starlight's `pagefind` option: false when search is off, else the options passed to Pagefind's UI. */
    pagefind?: false | Record<string, unknown>;
  };
  export default config;
}

declare module 'virtual:starlight/project-context' {
  const project: { trailingSlash: 'always' | 'never' | 'ignore' };
  export default project;
}
