// What middleware (helmet, cors, our own) sees of a request and its response: Node's own objects, which
// Fastify's middleware support (@fastify/middie) hands over with the client's address and the full URL.
import type { IncomingMessage, ServerResponse } from 'node:http';

export type RawRequest = IncomingMessage & { ip?: string; originalUrl?: string };
export type RawResponse = ServerResponse;
export type Next = (err?: unknown) => void;

/** The request's path without its query string (of Node's request or Fastify's). */
export function requestPath(req: { url?: string; originalUrl?: string }): string {
  return (req.originalUrl ?? req.url ?? '/').split('?')[0]!;
}
