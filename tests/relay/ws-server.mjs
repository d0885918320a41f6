// A stock y-websocket server for the relay tests, on 127.0.0.1: the reference server's own
// connection handler (`setupWSConnection`) from y-websocket@1.5.4 (`--impl y-websocket`, the
// default) or @y/websocket-server@0.1.1 (`--impl @y/websocket-server`), behind Node's HTTP
// server, as their READMEs show for adding authentication.
//
// usage: node ws-server.mjs [--impl NAME] [--port N] [--yauth TOKEN]
//   --port   0 (the default) takes a free port; printed as `listening PORT`
//   --yauth  the upgrade is answered `401 Unauthorized` unless the URL's query string has
//            yauth=TOKEN (what y-redis does with its JWT)
// Prints `open URL` for every WebSocket it accepts (path and query string, so a test sees what
// the client asked for) and `refused URL` for every upgrade it refused.
// NODE_PATH must reach the packages of tests/relay/servers (scripts/setup.sh relay).
import { createRequire } from 'node:module';
import http from 'node:http';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
const impl = opt('impl') ?? 'y-websocket';
const { setupWSConnection } =
  impl === 'y-websocket' ? require('y-websocket/bin/utils') : await import(require.resolve('@y/websocket-server/utils'));
const { WebSocketServer } = require('ws');
const say = (line) => process.stdout.write(line + '\n');

const yauth = opt('yauth');
const wss = new WebSocketServer({ noServer: true });
wss.on('connection', (ws, req) => {
  say(`open ${req.url}`);
  // The room is the path without its query string.
  setupWSConnection(ws, req, { docName: decodeURIComponent(req.url.slice(1).split('?')[0]) });
});
const server = http.createServer((_req, res) => {
  res.writeHead(200, { 'Content-Type': 'text/plain' });
  res.end('y-websocket test server');
});
server.on('upgrade', (req, socket, head) => {
  const query = new URL(req.url, 'http://localhost').searchParams;
  if (yauth !== undefined && query.get('yauth') !== yauth) {
    say(`refused ${req.url}`);
    socket.write('HTTP/1.1 401 Unauthorized\r\nContent-Length: 12\r\nConnection: close\r\n\r\nUnauthorized');
    socket.destroy();
    return;
  }
  wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
});
server.listen(Number(opt('port') ?? 0), '127.0.0.1', () => say(`listening ${server.address().port}`));
