package org.gongyu.reporting.report;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;
import org.gongyu.reporting.stamps.ReadModelStamps;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ready documents (issue 16 item 1, ADR 0020): the answers of the report endpoints, built once
 * after what they rest on changed and then served as bytes to every reader.
 *
 * <p>A document names the read-model scopes it rests on ({@link ReadModelStamps}). It is served
 * from memory while their stamps are the ones it was built from and it is younger than its
 * {@code maxAge}, a bound for what no stamp tracks (the clock: a deadline that passes) and for a
 * stamp an instance crashed before moving. Otherwise the first reader rebuilds it; readers that
 * come while it is rebuilt get the previous document (never older than one rebuild), or wait for
 * the build when there is none. The stamps are read before the build, so a change that commits
 * during the build moves them again and the next reader rebuilds.
 *
 * <p>{@link #respond} answers with the document's ETag ({@code If-None-Match} gets 304, by Spring's
 * conditional-request support), {@code Cache-Control: private, no-cache} (a browser keeps it and
 * revalidates) and the pre-compressed bytes for a client that accepts gzip.
 */
@Component
public class Documents {

  /** A document's kind, arguments and the scopes it rests on. */
  record Key(String kind, List<Object> args) {}

  private final ReadModelStamps stamps;
  private final JsonMapper json;
  private final Cache<Key, Document<?>> cache;
  private final ConcurrentHashMap<Key, CompletableFuture<Document<?>>> building = new ConcurrentHashMap<>();
  private final Counter hits;
  private final Counter stale;
  private final Counter builds;
  private final Timer buildTime;

  Documents(ReadModelStamps stamps, JsonMapper json, MeterRegistry meters,
      @Value("${gongyu.reporting.documents.max-bytes:64000000}") long maxBytes) {
    this.stamps = stamps;
    this.json = json;
    // weight: the JSON's length, times 4 for the value object and the gzip copy beside it
    this.cache = Caffeine.newBuilder()
        .maximumWeight(maxBytes)
        .weigher((Key k, Document<?> d) -> d.json().length * 4 + 256)
        .build();
    this.hits = meters.counter("gongyu.reporting.documents", "outcome", "ready");
    this.stale = meters.counter("gongyu.reporting.documents", "outcome", "previous-while-rebuilt");
    this.builds = meters.counter("gongyu.reporting.documents", "outcome", "built");
    this.buildTime = Timer.builder("gongyu.reporting.documents.build").register(meters);
  }

  /**
   * The document of {@code kind} for {@code args}, resting on {@code scopes}: the ready one, or
   * one built by {@code build} (in the caller's thread).
   */
  @SuppressWarnings("unchecked")
  public <T> Document<T> get(String kind, List<String> scopes, Duration maxAge, Supplier<T> build, Object... args) {
    Key key = new Key(kind, Arrays.asList(args));
    String now = stamps.of(scopes);
    Document<?> ready = cache.getIfPresent(key);
    if (ready != null && ready.stamps().equals(now) && System.nanoTime() - ready.builtAtNanos() < maxAge.toNanos()) {
      hits.increment();
      return (Document<T>) ready;
    }
    CompletableFuture<Document<?>> mine = new CompletableFuture<>();
    CompletableFuture<Document<?>> running = building.putIfAbsent(key, mine);
    if (running != null) {
      if (ready != null) {
        stale.increment();
        return (Document<T>) ready;
      }
      try {
        return (Document<T>) running.join();
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    try {
      Document<T> built = build(now, build);
      cache.put(key, built);
      mine.complete(built);
      return built;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      building.remove(key, mine);
    }
  }

  private <T> Document<T> build(String stampsBefore, Supplier<T> build) {
    long start = System.nanoTime();
    T value = build.get();
    byte[] bytes = json.writeValueAsBytes(value);
    Document<T> d = new Document<>(value, bytes, gzip(bytes), etag(bytes), stampsBefore, System.nanoTime());
    buildTime.record(Duration.ofNanos(System.nanoTime() - start));
    builds.increment();
    return d;
  }

  /**
   * The document as the response: 304 when the request's {@code If-None-Match} names its ETag,
   * else its bytes, gzip-compressed when the request accepts gzip.
   */
  public <T> ResponseEntity<Document<T>> respond(Document<T> document) {
    ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
        .eTag(document.etag())
        .cacheControl(CacheControl.noCache().cachePrivate())
        .varyBy(HttpHeaders.ACCEPT_ENCODING);
    if (acceptsGzip(currentRequest().getHeader(HttpHeaders.ACCEPT_ENCODING))) {
      ok.header(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return ok.body(document);
  }

  /** True if the header lists gzip (or *) without {@code q=0}. */
  static boolean acceptsGzip(String acceptEncoding) {
    if (acceptEncoding == null) {
      return false;
    }
    for (String part : acceptEncoding.split(",")) {
      String[] p = part.trim().toLowerCase(Locale.ROOT).split(";");
      if (p[0].trim().equals("gzip") || p[0].trim().equals("*")) {
        boolean refused = Arrays.stream(p).skip(1).map(String::trim)
            .anyMatch(q -> q.startsWith("q=") && Double.parseDouble("0" + q.substring(2).replaceAll("[^0-9.]", "")) == 0);
        return !refused;
      }
    }
    return false;
  }

  private static HttpServletRequest currentRequest() {
    return ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
  }

  private static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 6 + 64);
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static String etag(byte[] bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(bytes);
      return "W/\"" + HexFormat.of().formatHex(hash, 0, 12) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
