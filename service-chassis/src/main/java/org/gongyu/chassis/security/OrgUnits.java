package org.gongyu.chassis.security;

import java.util.Optional;

/**
 * Where a school sits, as this service knows it from its own data (the registry events of the
 * county tier). Scope checks ask it whether a county or city caller may see a school; a service
 * that keeps no schools answers empty, so only the school itself may see its resources there.
 */
@FunctionalInterface
public interface OrgUnits {

  /** The county of a registered school; empty when the school is unknown here. */
  Optional<String> countyOfSchool(String schoolId);
}
