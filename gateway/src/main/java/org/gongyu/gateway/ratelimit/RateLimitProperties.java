package org.gongyu.gateway.ratelimit;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.Assert;

/**
 * {@code gongyu.rate-limit.*}: each user's token bucket (defaults in {@code application.yml}).
 *
 * @param replenishRate tokens added per second: the sustained requests per second a user may make
 * @param burstCapacity the bucket's size: how many requests a user may make at once after a pause
 * @param requestedTokens tokens one request costs
 */
@ConfigurationProperties("gongyu.rate-limit")
record RateLimitProperties(int replenishRate, long burstCapacity, int requestedTokens) {

  RateLimitProperties {
    Assert.isTrue(replenishRate >= 1, "gongyu.rate-limit.replenish-rate must be at least 1");
    Assert.isTrue(burstCapacity >= replenishRate, "gongyu.rate-limit.burst-capacity must be at least the replenish rate");
    Assert.isTrue(requestedTokens >= 1, "gongyu.rate-limit.requested-tokens must be at least 1");
  }

  /** Seconds until a refused user has enough tokens for one request again (at most; at least 1). */
  long retryAfterSeconds() {
    return Math.max(1, (requestedTokens + replenishRate - 1) / replenishRate);
  }
}
