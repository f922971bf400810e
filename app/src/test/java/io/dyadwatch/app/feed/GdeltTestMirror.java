package io.dyadwatch.app.feed;

import com.sun.net.httpserver.HttpServer;
import io.dyadwatch.producer.feed.Slot;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A local GDELT 2.0 mirror for tests (JDK {@code com.sun.net.httpserver}): serves {@code lastupdate.txt},
 * {@code masterfilelist.txt} and slot zips built from the real GDELT excerpts in the test resources, and the faults
 * GDELT's users meet: a corrupt zip, a checksum mismatch, a listed slot not served (404), a slot served but not
 * listed, a near-empty slot, a 429 with {@code Retry-After}, a response slower than the client's timeout.
 */
public final class GdeltTestMirror implements AutoCloseable {

    /** The 2015 excerpt: 92 rows, two IRN-RUS rows of CAMEO 153 (two JOINT_EXERCISE events). */
    public static final String WITH_EVENTS = "fixtures/gdelt/gdelt2_20151027220000_excerpt.export.CSV";
    /** The 2019 excerpt: 44 rows, none of a watched dyad. */
    public static final String WITHOUT_EVENTS = "fixtures/gdelt/gdelt2_20190121220000_excerpt.export.CSV";

    private record Answer(int status, byte[] body, Map<String, String> headers, boolean slow) {
    }

    private final CountDownLatch gate = new CountDownLatch(1);
    private final Set<String> gated = ConcurrentHashMap.newKeySet();

    private final HttpServer server;
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final Map<String, String> listed = new LinkedHashMap<>();
    private final CountDownLatch closing = new CountDownLatch(1);
    private final List<String> requests = java.util.Collections.synchronizedList(new ArrayList<>());
    private volatile Slot latest;

