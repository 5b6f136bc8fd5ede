package org.gongyu.gateway.routing;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.cloud.client.DefaultServiceInstance;
import org.springframework.cloud.client.ServiceInstance;
import org.springframework.cloud.loadbalancer.core.ServiceInstanceListSupplier;
import org.springframework.cloud.loadbalancer.support.LoadBalancerClientFactory;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/**
 * The instances of one service, for the load balancer's context of that service (not scanned: it
 * is the {@code defaultConfiguration} of {@link Balancing}). A service {@code <tier>-service} has
 * the instances {@code gongyu.routes.<tier>} lists, comma-separated ({@code GONGYU_ROUTES_SCHOOL=
 * http://127.0.0.1:8081,http://127.0.0.1:8181}).
 *
 * <p>One instance is used as it is, as before there were several: a request to it when it is down
 * fails as it always did (502/504 problem). With two or more, the load balancer's health check
 * ({@code spring.cloud.loadbalancer.health-check}: each instance's readiness every interval, 2 s)
 * leaves out the instances that are not ready, so a crashed or stopping instance stops getting
 * requests within one interval. A gateway retry would also cover the requests in between, but
 * Spring Cloud Gateway's Retry filter buffers every request body of its route to replay it, and
 * the routes stream uploads of up to 20 MB (ADR 0017).
 */
public class ServiceInstances {

  static final String SUFFIX = "-service";

  @Bean
  ServiceInstanceListSupplier configuredInstances(ConfigurableApplicationContext context) {
    Environment env = context.getEnvironment();
    String serviceId = LoadBalancerClientFactory.getName(env);
    List<ServiceInstance> instances = parse(serviceId, env.getProperty(property(serviceId), ""));
    ServiceInstanceListSupplier fixed = new Fixed(serviceId, instances);
    if (instances.size() < 2) {
      return fixed;
    }
    return ServiceInstanceListSupplier.builder().withBase(fixed).withHealthChecks(WebClient.create()).build(context);
  }

  /** {@code school-service} → {@code gongyu.routes.school}. */
  static String property(String serviceId) {
    String tier = serviceId.endsWith(SUFFIX) ? serviceId.substring(0, serviceId.length() - SUFFIX.length()) : serviceId;
    return "gongyu.routes." + tier;
  }

  /** The instances a comma-separated list of base URIs names, in order; blanks are skipped. */
  static List<ServiceInstance> parse(String serviceId, String uris) {
    List<ServiceInstance> out = new ArrayList<>();
    for (String raw : uris.split(",")) {
      String u = raw.strip();
      if (u.isEmpty()) {
        continue;
      }
      URI uri;
      try {
        uri = new URI(u);
      } catch (URISyntaxException e) {
        throw new IllegalArgumentException(property(serviceId) + ": not a URI: " + u, e);
      }
      if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        throw new IllegalArgumentException(property(serviceId) + ": not an http(s) URI with a host: " + u);
      }
      boolean secure = "https".equals(uri.getScheme());
      int port = uri.getPort() != -1 ? uri.getPort() : secure ? 443 : 80;
      out.add(new DefaultServiceInstance(serviceId + "-" + (out.size() + 1), serviceId, uri.getHost(), port, secure));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(property(serviceId) + " names no instance of " + serviceId);
    }
    return List.copyOf(out);
  }

  /** The configured list, as it is. */
  static final class Fixed implements ServiceInstanceListSupplier {
    private final String serviceId;
    private final List<ServiceInstance> instances;

    Fixed(String serviceId, List<ServiceInstance> instances) {
      this.serviceId = serviceId;
      this.instances = instances;
    }

    @Override
    public String getServiceId() {
      return serviceId;
    }

    @Override
    public Flux<List<ServiceInstance>> get() {
      return Flux.just(instances);
    }
  }
}
