package org.gongyu.district.demonstration.assessment;

import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.springframework.web.ErrorResponseException;

/**
 * 403 for a caller whose role and county fit the endpoint but who is not the one the record is
 * for: another assessor's declaration, or an assessor who has not declared or has recused. The
 * audit filter records it as a denial like any other 403.
 */
final class Refusals {

  private Refusals() {}

  static ErrorResponseException forbidden(Msg detail) {
    return ApiProblem.forbidden(detail);
  }
}
