package org.gongyu.city;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The one city a deployment serves.
 *
 * @param id   the city's id (行政区划代码-like), key of every event the city publishes
 * @param name the city's name
 */
@ConfigurationProperties("gongyu.city")
public record CityProperties(String id, String name) {

  public CityProperties {
    id = id == null || id.isBlank() ? "990100" : id;
    name = name == null || name.isBlank() ? "演示市" : name;
    if (!id.matches("[A-Za-z0-9-]{1,40}")) {
      throw new IllegalArgumentException("gongyu.city.id '" + id + "' is not a valid id");
    }
  }
}
