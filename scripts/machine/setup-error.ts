/**
 * The test machine lacks something and the setup could not get it: the message is one sentence for a person
 * (what to install, how to point the tests at it), so it carries no stack frames to print.
 */
export class SetupError extends Error {
  constructor(sentence: string) {
    super(sentence);
    this.name = 'SetupError';
    this.stack = sentence;
  }
}