    public GdeltTestMirror() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.createContext("/gdeltv2/", exchange -> {
            try (exchange) {
                String name = exchange.getRequestURI().getPath().substring("/gdeltv2/".length());
                requests.add(name);
                Answer answer = switch (name) {
                    case "lastupdate.txt" -> new Answer(200, lastUpdate(), Map.of(), false);
                    case "masterfilelist.txt" -> new Answer(200, masterList(), Map.of(), false);
                    default -> answers.getOrDefault(name, new Answer(404, new byte[0], Map.of(), false));
                };
                if (answer.slow()) {
                    closing.await(30, TimeUnit.SECONDS); // slower than any client timeout in the tests
                }
                if (gated.contains(name)) {
                    gate.await(60, TimeUnit.SECONDS); // held until the test opens the gate
                }
                answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
                exchange.sendResponseHeaders(answer.status(), answer.body().length == 0 ? -1 : answer.body().length);
                if (answer.body().length > 0) {
                    try (OutputStream out = exchange.getResponseBody()) {
                        out.write(answer.body());
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (a timeout test): nothing to answer
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    /** The base URL to give the feed. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/gdeltv2/");
    }

    /** The names requested so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** The export file name of a slot. */
    public static String exportName(Slot slot) {
        return slot.label() + ".export.CSV.zip";
    }

    /**
     * The text of a fixture with every GLOBALEVENTID prefixed by {@code idPrefix} (so each slot's events are its own).
     */
    public static byte[] rows(String fixture, int idPrefix) {
        try (InputStream in = GdeltTestMirror.class.getClassLoader().getResourceAsStream(fixture)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            StringBuilder out = new StringBuilder();
            for (String line : text.split("\n")) {
                out.append(idPrefix).append(line).append('\n');
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The first {@code n} rows of a text. */
    public static byte[] firstRows(byte[] text, int n) {
        String[] lines = new String(text, StandardCharsets.UTF_8).split("\n");
        return (String.join("\n", java.util.Arrays.copyOf(lines, n)) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** A zip holding one file, as GDELT publishes. */
    static byte[] zip(String entry, byte[] text) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(entry));
            zip.write(text);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    static String md5(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A good slot: listed with its true size and MD5, served. */
    public GdeltTestMirror good(Slot slot, byte[] text) {
        byte[] zip = zip(slot.label() + ".export.CSV", text);
        list(slot, zip.length, md5(zip));
        answers.put(exportName(slot), new Answer(200, zip, Map.of(), false));
        return this;
    }

    /** Listed as the good zip, served as bytes that are no zip (same size and MD5 as listed: only unzipping fails). */
    public GdeltTestMirror corrupt(Slot slot) {
        byte[] bytes = "PK\u0003\u0004 this is not really a zip archive at all".getBytes(StandardCharsets.ISO_8859_1);
        list(slot, bytes.length, md5(bytes));
        answers.put(exportName(slot), new Answer(200, bytes, Map.of(), false));
        return this;
    }

    /** Served as the good zip, listed with another MD5. */
    public GdeltTestMirror checksumMismatch(Slot slot, byte[] text) {
        byte[] zip = zip(slot.label() + ".export.CSV", text);
        list(slot, zip.length, "0123456789abcdef0123456789abcdef");
        answers.put(exportName(slot), new Answer(200, zip, Map.of(), false));
        return this;
    }

    /** Listed, not served (404). */
    public GdeltTestMirror listedNotServed(Slot slot, byte[] text) {
        byte[] zip = zip(slot.label() + ".export.CSV", text);
        list(slot, zip.length, md5(zip));
        answers.remove(exportName(slot));
        return this;
    }

    /** A slot's mentions table, listed and served. */
    public GdeltTestMirror mentions(Slot slot, String rows) {
        byte[] zip = zip(slot.label() + ".mentions.CSV", rows.getBytes(StandardCharsets.UTF_8));
        String name = slot.label() + ".mentions.CSV.zip";
        synchronized (listed) {
            listed.put(name, zip.length + " " + md5(zip) + " http://data.gdeltproject.org/gdeltv2/" + name);
        }
        answers.put(name, new Answer(200, zip, Map.of(), false));
        return this;
    }

    /** Served, not listed. */
    public GdeltTestMirror servedNotListed(Slot slot, byte[] text) {
        answers.put(exportName(slot), new Answer(200, zip(slot.label() + ".export.CSV", text), Map.of(), false));
        synchronized (listed) {
            listed.remove(exportName(slot));
        }
        return this;
    }

    /** Listed and served, answering 429 with {@code Retry-After: seconds}. */
    public GdeltTestMirror throttled(Slot slot, int seconds) {
        list(slot, 1, md5(new byte[] {0}));
        answers.put(exportName(slot), new Answer(429, new byte[0], Map.of("Retry-After", String.valueOf(seconds)), false));
        return this;
    }

    /** A good slot whose file is held back until {@link #openGate()} (so a test knows where a feed stands). */
    public GdeltTestMirror gated(Slot slot, byte[] text) {
        good(slot, text);
        gated.add(exportName(slot));
        return this;
    }

    /** Serves the gated files. */
    public void openGate() {
        gate.countDown();
    }

    /** Listed, answering only after the client's timeout. */
    public GdeltTestMirror slow(Slot slot) {
        list(slot, 1, md5(new byte[] {0}));
        answers.put(exportName(slot), new Answer(200, new byte[] {0}, Map.of(), true));
        return this;
    }

    /** The newest slot {@code lastupdate.txt} lists. */
    public GdeltTestMirror latest(Slot slot) {
        this.latest = slot;
        return this;
    }

    private void list(Slot slot, long size, String md5) {
        synchronized (listed) {
            listed.put(exportName(slot), size + " " + md5 + " http://data.gdeltproject.org/gdeltv2/" + exportName(slot));
        }
    }

    private byte[] masterList() {
        synchronized (listed) {
            return (String.join("\n", listed.values()) + "\n").getBytes(StandardCharsets.UTF_8);
        }
    }

    private byte[] lastUpdate() {
        Slot slot = latest;
        synchronized (listed) {
            String line = slot == null ? null : listed.get(exportName(slot));
            String text = line != null ? line + "\n"
                    : "1 00000000000000000000000000000000 http://data.gdeltproject.org/gdeltv2/" + exportName(slot) + "\n";
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        gate.countDown();
        server.stop(0);
    }
}
