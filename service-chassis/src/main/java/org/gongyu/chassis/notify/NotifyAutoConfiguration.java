package org.gongyu.chassis.notify;

import java.time.Clock;
import javax.sql.DataSource;
import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockProvider;
import org.flywaydb.core.Flyway;
import org.gongyu.chassis.calendar.CityCalendar;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Notifications (ADR 0019) for a service that sets {@code gongyu.notify.enabled=true} and has
 * spring-boot-starter-mail and ShedLock (shedlock-spring, shedlock-provider-jdbc-template) on its
 * class path: the {@code db/gongyu-notify} tables, the {@link Notifier}, the inbox endpoints under
 * {@code gongyu.notify.inbox-path}, the user-learning interceptor, and, with an SMTP server
 * ({@code spring.mail.host}), the e-mail sender and daily digest.
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
    "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
    "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
    "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
    "org.springframework.boot.mail.autoconfigure.MailSenderAutoConfiguration",
    "org.gongyu.chassis.clock.ClockAutoConfiguration",
    "org.gongyu.chassis.messaging.MessagingAutoConfiguration",
    "org.gongyu.chassis.calendar.CalendarAutoConfiguration",
    "org.gongyu.chassis.scheduling.SchedulingAutoConfiguration"})
@ConditionalOnClass(name = {"org.springframework.mail.javamail.JavaMailSender", "net.javacrumbs.shedlock.core.LockProvider",
    "net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider"})
@ConditionalOnProperty(prefix = "gongyu.notify", name = "enabled", havingValue = "true")
@EnableConfigurationProperties(NotifyProperties.class)
public class NotifyAutoConfiguration {

  @Bean
  NotifySchema notifySchema(DataSource dataSource, ObjectProvider<FlywayMigrationInitializer> serviceMigrations,
      ObjectProvider<Flyway> serviceFlyway, Environment environment) {
    return new NotifySchema(dataSource, serviceMigrations, serviceFlyway, environment);
  }

  @Bean
  Notifier notifier(NotifySchema schema, JdbcClient jdbc, Clock clock) {
    return new Notifier(jdbc, clock);
  }

  @Bean
  Notifications notifications(NotifySchema schema, JdbcClient jdbc, Clock clock) {
    return new Notifications(jdbc, clock);
  }

  @Bean
  NotifyUsers notifyUsers(NotifySchema schema, JdbcClient jdbc, Clock clock) {
    return new NotifyUsers(jdbc, clock);
  }

  @Bean
  @ConditionalOnBean(JavaMailSender.class)
  NotifyMailer notifyMailer(NotifySchema schema, JdbcClient jdbc, TransactionTemplate tx, JavaMailSender mail,
      MessageSource messages, LockProvider locks, NotifyProperties props, Clock clock, CityCalendar calendar) {
    return new NotifyMailer(jdbc, tx, mail, messages, new DefaultLockingTaskExecutor(locks), props, clock, calendar.zone());
  }

  @Bean
  @ConditionalOnProperty(prefix = "gongyu.notify", name = "jobs", havingValue = "true", matchIfMissing = true)
  NotifyJobs notifyJobs(ObjectProvider<NotifyMailer> mailer, NotifyProperties props) {
    NotifyMailer m = mailer.getIfAvailable();
    if (m == null) {
      LoggerFactory.getLogger(NotifyAutoConfiguration.class)
          .warn("notifications are on but no SMTP server is configured (spring.mail.host): no e-mail is sent");
      return null;
    }
    return new NotifyJobs(m, props);
  }

  /** The inbox endpoints and the interceptor that learns users from their tokens. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  static class Web {

    @Bean("notifyAccess")
    InboxAccess notifyAccess(NotifyProperties props) {
      return new InboxAccess(props.roles());
    }

    @Bean
    @ConditionalOnProperty(prefix = "gongyu.notify", name = "inbox-path")
    InboxController notifyInboxController(Notifications notifications, MessageSource messages, NotifyProperties props) {
      return new InboxController(notifications, messages, props);
    }

    @Bean
    WebMvcConfigurer notifyUsersInterceptor(NotifyUsers users) {
      return new WebMvcConfigurer() {
        @Override
        public void addInterceptors(InterceptorRegistry registry) {
          registry.addInterceptor(users);
        }
      };
    }
  }

  /** The inbox's roles come from the settings, not the rule: said in each inbox operation's description. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
  @ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOperationCustomizer")
  @ConditionalOnProperty(prefix = "gongyu.notify", name = "inbox-path")
  static class InboxDocs {

    @Bean
    org.springdoc.core.customizers.GlobalOperationCustomizer notifyInboxAccessNotes(NotifyProperties props) {
      String roles = props.roles().stream().map(r -> "`" + r.realmName() + "`").collect(java.util.stream.Collectors.joining(", "));
      return (operation, handlerMethod) -> {
        if (InboxController.class.isAssignableFrom(handlerMethod.getBeanType())) {
          String own = operation.getDescription();
          String access = "**Roles · 角色**: " + roles + "\n\n**Scope · 范围**: the caller's own notifications: to them, or to a role"
              + " of theirs at the unit of their token. 仅限本人的通知：发给本人的，或发给本人角色所在单位的。";
          operation.setDescription(own == null || own.isBlank() ? access : own + "\n\n" + access);
        }
        return operation;
      };
    }
  }
}
