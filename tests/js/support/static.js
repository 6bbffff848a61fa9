// A static file server on loopback for the browser tests: `files(path)` answers a request path
// with `[content type, body]` or `undefined` (404). It records every path asked for.
import { createServer } from 'node:http';

export const TYPES = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm', '.css': 'text/css' };

/** The content type of a file name by its extension, or `undefined`. */
export function typeOf(name) {
  return TYPES[name.slice(name.lastIndexOf('.'))];
}

export async function serve(files) {
  const requested = [];
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://x').pathname;
    requested.push(path);
    if (path === '/favicon.ico') return response.writeHead(204).end();
    try {
      const found = await files(path);
      if (!found) return response.writeHead(404).end();
      response.writeHead(200, { 'content-type': found[0] }).end(found[1]);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${server.address().port}`, requested, close: () => server.close() };
}
