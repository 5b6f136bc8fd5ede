package org.gongyu.gateway.ratelimit;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Redis token bucket with the limits from {@code gongyu.rate-limit.*} as its default config.
 * It takes the place of the one Spring Cloud Gateway would declare, which has no default and
 * expects a limit per route in the route definitions; the Redis template and the Lua script still
 * come from Spring Cloud Gateway and Boot ({@code spring.data.redis.*}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

  @Bean
  RedisRateLimiter redisRateLimiter(RateLimitProperties limits) {
    return new RedisRateLimiter(limits.replenishRate(), limits.burstCapacity(), limits.requestedTokens());
  }
}
