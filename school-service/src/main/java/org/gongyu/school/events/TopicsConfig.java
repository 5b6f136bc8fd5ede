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
}
