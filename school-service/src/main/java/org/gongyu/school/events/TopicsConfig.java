package org.gongyu.school.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.chassis.messaging.MessagingProperties;
import org.gongyu.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

@Configuration
class TopicsConfig {

  @Bean
  NewTopic schoolIndicatorSnapshots(MessagingProperties props) {
    return TopicBuilder.name(Topics.SCHOOL_INDICATOR_SNAPSHOTS).partitions(props.partitions()).replicas(1).build();
  }

  /** Applications and self-evaluations of the demonstration-school programme, key = school id. */
  @Bean
  NewTopic schoolDemonstration(MessagingProperties props) {
    return TopicBuilder.name(Topics.SCHOOL_DEMONSTRATION).partitions(props.partitions()).replicas(1).build();
  }

  /** Period sign-offs (ADR 0019), key = school id. */
  @Bean
  NewTopic schoolSignOffs(MessagingProperties props) {
    return TopicBuilder.name(Topics.SCHOOL_SIGN_OFFS).partitions(props.partitions()).replicas(1).build();
  }

  /** Survey counts, small cells withheld (ADR 0026), key = school id. */
  @Bean
  NewTopic schoolSurveyResults(MessagingProperties props) {
    return TopicBuilder.name(Topics.SCHOOL_SURVEY_RESULTS).partitions(props.partitions()).replicas(1).build();
  }

  /** Claims of the city's research topics (ADR 0026), key = school id. */
  @Bean
  NewTopic schoolTopicClaims(MessagingProperties props) {
    return TopicBuilder.name(Topics.SCHOOL_TOPIC_CLAIMS).partitions(props.partitions()).replicas(1).build();
  }
}
