package org.gongyu.district.demonstration.assessment;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 403 for a caller whose role and county fit the endpoint but who is not the one the record is
 * for: another assessor's declaration, or an assessor who has not declared or has recused. The
 * audit filter records it as a denial like any other 403.
 */
final class Refusals {

  private Refusals() {}

  static ErrorResponseException forbidden(String detail) {
    ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail);
    pd.setType(URI.create("urn:gongyu:problem:forbidden"));
    pd.setTitle("Forbidden");
    return new ErrorResponseException(HttpStatus.FORBIDDEN, pd, null);
  }
}
