package org.gongyu.city.catalogue;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;

/**
 * Body of {@code PUT /api/city/catalogue/{code}/targets/{periodId}}: {@code {"value": 0.7}}, or
 * {@code {"value": null}} for "no fixed target". The field must be there: an empty body does not
 * silently mean "no target".
 */
record SetTargetRequest(@JsonProperty(required = true) BigDecimal value) {}
