/** The small rules of English every message keeps. */
import { describe, expect, it } from 'vitest';
import { article, capitalise, endSentence, errorListenerFor, withArticle } from '../../src/lib/grader/words';

describe('the words of the messages', () => {
  it.each([
    ['Unexpected token', 'Unexpected token.'],
    ['Unexpected token.', 'Unexpected token.'],
    ["')' expected.", "')' expected."],
    ['Is it there?', 'Is it there?'],
    ['She said "stop."', 'She said "stop."'],
    ['trailing space  ', 'trailing space.'],
  ])('ends %j as one sentence: %j', (text, sentence) => {
    expect(endSentence(text)).toBe(sentence);
  });

  it.each([
    ['EADDRINUSE', 'an'],
    ['ECONNREFUSED', 'an'],
    ['ETIMEDOUT', 'an'],
    ['TCP', 'a'],
    ['UDP', 'a'],
    ['HTTP', 'an'],
    ['error', 'an'],
    ['socket', 'a'],
  ])('says "%s" with "%s"', (word, expected) => {
    expect(article(word)).toBe(expected);
  });

  it('starts a sentence with a capital', () => {
    expect(capitalise(withArticle('EADDRINUSE'))).toBe('An EADDRINUSE');
  });

  it("points a server's failed listen at server.on('error'), anything else at socket.on('error')", () => {
    expect(errorListenerFor({ syscall: 'listen' })).toBe("server.on('error', …)");
    expect(errorListenerFor({ syscall: 'connect' })).toBe("socket.on('error', …)");
    expect(errorListenerFor({ syscall: 'read' })).toBe("socket.on('error', …)");
  });
});
