/**
 * Gives a class the name a program sees (`socket.constructor.name`, `console.log(socket)` prints
 * `Socket {…}`), whatever a bundler or minifier renamed it to.
 */
export function named<T extends abstract new (...args: never[]) => unknown>(value: T, name: string): T {
  Object.defineProperty(value, 'name', { value: name, configurable: true });
  return value;
}
