package org.gongyu.district.demonstration.intake;

import org.gongyu.chassis.messaging.Inbox;
import org.gongyu.contracts.EventCodec;
import org.gongyu.contracts.EventEnvelope;
import org.gongyu.contracts.Topics;
import org.gongyu.contracts.school.v1.DemonstrationApplied;
import org.gongyu.contracts.school.v1.SelfEvaluationSubmitted;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The school tier's demonstration topic carries two event types (one topic, so that a school's
 * application always precedes its self-evaluation); this dispatches them by the envelope's type
 * and ignores types it does not know (a producer may add some).
 */
@Component
class DemonstrationIntakeListener {

  static final String CONSUMER = "district-service.demonstration-intake";
  private static final Logger log = LoggerFactory.getLogger(DemonstrationIntakeListener.class);
  private static final String APPLIED = DemonstrationApplied.class.getSimpleName();
  private static final String SELF_EVALUATED = SelfEvaluationSubmitted.class.getSimpleName();

  private final Inbox inbox;
  private final Intake intake;

  DemonstrationIntakeListener(Inbox inbox, Intake intake) {
    this.inbox = inbox;
    this.intake = intake;
  }

  @KafkaListener(id = "district-service-demonstration-intake", idIsGroup = false, topics = Topics.SCHOOL_DEMONSTRATION)
  @Transactional
  void on(String json) {
    String type = EventCodec.typeOf(json);
    if (type.equals(APPLIED)) {
      EventEnvelope<DemonstrationApplied> env = EventCodec.decode(json, DemonstrationApplied.class);
      if (inbox.firstDelivery(CONSUMER, env.eventId())) {
        intake.applied(env.payload());
      }
    } else if (type.equals(SELF_EVALUATED)) {
      EventEnvelope<SelfEvaluationSubmitted> env = EventCodec.decode(json, SelfEvaluationSubmitted.class);
      if (inbox.firstDelivery(CONSUMER, env.eventId())) {
        intake.selfEvaluated(env.payload());
      }
    } else {
      log.debug("ignored a {} event on {}: not one this service applies", type, Topics.SCHOOL_DEMONSTRATION);
    }
  }
}
