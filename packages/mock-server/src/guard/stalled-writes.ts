import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/** How often the open connections are looked at. */
const CHECK_EVERY_MS = 1_000;

/** What a connection had waiting in its write buffer, and since when. */
interface Waiting {
  readonly bytes: number;
  readonly since: number;
}

/**
 * Closes a connection whose answer has stopped moving: bytes have waited in its write
 * buffer for `idleMs` without the buffer changing (the client stopped reading). The open
 * connections are looked at every second, so a request costs nothing; an answer still
 * being prepared (a latency fault, a long poll) has nothing waiting and is never cut.
 * Returns the function that stops the checks (call it when the server closes). An
 * `idleMs` of 0 turns it off, as 0 turns Node's timeouts off.
 */
export function closeStalledWrites(server: Server, idleMs: number): () => void {
  if (idleMs <= 0) return () => undefined;
  const open = new Set<Socket>();
  const waiting = new Map<Socket, Waiting>();
  server.on('connection', (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => {
      open.delete(socket);
      waiting.delete(socket);
    });
  });
  const timer = setInterval(
    () => {
      const now = performance.now();
      for (const socket of open) {
        const bytes = socket.writableLength;
        const seen = waiting.get(socket);
        if (bytes === 0) {
          if (seen) waiting.delete(socket);
        } else if (seen === undefined || seen.bytes !== bytes) {
          waiting.set(socket, { bytes, since: now });
        } else if (now - seen.since >= idleMs) {
          socket.destroy();
        }
      }
    },
    Math.min(CHECK_EVERY_MS, idleMs),
  );
  timer.unref();
  return () => clearInterval(timer);
}
