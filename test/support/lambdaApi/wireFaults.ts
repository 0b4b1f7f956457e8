/**
 * Plays the wire faults of {@link WireFaultKind} on a response: what a broken proxy, a dying
 * connection or a hostile endpoint does, below anything the AWS protocol describes.
 */
import type http from 'node:http';
import type { Fault } from './faults';

/** Answers the request with the fault instead of the API; returns false for marker faults, which the route answers. */
export function playWireFault(fault: Fault, res: http.ServerResponse): boolean {
  switch (fault.kind) {
    case 'stall-body':
      // Headers and a first byte, then nothing: only a timeout that covers the body ends this.
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{');
      return true;
    case 'reset':
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000' });
      res.write('{"Functions": [', () => res.socket?.resetAndDestroy());
      return true;
    case 'html':
      res.writeHead(fault.status ?? 404, { 'Content-Type': 'text/html' });
      res.end('<!DOCTYPE html><html><head><title>404 Not Found</title></head><body><h1>Not Found</h1><p>The requested URL was not found on this server.</p></body></html>');
      return true;
    case 'huge-body': {
      // Streamed a chunk at a time so the server itself never holds the whole body.
      let left = fault.bytes ?? 100 * 1024 * 1024;
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      res.writeHead(200, { 'Content-Type': 'application/json' });
      const pump = (): void => {
        while (left > 0) {
          const n = Math.min(left, chunk.length);
          left -= n;
          if (!res.write(n === chunk.length ? chunk : chunk.subarray(0, n))) {
            res.once('drain', pump);
            return;
          }
        }
        res.end();
      };
      res.on('close', () => (left = 0));
      pump();
      return true;
    }
    default:
      return false;
  }
}

/**
 * For `repeat-marker` and `cycle-marker`: the query the route should answer (the incoming marker
 * dropped, so the route serves its first page) and the NextMarker to put in the answer.
 */
export function markerFault(fault: Fault, url: URL): { url: URL; nextMarker: string } | undefined {
  if (fault.kind !== 'repeat-marker' && fault.kind !== 'cycle-marker') return undefined;
  const incoming = url.searchParams.get('Marker');
  const rewritten = new URL(url);
  rewritten.searchParams.delete('Marker');
  const nextMarker = fault.kind === 'repeat-marker' ? 'same-marker' : incoming === 'marker-a' ? 'marker-b' : 'marker-a';
  return { url: rewritten, nextMarker };
}
