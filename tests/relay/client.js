// A plain Yjs client for the relay interop test (tests/sync/net.rs): joins room ROOM on the
// y-websocket relay URL with y-websocket's WebsocketProvider (the `ws` package as the
// WebSocket), waits for the first sync, optionally appends PARAGRAPH to the root Y.Text
// `notes` as a new Markdown paragraph (as Rapporteur does), waits until the relay has it, and
// prints the notes as JSON on stdout.
//
// usage: node client.js URL ROOM [PARAGRAPH]     (NODE_PATH must reach yjs, y-websocket, ws)
// RELAY_QUERY=a=1&b=2 adds that query string to the room's URL (y-websocket's `params`).
const Y = require('yjs')
const { WebsocketProvider } = require('y-websocket')
const WebSocket = require('ws')

const [url, room, paragraph] = process.argv.slice(2)
if (!url || !room) {
  console.error('usage: node client.js URL ROOM [PARAGRAPH]')
  process.exit(2)
}
const timer = setTimeout(() => {
  console.error('client: timed out')
  process.exit(3)
}, 20000)

const doc = new Y.Doc()
const params = Object.fromEntries(new URLSearchParams(process.env.RELAY_QUERY ?? ''))
const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, connect: true, params })
provider.on('sync', (synced) => {
  if (!synced) return
  const notes = doc.getText('notes')
  if (paragraph) {
    const cur = notes.toString()
    const sep = cur === '' || cur.endsWith('\n\n') ? '' : cur.endsWith('\n') ? '\n' : '\n\n'
    notes.insert(notes.length, sep + paragraph)
  }
  // Wait until the update has left the socket, then a little for the relay to apply it.
  const done = () => {
    if (provider.ws && provider.ws.bufferedAmount > 0) return setTimeout(done, 20)
    setTimeout(() => {
      process.stdout.write(JSON.stringify(notes.toString()) + '\n')
      clearTimeout(timer)
      provider.destroy()
      process.exit(0)
    }, 300)
  }
  done()
})
