package org.gongyu.school.imports;

import jakarta.validation.Validator;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.gongyu.chassis.excel.ChunkApplier;
import org.gongyu.chassis.excel.ImportRow;
import org.gongyu.chassis.web.ApiProblem;
import org.gongyu.chassis.web.Msg;
import org.gongyu.school.records.Findings;
import org.gongyu.school.records.IdempotentBatch;
import org.springframework.stereotype.Component;

/**
 * Imports of the families that have no batch endpoint, only a PUT per record id (classes, the parent
 * school and its sessions, head trainings, instructors, committees, suggestions, the special-student
 * register, consultation cases) or one record per school (the parent school, no id column): each row is the PUT's request body plus the record id (a column),
 * checked by {@link RowRequests} like a request body and applied on its own with the PUT's service
 * method, so a row is exactly a PUT: new → applied, identical content → unchanged, other content →
 * a correction, which needs the reason column (as the PUT does).
 *
 * <p>The service's refusals are put on the row's cells in the service's own words: its rule
 * findings ({@code field: ...}) on that column, a missing correction reason on the reason column, a
 * withdrawn record on the id column, a refusal the family places by its message code on that column;
 * anything else on the row. A refused row leaves nothing behind (each PUT is its own transaction)
 * and does not hold back the others.
 */
@Component
public class PerRecordImport {

  /** A field name at the start of a finding ({@code classId: ...}). */
  private static final java.util.regex.Pattern FIELD = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9]*");

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
   * Applies each row as one PUT of the record named by its {@code idKey} column ({@code null}: the
   * school's one record of the family, a PUT without an id).
   *
   * @param idRule      the PUT's rule for the record id in its path (a row with another id is refused at that cell)
   * @param codeColumns the column a refusal of the service belongs to, by its message code, where it names no
   *                    field (e.g. a RESOLVED case without resolvedOn → resolvedOn)
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> chunk, Class<T> requestType, String idKey, RecordId idRule,
      Map<String, String> codeColumns, Put<T> put) {
    return apply(chunk, requestType, idKey, idRule, codeColumns, Set.of(), put);
  }

  /**
   * As {@link #apply(List, Class, String, RecordId, Map, Put)}, for a template with {@code otherColumns}
   * that are not fields of the request (e.g. the school of a county-wide sheet).
   */
  public <T> ChunkApplier.Result apply(List<ImportRow> chunk, Class<T> requestType, String idKey, RecordId idRule,
      Map<String, String> codeColumns, Set<String> otherColumns, Put<T> put) {
    List<ImportRow> readable = new ArrayList<>();
    List<ImportRow> refused = new ArrayList<>();
    Map<String, ImportRow> rowOf = new HashMap<>();
    for (ImportRow row : chunk) {
      Object recordId = idKey == null ? null : row.values().get(idKey);
      if (recordId != null) {
        var violations = validator.validateValue(idRule.holder(), "id", recordId.toString());
        if (!violations.isEmpty()) {
          refused.add(row.refused(Map.of(idKey, Msg.verbatim(violations.iterator().next().getMessage())), List.of()));
          continue;
        }
      }
      rowOf.put(String.valueOf(row.rowNumber()), row);
      readable.add(row);
    }
    ChunkApplier.Result result = rows.apply(readable, requestType, "records", notInItem(idKey, otherColumns), row -> String.valueOf(row.rowNumber()),
        (rowNumber, items) -> {
          ImportRow row = rowOf.get(rowNumber);
          Object recordId = idKey == null ? null : row.values().get(idKey);
          List<String> findings = new ArrayList<>();
          try {
            boolean changed = IdempotentBatch.listingEveryFinding(findings,
                () -> put.apply(recordId == null ? null : recordId.toString(), items.getFirst()));
            return new RowRequests.Counts(changed ? 1 : 0, changed ? 0 : 1);
          } catch (ApiProblem p) {
            refused.add(placed(row, p, findings, idKey, codeColumns));
            return new RowRequests.Counts(0, 0);
          }
        });
    refused.addAll(result.refused());
    return new ChunkApplier.Result(result.applied(), result.unchanged(), refused);
  }

  /**
   * The row refused where the service's refusal belongs: a message code placed by the family, a
   * withdrawn record on the id, a missing reason on the reason, each rule finding ({@code field: ...})
   * on its field, a detail that names its field first on that field; anything else on the row, in the service's words.
   */
  private static ImportRow placed(ImportRow row, ApiProblem p, List<String> findings, String idKey, Map<String, String> codeColumns) {
    String code = p.getDetailMessageCode();
    Msg detail = code != null ? new Msg(code, p.getDetailMessageArguments()) : Msg.verbatim(String.valueOf(p.getBody().getDetail()));
    String column = code == null ? null : codeColumns.getOrDefault(code, switch (code) {
      case "school.record.withdrawn" -> idKey;
      case "school.record.reason-required" -> "reason";
      default -> null;
    });
    Map<String, Msg> cells = new LinkedHashMap<>();
    List<Msg> others = new ArrayList<>();
    List<String> listed = findings.isEmpty() ? listed(p) : findings;
    if (column != null) {
      cells.put(column, detail);
    } else if (!listed.isEmpty()) {
      for (String finding : listed) {
        int colon = finding.indexOf(": ");
        if (colon > 0 && FIELD.matcher(finding.substring(0, colon)).matches()) {
          cells.putIfAbsent(finding.substring(0, colon), Findings.of(finding));
        } else {
          others.add(Findings.of(finding));
        }
      }
    } else {
      // a refusal whose detail names its field first ("classId: ...") belongs on that column
      String text = String.valueOf(p.getBody().getDetail());
      int colon = text.indexOf(": ");
      if (colon > 0 && FIELD.matcher(text.substring(0, colon)).matches()) {
        cells.put(text.substring(0, colon), detail);
      } else {
        others.add(detail);
      }
    }
    return row.refused(cells, others);
  }

  private static List<String> listed(ApiProblem p) {
    Object errors = p.getBody().getProperties() == null ? null : p.getBody().getProperties().get("errors");
    if (errors instanceof List<?> list) {
      return list.stream().map(String::valueOf).toList();
    }
    return List.of();
  }

  private static Set<String> notInItem(String idKey, Set<String> otherColumns) {
    Set<String> keys = new java.util.HashSet<>(otherColumns);
    if (idKey != null) {
      keys.add(idKey);
    }
    return keys;
  }
}
