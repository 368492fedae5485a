/**
 * Starts the peer, @jordanwalsh23/postman-local-mock-server 0.2.6, bound to 127.0.0.1 (it listens on
 * every interface by itself): `node bench/lib/peer-server.cjs <collection.json> <port>`. Prints
 * "listening on <port>" once it accepts connections.
 */
const http = require('node:http')
const { readFileSync } = require('node:fs')

const listen = http.Server.prototype.listen
http.Server.prototype.listen = function listenOnLoopback(port, callback) {
  const server = listen.call(this, port, '127.0.0.1', callback)
  server.once('listening', () => process.stdout.write(`listening on ${server.address().port}\n`))
  return server
}
const PostmanLocalMockServer = require('@jordanwalsh23/postman-local-mock-server')
const [collection, port] = process.argv.slice(2)
new PostmanLocalMockServer({
  collection: JSON.parse(readFileSync(collection, 'utf8')),
  port: Number(port),
}).start()
