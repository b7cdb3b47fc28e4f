package checkimage.client

import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer

import java.util.concurrent.CopyOnWriteArrayList
import java.util.concurrent.Executors

/**
 * A hand-written registry impostor on 127.0.0.1, for fault injection only (429, 5xx, resets, slow bodies,
 * hostile headers, redirects). The happy path is always proven against the real registry fixture instead.
 * Handlers are keyed by "METHOD /path" (or "* /path"); each request is logged with its Authorization header.
 */
class FaultServer implements Closeable {

    /** One logged request. */
    static class Seen {
        String method
        String path
        String authorization
    }

    final HttpServer server
    final List<Seen> requests = new CopyOnWriteArrayList<>()
    final Map<String, Closure> handlers = [:]

    FaultServer() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0)
        server.executor = Executors.newCachedThreadPool()
        server.createContext('/') { HttpExchange exchange -> dispatch(exchange) }
        server.start()
    }

    String getHost() {
        "127.0.0.1:${server.address.port}"
    }

    /** Registers a handler for "METHOD /path"; the closure gets the exchange and the count of earlier calls. */
    FaultServer on(String key, Closure handler) {
        handlers[key] = handler
        this
    }

    int count(String method, String path) {
        requests.count { it.method == method && it.path == path } as int
    }

    private void dispatch(HttpExchange exchange) {
        String method = exchange.requestMethod
        String path = exchange.requestURI.path
        int earlier = count(method, path)
        requests << new Seen(method: method, path: path, authorization: exchange.requestHeaders.getFirst('Authorization'))
        Closure handler = handlers["${method} ${path}".toString()] ?: handlers["* ${path}".toString()]
        try {
            if (handler == null) {
                respond(exchange, 404, [:], '{"errors":[{"code":"NOT_FOUND","message":"no handler"}]}')
            } else {
                handler.call(exchange, earlier)
            }
        } catch (IOException ignored) {
            // the client went away (timeouts under test)
        } finally {
            exchange.close()
        }
    }

    static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body = null) {
        headers.each { k, v -> exchange.responseHeaders.add(k, v) }
        byte[] bytes = body == null ? new byte[0] : body.getBytes('UTF-8')
        boolean head = exchange.requestMethod == 'HEAD'
        if (head && headers.containsKey('Content-Length')) {
            exchange.sendResponseHeaders(status, -1)
        } else {
            exchange.sendResponseHeaders(status, head || bytes.length == 0 ? -1 : bytes.length)
            if (!head && bytes.length > 0) {
                exchange.responseBody.write(bytes)
            }
        }
    }

    @Override
    void close() {
        server.stop(0)
        (server.executor as java.util.concurrent.ExecutorService).shutdownNow()
    }
}
