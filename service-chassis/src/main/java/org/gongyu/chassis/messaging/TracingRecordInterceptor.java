package org.gongyu.chassis.messaging;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Continues a record's trace while a record listener handles it (ADR 0030): the container calls
 * {@link #intercept} before the listener and {@link #afterRecord} after it, on the listener's thread,
 * so the span is current while the listener's transaction writes its outbox rows, which carry the
 * trace on. Spring Kafka's own listener observation would do the same, but it times record
 * listeners under the name its batch listeners' timers already use with other tags, which
 * Prometheus refuses; this keeps the metrics as they are. Batch listeners are traced by {@link
 * BatchDelivery}.
 */
final class TracingRecordInterceptor implements RecordInterceptor<Object, Object> {

  private final TraceContexts traces;
  private final ThreadLocal<TraceContexts.Opened> current = new ThreadLocal<>();

  TracingRecordInterceptor(TraceContexts traces) {
    this.traces = traces;
  }

  @Override
  public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    closeCurrent(); // never left open, but a scope must not outlive its record on a container thread
    TraceContexts.Opened opened = traces.open(record.topic() + " process", record);
    if (opened != null) {
      current.set(opened);
    }
    return record;
  }

  @Override
  public void failure(ConsumerRecord<Object, Object> record, Exception exception, Consumer<Object, Object> consumer) {
    TraceContexts.Opened opened = current.get();
    if (opened != null) {
      opened.span().error(exception);
    }
  }

  @Override
  public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
    closeCurrent();
  }

  private void closeCurrent() {
    TraceContexts.Opened opened = current.get();
    if (opened != null) {
      current.remove();
      opened.close();
    }
  }
}
