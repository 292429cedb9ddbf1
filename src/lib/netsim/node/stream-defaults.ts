/**
 * What readable-stream's state.js asks for instead of its module-wide default buffer sizes (the bundle's
 * patch sends `require('endpoints:stream-defaults')` here): the running process's own, kept by the scheduler.
 */
export { getDefaultHighWaterMark, setDefaultHighWaterMark } from './scheduler';
