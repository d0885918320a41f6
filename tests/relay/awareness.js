// A plain Yjs client with y-protocols awareness for the relay interop test
// (tests/sync/awareness.rs): joins room ROOM on the y-websocket relay URL, sets its own
// awareness state {user: {name: NAME}}, waits until it sees another client whose user name is
// EXPECT, and prints that state as JSON on stdout (then keeps its own state up for a moment so
// the other side sees it too).
//
// usage: node awareness.js URL ROOM NAME EXPECT     (NODE_PATH must reach yjs, y-websocket, ws)
const Y = require('yjs')
const { WebsocketProvider } = require('y-websocket')
const WebSocket = require('ws')

const [url, room, name, expect] = process.argv.slice(2)
if (!url || !room || !name || !expect) {
  console.error('usage: node awareness.js URL ROOM NAME EXPECT')
  process.exit(2)
}
const timer = setTimeout(() => {
  console.error('awareness client: timed out; saw ' + JSON.stringify([...provider.awareness.getStates().values()]))
  process.exit(3)
}, 20000)

const doc = new Y.Doc()
const provider = new WebsocketProvider(url, room, doc, { WebSocketPolyfill: WebSocket, connect: true })
provider.awareness.setLocalState({ user: { name, color: '#1f6f8b' } })
const check = () => {
  for (const [id, state] of provider.awareness.getStates()) {
    if (id !== doc.clientID && state.user && state.user.name === expect) {
      process.stdout.write(JSON.stringify(state) + '\n')
      clearTimeout(timer)
      // Renew our state so it reaches the other side even if it connected late.
      provider.awareness.setLocalState({ user: { name, color: '#1f6f8b' } })
      setTimeout(() => {
        provider.destroy()
        process.exit(0)
      }, 1500)
      provider.awareness.off('change', check)
      return
    }
  }
}
provider.awareness.on('change', check)
check()
