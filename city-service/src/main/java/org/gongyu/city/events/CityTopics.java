package org.gongyu.city.events;

import org.apache.kafka.clients.admin.NewTopic;
import org.gongyu.contracts.Topics;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topics this service produces; consumed topics are declared by their producers. */
@Configuration(proxyBeanMethods = false)
class CityTopics {

  @Bean
  NewTopic countiesTopic() {
    return TopicBuilder.name(Topics.CITY_COUNTIES).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic catalogueTopic() {
    return TopicBuilder.name(Topics.CITY_CATALOGUE).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic demonstrationStandardsTopic() {
    return TopicBuilder.name(Topics.CITY_DEMONSTRATION_STANDARDS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic cityRollupsTopic() {
    return TopicBuilder.name(Topics.CITY_INDICATOR_ROLLUPS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic periodDecisionsTopic() {
    return TopicBuilder.name(Topics.CITY_PERIOD_DECISIONS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic lecturersTopic() {
    return TopicBuilder.name(Topics.CITY_LECTURERS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic surveysTopic() {
    return TopicBuilder.name(Topics.CITY_SURVEYS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic researchTopicsTopic() {
    return TopicBuilder.name(Topics.CITY_RESEARCH_TOPICS).partitions(6).replicas(1).build();
  }

  @Bean
  NewTopic instructorCertificatesTopic() {
    return TopicBuilder.name(Topics.CITY_INSTRUCTOR_CERTIFICATES).partitions(6).replicas(1).build();
  }
}
