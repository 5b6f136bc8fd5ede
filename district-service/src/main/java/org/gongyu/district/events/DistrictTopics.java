package org.gongyu.district.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service produces; consumed topics are declared by their producers. */
@Configuration(proxyBeanMethods = false)
class DistrictTopics {

  @Bean
  NewTopic schoolRegistryTopic() {
    return TopicBuilder.name(Topics.DISTRICT_SCHOOL_REGISTRY).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic countyRollupsTopic() {
    return TopicBuilder.name(Topics.DISTRICT_INDICATOR_ROLLUPS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic demonstrationTopic() {
    return TopicBuilder.name(Topics.DISTRICT_DEMONSTRATION).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic periodApprovalsTopic() {
    return TopicBuilder.name(Topics.DISTRICT_PERIOD_APPROVALS).partitions(6).replicas(1).build();
  }
}
