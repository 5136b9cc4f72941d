/**
 * A request body that fails with `tooLarge()` as soon as more than `max` bytes have come through.
 * Chunks are pulled one at a time, so the source is read at most a chunk or two past the limit, then
 * cancelled: an oversized body is never held in memory whole.
 */
export function limitBytes(source: ReadableStream<Uint8Array> | null, max: number, tooLarge: () => Error) {
  let received = 0;
  const stream = source?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        received += chunk.byteLength;
        if (received > max) controller.error(tooLarge());
        else controller.enqueue(chunk);
      },
    }),
  );
  return { stream: stream ?? null, exceeded: () => received > max };
}
