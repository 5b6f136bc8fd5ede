package org.gongyu.chassis.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies the records of one poll in one transaction, so that a consumer can do once per poll what
 * it did once per record (issue 16: a county rollup recomputed once per batch of snapshots, not once
 * per snapshot). A batch listener hands its payloads to {@link #apply}:
 *
 * <ol>
 *   <li>every payload is prepared (decoded, checked) outside any transaction; the first one that
 *       cannot be ends the batch there;
 *   <li>the prepared ones are applied together in one transaction;
 *   <li>if that transaction fails (a deadlock, a payload only the database refuses), each is applied
 *       again in a transaction of its own, and the first that still fails is named to the container
 *       by its index ({@link BatchListenerFailedException}).
 * </ol>
 *
 * The container's error handler then commits the offsets before that index, redelivers the failing
 * record a few times and parks it on the dead-letter topic: the same outcome as a record listener,
 * and nothing applied before the failure is lost, nothing after it is skipped. The applying code
 * must be idempotent per record (the {@link Inbox}), which it is already, since every record may be
 * delivered again after a crash.
 */
public class BatchDelivery {

  private static final Logger log = LoggerFactory.getLogger(BatchDelivery.class);

  private final TransactionTemplate tx;
  private final TraceContexts traces;

  public BatchDelivery(TransactionTemplate tx) {
    this(tx, TraceContexts.none());
  }

  /** {@code traces}: {@link #apply(ConsumerRecords, Function, Consumer)} continues the records' trace (ADR 0030). */
  public BatchDelivery(TransactionTemplate tx, TraceContexts traces) {
    this.tx = tx;
    this.traces = traces;
  }

  /**
   * {@link #apply(List, Function, Consumer)} for a listener that takes the whole poll, so that the
   * records' trace context ({@code traceparent} headers) is current while they are applied: the
   * rollups and events they cause belong to the trace of the change that started them (ADR 0030).
   */
  public <T> void apply(ConsumerRecords<String, String> records, Function<String, T> prepare, Consumer<List<T>> apply) {
    List<ConsumerRecord<String, String>> list = new ArrayList<>(records.count());
    records.forEach(list::add);
    String name = list.isEmpty() ? "apply" : list.getFirst().topic() + " process";
    traces.inConsumerSpan(name, list, () -> apply(list.stream().map(ConsumerRecord::value).toList(), prepare, apply));
  }

  /**
   * @param payloads the poll's records, in the order the container gave them
   * @param prepare  decodes and checks one payload (outside the transaction); throws if it cannot
   * @param apply    applies prepared records in the caller's new transaction, all or nothing
   */
  public <T> void apply(List<String> payloads, Function<String, T> prepare, Consumer<List<T>> apply) {
    List<T> prepared = new ArrayList<>(payloads.size());
    RuntimeException refused = null;
    for (String payload : payloads) {
      try {
        prepared.add(prepare.apply(payload));
      } catch (RuntimeException e) {
        refused = e;
        break;
      }
    }
    if (!prepared.isEmpty()) {
      try {
        tx.executeWithoutResult(status -> apply.accept(prepared));
      } catch (RuntimeException batchFailed) {
        log.debug("a batch of {} records failed ({}); applying them one by one", prepared.size(), batchFailed.toString());
        for (int i = 0; i < prepared.size(); i++) {
          List<T> one = List.of(prepared.get(i));
          try {
            tx.executeWithoutResult(status -> apply.accept(one));
          } catch (RuntimeException e) {
            throw new BatchListenerFailedException("record " + i + " of the batch failed: " + e.getMessage(), e, i);
          }
        }
      }
    }
    if (refused != null) {
      throw new BatchListenerFailedException("record " + prepared.size() + " of the batch is malformed: " + refused.getMessage(),
          refused, prepared.size());
    }
  }
}
