// Stops an npm script at once, with one sentence, when it runs on a Node older than the course needs.
// Kept dependency-free and syntax-old so that it runs (and explains itself) on any Node.
const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 12)) {
  console.error(
    `Endpoints needs Node 22.12 or newer (Astro 7 and Vitest 5 require it), but this is Node ${process.versions.node}: ` +
      'run `npm install` first (it brings Node 22 as a dev dependency) and start scripts with `npm run …`, or install Node 22.'
  );
  process.exit(1);
}
