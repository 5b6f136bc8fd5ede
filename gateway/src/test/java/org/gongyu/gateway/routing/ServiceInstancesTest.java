package org.gongyu.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.springframework.cloud.client.ServiceInstance;

/** How {@code gongyu.routes.<tier>} names a service's instances. */
class ServiceInstancesTest {

  @Test
  void aServiceIsFoundUnderItsTiersRouteProperty() {
    assertThat(ServiceInstances.property("school-service")).isEqualTo("gongyu.routes.school");
    assertThat(ServiceInstances.property("reporting-service")).isEqualTo("gongyu.routes.reporting");
  }

  @Test
  void oneUriIsOneInstanceAndACommaListIsSeveralInOrder() {
    assertThat(ServiceInstances.parse("school-service", "http://127.0.0.1:8081"))
        .extracting(ServiceInstance::getUri).containsExactly(URI.create("http://127.0.0.1:8081"));
    assertThat(ServiceInstances.parse("school-service", " http://127.0.0.1:8081 ,http://10.0.0.2:8181,, https://s.example"))
        .satisfies(list -> assertThat(list).extracting(ServiceInstance::getInstanceId)
            .containsExactly("school-service-1", "school-service-2", "school-service-3"))
        .extracting(ServiceInstance::getHost, ServiceInstance::getPort, ServiceInstance::isSecure)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("127.0.0.1", 8081, false),
            org.assertj.core.groups.Tuple.tuple("10.0.0.2", 8181, false),
            org.assertj.core.groups.Tuple.tuple("s.example", 443, true));
  }

  @Test
  void nothingOrSomethingThatIsNotAnHttpUriIsRefusedAtStart() {
    assertThatThrownBy(() -> ServiceInstances.parse("city-service", " , "))
        .hasMessageContaining("gongyu.routes.city names no instance");
    assertThatThrownBy(() -> ServiceInstances.parse("city-service", "127.0.0.1:8083"))
        .hasMessageContaining("gongyu.routes.city");
  }
}
