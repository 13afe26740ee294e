package kz.qorgau.server.notify;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on a free local port (the JDK's HttpServer): each endpoint is a path that
 * answers a fixed status and keeps what it received.
 */
final class TestReceiver implements AutoCloseable {

    /** One request as received. */
    record Received(String path, String body, String signature, String delivery, String contentType) {}

    private final HttpServer server;
    private final Map<String, Integer> statuses = new ConcurrentHashMap<>();
    private final List<Received> received = new CopyOnWriteArrayList<>();

    TestReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            try (InputStream in = exchange.getRequestBody()) {
                received.add(new Received(
                        path,
                        new String(in.readAllBytes(), StandardCharsets.UTF_8),
                        exchange.getRequestHeaders().getFirst("Qorgau-Signature"),
                        exchange.getRequestHeaders().getFirst("Qorgau-Delivery"),
                        exchange.getRequestHeaders().getFirst("Content-Type")));
            }
            exchange.sendResponseHeaders(statuses.getOrDefault(path, 404), -1);
            exchange.close();
        });
        server.start();
    }

    /** A new endpoint answering {@code status}; returns its URL. */
    String endpoint(int status) {
        String path = "/hook/" + NotifyTestSupport.suffix();
        statuses.put(path, status);
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String url) {
        String path = java.net.URI.create(url).getPath();
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
