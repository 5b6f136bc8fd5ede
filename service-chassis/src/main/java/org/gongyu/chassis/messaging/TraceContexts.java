package org.gongyu.chassis.messaging;

import io.micrometer.tracing.Link;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across the outbox and Kafka (ADR 0030) with the tracing library's own
 * propagation (W3C {@code traceparent}): the outbox keeps the context a row was written in, the
 * relay passes it on as a record header, and a batch consumer continues it while it applies the
 * records. Holds only ids; nothing of a payload goes into a span. Without a tracer (tracing off)
 * every method does nothing.
 */
public final class TraceContexts {

  /** The W3C trace-context header, the name the outbox column and the Kafka header share. */
  public static final String TRACEPARENT = "traceparent";

  private static final TraceContexts NONE = new TraceContexts(null, null);

  private final Tracer tracer;
  private final Propagator propagator;

  TraceContexts(Tracer tracer, Propagator propagator) {
    this.tracer = tracer;
    this.propagator = tracer == null ? null : propagator;
  }

  static TraceContexts none() {
    return NONE;
  }

  /** The {@code traceparent} of the current span, or null when no span is current. */
  public String current() {
    if (propagator == null) {
      return null;
    }
    Span span = tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /**
   * Opens a producer span that continues {@code traceparent} (the outbox row's) and writes its
   * context into {@code headers}. Without tracing the stored {@code traceparent} goes on as it is.
   * Returns the span to end once the broker acknowledged, or null.
   */
  Span startProducer(String traceparent, String topic, Headers headers) {
    if (traceparent == null) {
      return null;
    }
    if (propagator == null) {
      headers.add(TRACEPARENT, traceparent.getBytes(StandardCharsets.UTF_8));
      return null;
    }
    Span span = continuing(traceparent)
        .kind(Span.Kind.PRODUCER)
        .name(topic + " publish")
        .tag("messaging.system", "kafka")
        .tag("messaging.destination.name", topic)
        .start();
    propagator.inject(span.context(), headers, (h, k, v) -> h.add(k, v.getBytes(StandardCharsets.UTF_8)));
    return span;
  }

  /**
   * Runs {@code work} (the applying of one poll) in a consumer span. A poll may hold records of
   * several traces and is applied in one transaction (ADR 0022), so the span continues the trace of
   * the first record that carries one and links to the others (see {@link #inSpan}). Events the work
   * writes to the outbox carry the span's trace on.
   */
  void inConsumerSpan(String name, List<ConsumerRecord<String, String>> records, Runnable work) {
    List<String> traceparents = new ArrayList<>(records.size());
    for (ConsumerRecord<String, String> record : records) {
      traceparents.add(header(record.headers()));
    }
    inSpan(name, Span.Kind.CONSUMER, traceparents, work);
  }

  /**
   * Runs {@code work} in a span that continues the trace of the first of {@code traceparents} (nulls
   * are skipped; none: a new trace) and links to the others, each of which also gets a short span
   * of its own trace, so that every trace shows where its change was taken up. For work that does
   * at once what several traced changes asked for, such as a coalesced recount (ADR 0021, 0030).
   */
  public void inSpan(String name, Collection<String> traceparents, Runnable work) {
    inSpan(name, Span.Kind.CONSUMER, new ArrayList<>(traceparents), work);
  }

  private void inSpan(String name, Span.Kind kind, List<String> traceparents, Runnable work) {
    if (propagator == null) {
      work.run();
      return;
    }
    Span.Builder builder = null;
    String parent = null;
    List<Span> others = new ArrayList<>();
    for (String traceparent : new LinkedHashSet<>(traceparents)) {
      if (traceparent == null) {
        continue;
      }
      if (builder == null) {
        parent = traceparent;
        builder = continuing(traceparent);
      } else {
        others.add(continuing(traceparent).kind(kind).name(name).start());
      }
    }
    if (builder == null) {
      builder = tracer.spanBuilder();
    }
    for (Span other : others) {
      builder.addLink(new Link(other.context()));
      other.end();
    }
    Span span = builder.kind(kind).name(name).tag("gongyu.traced_inputs", String.valueOf(others.size() + (parent == null ? 0 : 1))).start();
    try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
      work.run();
    } catch (RuntimeException e) {
      span.error(e);
      throw e;
    } finally {
      span.end();
    }
  }

  /**
   * Opens a consumer span that continues the trace in {@code record}'s {@code traceparent} header
   * (none: a new trace) and makes it current on this thread until the returned handle is closed,
   * on the same thread. Null without tracing.
   */
  Opened open(String name, ConsumerRecord<?, ?> record) {
    if (propagator == null) {
      return null;
    }
    String traceparent = header(record.headers());
    Span span = (traceparent == null ? tracer.spanBuilder() : continuing(traceparent)).kind(Span.Kind.CONSUMER).name(name).start();
    return new Opened(span, tracer.withSpan(span));
  }

  /** A span current on one thread: {@link #close} leaves its scope and ends it. */
  record Opened(Span span, Tracer.SpanInScope scope) implements AutoCloseable {
    @Override
    public void close() {
      scope.close();
      span.end();
    }
  }

  private Span.Builder continuing(String traceparent) {
    return propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get);
  }

  static String header(Headers headers) {
    Header last = headers.lastHeader(TRACEPARENT);
    return last == null || last.value() == null ? null : new String(last.value(), StandardCharsets.UTF_8);
  }
}
