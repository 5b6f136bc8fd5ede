package org.gongyu.contracts.city.v1;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A family-education instructor certificate (家庭教育指导师证书, seeds W9 and T19, ADR 0025) as it stands
 * after the city centre issued, renewed or revoked it. The city holds the certificates; schools keep
 * a copy so that an instructor a school records can be checked against the city's certificate by its
 * number, and the school can count its instructors holding a valid one ({@code INSTRUCTOR_LICENSED}).
 * Holders are school and county staff (adults); only what schools need travels: the holder's name,
 * school and county, and the certificate's days. Scores, attendance and revocation reasons stay at
 * the city. Consumers keep the highest {@code version} per certificate and ignore older ones.
 *
 * @param cityId     the city whose centre issued the certificate
 * @param number     the certificate's number, unique in the city (also the record key)
 * @param holderName the holder's name as on the certificate
 * @param schoolId   the holder's school when trained as school staff, else null
 * @param countyId   the holder's county, null for city-direct schools and city staff
 * @param issuedOn   the day of issue
 * @param expiresOn  the first day the certificate no longer counts (issue day + 3 years by default)
 * @param status     VALID or REVOKED
 * @param revokedOn  the first day a revoked certificate no longer counts, null unless revoked
 * @param at         when the certificate changed, UTC
 * @param version    strictly increasing per certificate
 */
public record InstructorCertificateChanged(String cityId, String number, String holderName, String schoolId, String countyId,
    LocalDate issuedOn, LocalDate expiresOn, Status status, LocalDate revokedOn, Instant at, long version) {

  /** Where the certificate stands; an expired one is still {@code VALID} here and stops counting on {@code expiresOn}. */
  public enum Status { VALID, REVOKED }

  public InstructorCertificateChanged {
    Objects.requireNonNull(cityId, "cityId");
    Objects.requireNonNull(number, "number");
    Objects.requireNonNull(holderName, "holderName");
    Objects.requireNonNull(issuedOn, "issuedOn");
    Objects.requireNonNull(expiresOn, "expiresOn");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(at, "at");
    if (!expiresOn.isAfter(issuedOn)) {
      throw new IllegalArgumentException("expiresOn must be after issuedOn");
    }
    if ((status == Status.REVOKED) != (revokedOn != null)) {
      throw new IllegalArgumentException("revokedOn is set exactly when the certificate is revoked");
    }
    if (version < 1) {
      throw new IllegalArgumentException("version must be >= 1");
    }
  }

  /** Whether the certificate counts on {@code day}: issued by then, not yet expired, not revoked by then. */
  public boolean validOn(LocalDate day) {
    return !day.isBefore(issuedOn) && day.isBefore(expiresOn) && (revokedOn == null || day.isBefore(revokedOn));
  }
}
