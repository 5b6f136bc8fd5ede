package org.gongyu.school.imports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.records.IdempotentBatch;
import org.springframework.stereotype.Component;

/**
 * Imports of the families that have no batch endpoint, only a PUT per record id (the special-student
 * register, consultation cases): each row is the PUT's request body plus the record id (a column),
 * checked by {@link RowRequests} like a request body and applied on its own with the PUT's service
 * method, so a row is exactly a PUT: new → applied, identical content → unchanged, other content →
 * a correction, which needs the reason column (as the PUT does).
 *
 * <p>The service's refusals are put on the row's cells: its rule findings ({@code field: ...}) on
 * that column, a missing correction reason on the reason column; a refusal of the whole record
 * (withdrawn, another student, ...) on the row, in the service's own words.
 */
@Component
public class PerRecordImport {

  /** Where a single row's findings are placed for {@link RowRequests} ({@code records[0].field: ...}). */
  private static final String PATH = "records";
  private static final java.util.regex.Pattern FIELD_FINDING = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9]*: .*", java.util.regex.Pattern.DOTALL);

  private final RowRequests rows;
  private final Validator validator;

  PerRecordImport(RowRequests rows, Validator validator) {
    this.rows = rows;
    this.validator = validator;
  }

  /** How a PUT's path names its records, checked by Bean Validation as the controller's path variable is. */
  public enum RecordId {
    /** {@code [A-Za-z0-9._:-]{1,40}} (special-student entries) */
    EXTERNAL_ID,
    /** {@code [A-Za-z0-9-]{1,40}} (consultation cases) */
    ID;

    Class<?> holder() {
      return this == EXTERNAL_ID ? ExternalIdLike.class : IdLike.class;
    }
  }

  record ExternalIdLike(@Size(max = 40) @Pattern(regexp = "[A-Za-z0-9._:-]+", message = "{gongyu.validation.external-id}") String id) {}

  record IdLike(@Pattern(regexp = "[A-Za-z0-9-]{1,40}") String id) {}

  /** The PUT's service method: {@code true} when the record was created or changed, {@code false} when identical. */
  @FunctionalInterface
  public interface Put<T> {
    boolean apply(String recordId, T request);
  }

  /**
   * Applies each row as one PUT of the record named by its {@code idKey} column.
   *
   * @param idRule    the PUT's rule for the record id in its path (a row with another id is refused at that cell)
   * @param required  the message codes of the service's field-less 400 refusals, by the field they concern
   *                  (e.g. a RESOLVED case without resolvedOn)
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> chunk, Class<T> requestType, String idKey, RecordId idRule,
      Map<String, String> required, Put<T> put) {
    List<ImportRow> readable = new ArrayList<>();
    List<ImportRow> refused = new ArrayList<>();
    Map<String, String> recordOfRow = new HashMap<>();
    for (ImportRow row : chunk) {
      Object recordId = row.values().get(idKey);
      if (recordId != null) {
        var violations = validator.validateValue(idRule.holder(), "id", recordId.toString());
        if (!violations.isEmpty()) {
          refused.add(row.refused(Map.of(idKey, Msg.verbatim(violations.iterator().next().getMessage())), List.of()));
          continue;
        }
      }
      recordOfRow.put(String.valueOf(row.rowNumber()), recordId == null ? null : recordId.toString());
      readable.add(row);
    }
    BiFunction<String, T, RowRequests.Counts> one = (row, request) -> {
      List<String> findings = new ArrayList<>();
      try {
        boolean changed = IdempotentBatch.listingEveryFinding(findings, () -> put.apply(recordOfRow.get(row), request));
        return new RowRequests.Counts(changed ? 1 : 0, changed ? 0 : 1);
      } catch (ApiProblem p) {
        throw located(p, findings, required);
      }
    };
    ChunkApplier.Result result = rows.apply(readable, requestType, PATH, Set.of(idKey), row -> String.valueOf(row.rowNumber()),
        (row, items) -> one.apply(row, items.getFirst()));
    refused.addAll(result.refused());
    return new ChunkApplier.Result(result.applied(), result.unchanged(), refused);
  }

  /** The refusal of one PUT as {@link RowRequests} places it: findings by field, else the record's problem. */
  private static ApiProblem located(ApiProblem p, List<String> findings, Map<String, String> required) {
    List<String> fields = new ArrayList<>(findings);
    if (fields.isEmpty()) {
      fields.addAll(listed(p));
    }
    String code = p.getDetailMessageCode();
    if ("school.record.reason-required".equals(code)) {
      fields = List.of("reason: is required (1 to 500 characters)");
    }
    for (var e : required.entrySet()) {
      if (e.getValue().equals(code)) {
        fields = List.of(e.getKey() + ": is required");
      }
    }
    fields = fields.stream().filter(f -> FIELD_FINDING.matcher(f).matches()).toList();
    if (!fields.isEmpty()) {
      try {
        IdempotentBatch.rejectIf("request", fields.stream().map(f -> PATH + "[0]." + f).toList());
      } catch (ApiProblem placed) {
        return placed;
      }
    }
    if (p.getStatusCode().value() == 409 && code != null) {
      // a refusal of the record (withdrawn, another student, a status it may not take) in its own
      // words: answered as a 409, the import would read it as "changed since it was recorded"
      return ApiProblem.unprocessable(new Msg(code, p.getDetailMessageArguments()), List.of());
    }
    return p;
  }

  private static List<String> listed(ApiProblem p) {
    Object errors = p.getBody().getProperties() == null ? null : p.getBody().getProperties().get("errors");
    if (errors instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }
}
