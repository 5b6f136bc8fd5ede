package org.gongyu.gateway.ratelimit;

import java.util.List;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.script.DefaultRedisScript;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The Redis token bucket with the limits from {@code gongyu.rate-limit.*} as its default config.
 * It takes the place of the one Spring Cloud Gateway would declare, which has no default and
 * expects a limit per route in the route definitions; the Redis template and the Lua script still
 * come from Spring Cloud Gateway and Boot ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  /** The name under which Spring Cloud Gateway declares the token bucket's Lua script. */
  static final String SCRIPT_BEAN = "redisRequestRateLimiterScript";

  @Bean
  RedisRateLimiter redisRateLimiter(RateLimitProperties limits) {
    return new RedisRateLimiter(limits.replenishRate(), limits.burstCapacity(), limits.requestedTokens());
  }

  /**
   * Spring Cloud Gateway's script reads its Lua file from a classpath resource and asks, on every
   * request, whether the file has changed (a look into the jar each time: 6 % of the gateway's CPU
   * under load, issue 16). The same script, read once, as a string that never changes.
   */
  @Bean
  static BeanPostProcessor rateLimiterScriptReadOnce() {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (SCRIPT_BEAN.equals(beanName) && bean instanceof DefaultRedisScript<?> script) {
          return RedisScript.of(script.getScriptAsString(), List.class);
        }
        return bean;
      }
    };
  }
}
