import { PassThrough, type Writable } from 'node:stream';
import type { FastifyReply } from 'fastify';

/**
 * Answers with a body that `write` produces as it goes (a streamed workbook, a zip), after the caller has
 * made every check and set the headers: a failure before this point still gets the API's JSON error. A
 * failure while writing can only cut the download short (the client sees a truncated file, not a 200
 * that looks whole). `write` ends the stream when it is done.
 */
export async function sendStream(reply: FastifyReply, write: (out: Writable) => Promise<unknown>): Promise<void> {
  const body = new PassThrough();
  reply.send(body);
  try {
    await write(body);
  } catch (error) {
    body.destroy(error as Error);
  }
}
