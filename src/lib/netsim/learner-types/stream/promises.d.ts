/** `stream.pipeline` and `stream.finished` as promises, for `await`. */
import type { FinishedOptions, PipelineDestination, PipelineSource, PipelineTransform } from 'node:stream';

/**
 * Pipes `source` through every transform into `destination`, with backpressure; resolves once everything
 * finished, rejects with the first error (after destroying every stream).
 * @example await pipeline(socket, new Upper(), socket);
 */
export function pipeline(source: PipelineSource, destination: PipelineDestination): Promise<void>;
export function pipeline(source: PipelineSource, transform: PipelineTransform, destination: PipelineDestination): Promise<void>;
export function pipeline(source: PipelineSource, transform1: PipelineTransform, transform2: PipelineTransform, destination: PipelineDestination): Promise<void>;
export function pipeline(...streams: [PipelineSource, ...PipelineTransform[], PipelineDestination]): Promise<void>;
export function pipeline(streams: readonly (PipelineSource | PipelineTransform | PipelineDestination)[]): Promise<void>;

/** Resolves once `stream` is done (ended, finished or closed); rejects if it errored or closed too early. */
export function finished(stream: NodeJS.ReadableStream | NodeJS.WritableStream, options?: FinishedOptions): Promise<void>;
